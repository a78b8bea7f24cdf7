package org.medfed.gui.common;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.medfed.engine.BadInputException;

/** Turns a failure into what a clinician reads first, and the technical details kept behind a button. */
public final class ErrorText {

    private ErrorText() {
    }

    public static String plain(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BadInputException b) {
                // a message that starts with a file name keeps it as written
                return b.file() != null ? b.getMessage() : capitalise(b.getMessage());
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return "MedFed ran out of memory. Close other programs or use fewer or smaller data files, then try again.";
            }
            if (t instanceof java.nio.file.AccessDeniedException a) {
                return "MedFed is not allowed to use " + a.getFile() + ". Check the file's permissions.";
            }
            if (t instanceof java.nio.file.NoSuchFileException n) {
                return "The file " + n.getFile() + " does not exist.";
            }
        }
        return "Something went wrong inside MedFed: this is a bug, not a problem with your data. "
                + "The details below help us fix it.";
    }

    /** True when the details (stack trace) add something a developer needs. */
    public static boolean isBug(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BadInputException) {
                return false;
            }
        }
        return true;
    }

    public static String details(Throwable error) {
        StringWriter sw = new StringWriter();
        error.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }

    static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
