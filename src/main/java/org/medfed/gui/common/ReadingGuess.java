package org.medfed.gui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medfed.data.csv.CsvDialect;
import org.medfed.data.csv.CsvFormat;
import org.medfed.project.CsvOptions;

/**
 * How a table just chosen in a window (the Participants screen, a node's Datasets tab) is read: as its first lines
 * suggest where that is not the plain way (a European export), and what the notice says about it.
 */
public final class ReadingGuess {

    private ReadingGuess() {
    }

    /**
     * {@code current} with what {@code file}'s first lines suggest over {@code base}; when anything changes, a phrase
     * for the notice ("x.csv with ';' between values, a decimal comma") joins {@code said}. A file that cannot be read
     * keeps {@code current}: its reading reports what is wrong.
     */
    public static CsvOptions apply(Path file, CsvOptions current, CsvFormat base, List<String> said) {
        CsvDialect d;
        try {
            d = CsvDialect.of(file);
        } catch (java.io.IOException | RuntimeException e) {
            return current;
        }
        List<String> how = new ArrayList<>();
        CsvOptions o = current.guessedFrom(d, base, how);
        if (!how.isEmpty()) {
            said.add(file.getFileName() + " with " + String.join(", ", how));
        }
        return o;
    }

    /** The notice for the guesses {@link #apply} made, or empty when it made none. */
    public static String notice(List<String> said) {
        return said.isEmpty() ? "" : "Read " + String.join("; ", said) + ", as " + (said.size() == 1
                ? "its first lines suggest" : "their first lines suggest") + " (Import options to change).";
    }
}
