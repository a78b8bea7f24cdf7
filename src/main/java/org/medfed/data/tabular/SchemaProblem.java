package org.medfed.data.tabular;

import java.util.Collection;
import java.util.List;

/**
 * A difference between hospitals' tables found before a run, tied to the participant and column concerned
 * so that a screen can show it next to them, with what kind of difference it is so that a screen can offer the
 * control that fixes it.
 *
 * @param unitFactor  for a {@link Kind#UNIT} problem, the factor the hospital's numbers of the column are to be
 *                    multiplied by (its mapping's unit factor); else null
 * @param notRecorded for a {@link Kind#NOT_RECORDED} problem, the value that may mean "not recorded" in the
 *                    column at the hospital; else null
 */
public record SchemaProblem(String participant, String column, Severity severity, String message, Kind kind,
                            Double unitFactor, String notRecorded) {

    /** The participant of a problem of the study as a whole (a column all hospitals share, a missing label). */
    public static final String ALL_HOSPITALS = "all";

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
        IDENTIFIER,
        /** A hospital's numbers look like another unit: fixed by its mapping's unit factor, {@code unitFactor}. */
        UNIT,
        /** A hospital's numbers are written with a decimal comma that its file is not read with: its import options. */
        DECIMAL_COMMA,
        /** A value that looks like "not recorded" at a hospital, {@code notRecorded}: fixed by marking it so. */
        NOT_RECORDED
    }

    public SchemaProblem(String participant, String column, Severity severity, String message) {
        this(participant, column, severity, message, Kind.OTHER);
    }

    public SchemaProblem(String participant, String column, Severity severity, String message, Kind kind) {
        this(participant, column, severity, message, kind, null, null);
    }

    /** A hospital's numbers of a column that look like another unit, by {@code unitFactor}: a warning. */
    public static SchemaProblem unit(String participant, String column, String message, double unitFactor) {
        return new SchemaProblem(participant, column, Severity.WARNING, message, Kind.UNIT, unitFactor, null);
    }

    /** A value of a column that looks like "not recorded" at a hospital: a warning. */
    public static SchemaProblem notRecorded(String participant, String column, String message, String value) {
        return new SchemaProblem(participant, column, Severity.WARNING, message, Kind.NOT_RECORDED, null, value);
    }

    /** The columns the check left out of the features because they look like identifiers. */
    public static List<String> leftOutAsIdentifiers(Collection<SchemaProblem> problems) {
        return problems.stream().filter(p -> p.kind() == Kind.IDENTIFIER && p.column() != null)
                .map(SchemaProblem::column).toList();
    }

    /** Whether the problem concerns {@code hospital}: it names it, or it is the study's as a whole. */
    public boolean concerns(String hospital) {
        return studyWide() || participant.equals(hospital);
    }

    /** Whether the problem is the study's as a whole rather than one hospital's. */
    public boolean studyWide() {
        return participant == null || ALL_HOSPITALS.equals(participant);
    }

    @Override
    public String toString() {
        // a study-wide message names its column itself: "all, column 'id': column 'id' looks like..." said it twice
        return studyWide() ? message
                : participant + (column == null ? "" : ", column '" + column + "'") + ": " + message;
    }
}
