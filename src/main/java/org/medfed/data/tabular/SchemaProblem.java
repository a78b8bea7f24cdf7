package org.medfed.data.tabular;

/**
 * A difference between hospitals' tables found before a run, tied to the participant and column concerned
 * so that a screen can show it next to them.
 */
public record SchemaProblem(String participant, String column, Severity severity, String message) {

    /** Errors stop the run; warnings are shown. */
    public enum Severity {
        ERROR,
        WARNING
    }

    @Override
    public String toString() {
        return participant + (column == null ? "" : ", column '" + column + "'") + ": " + message;
    }
}
