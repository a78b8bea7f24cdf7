package org.medfed.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A problem with what the user gave us (a data file, a study file, an option), worded for a clinician:
 * {@code "hospital-b.csv line 17: column 'age' is 'abc', expected a number"}.
 *
 * <p>The command line turns it into exit code 2; the workbench shows it as a plain dialog. It carries the
 * file and location separately so that a screen can point at them.
 */
public class BadInputException extends RuntimeException {

    private final transient Path file;
    private final String location;
    private final String problem;

    public BadInputException(Path file, String location, String problem) {
        this(file, location, problem, null);
    }

    public BadInputException(Path file, String location, String problem, Throwable cause) {
        super(compose(file, location, problem), cause);
        this.file = file;
        this.location = location;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** A problem that is not tied to a file, such as a bad option. */
    public BadInputException(String problem) {
        this(null, null, problem, null);
    }

    public BadInputException(String problem, Throwable cause) {
        this(null, null, problem, cause);
    }

    private static String compose(Path file, String location, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            Path name = file.getFileName();
            sb.append(name == null ? file.toString() : name.toString());
        }
        if (location != null && !location.isEmpty()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(location);
        }
        if (sb.length() > 0) {
            sb.append(": ");
        }
        return sb.append(problem).toString();
    }

    /** The same problem at the same place, followed by what the user can do about it ({@code advice}, a sentence). */
    public BadInputException withAdvice(String advice) {
        return new BadInputException(file, location, problem + ". " + advice, this);
    }

    /** The file concerned, or null. */
    public Path file() {
        return file;
    }

    /** Where in the file ("line 17", "column 'age'", "tag (0028,0010)"), or null. */
    public String location() {
        return location;
    }

    /** What is wrong, without the file and location. */
    public String problem() {
        return problem;
    }
}
