package org.medfed.data.tabular;

/**
 * A difference between hospitals' tables found before a run, tied to the participant and column concerned
 * so that a screen can show it next to them, with what kind of difference it is so that a screen can offer the
 * control that fixes it.
 */
public record SchemaProblem(String participant, String column, Severity severity, String message, Kind kind) {

    /** Errors stop the run; warnings are shown. */
    public enum Severity {
        ERROR,
        WARNING
    }

    /** What a screen can offer to fix it. */
    public enum Kind {
        /** Anything else: the message says what to do. */
        OTHER,
        /** Hospitals code a column's values differently: fixed by recoding at a hospital (its mapping). */
        CODING,
        /** A column that looks like an identifier was left out of the features: it can be kept. */
        IDENTIFIER
    }

    public SchemaProblem(String participant, String column, Severity severity, String message) {
        this(participant, column, severity, message, Kind.OTHER);
    }

    @Override
    public String toString() {
        return participant + (column == null ? "" : ", column '" + column + "'") + ": " + message;
    }
}
