package org.medfed.data.tabular;

import java.util.List;
import org.medfed.data.csv.ColumnType;

/**
 * What a hospital says about one column it may use as a feature, so that the coordinator can agree on its type
 * and explain a disagreement. Leaves the hospital: the column's name, the type its values look like
 * ({@code "numeric"} or {@code "categorical"}), how many values are present and missing, whether it is mostly
 * numbers with a few words (a typo to fix), for a column that is not all numbers its first value that is not a
 * number with its line (the example the schema check's messages show), for a column of categories the names of its
 * levels (which leave at the level step anyway, so that codings can be compared before anything else), and whether
 * the column looks like an identifier (a different value on every row), and for a column of numbers its mean and
 * standard deviation when it has at least {@link #MOMENTS_MIN_VALUES} values (and the hospital's minimum count):
 * the figures a run's agreement sends anyway (a count and sums per column), from which the check across hospitals
 * tells a column kept in other units (see data.harmonise.UnitHints). Not its median or range: those are a
 * patient's value. No other value of the column.
 *
 * @param inferredType   {@code "numeric"} when every present value is a number, else {@code "categorical"}
 * @param mostlyNumbers  at least 80 % of the present values (and at least 4) are numbers, but not all
 * @param firstText      the first value that is not a number, or null when there is none
 * @param firstTextLine  the line of {@code firstText} in the file, 0 when there is none
 * @param levels         the distinct values of a column of categories (in level order), empty for numbers, for an
 *                       identifier and for a column with more distinct values than a category column has
 * @param identifierLike every row has a value and no two rows share one (text, or whole numbers), in a table of
 *                       at least {@link #IDENTIFIER_MIN_ROWS} rows
 * @param mean           the mean of a numeric column's values, or null (not numeric, or too few values)
 * @param sd             their sample standard deviation, null when {@code mean} is
 * @param zerosApart     how many values are 0 in a column of measurements whose other values are all positive, of
 *                       at least {@link #MOMENTS_MIN_VALUES} different values, with 0 more than
 *                       {@link #ZEROS_APART_SDS} of their standard deviations below their mean ("not recorded"
 *                       written as 0, often); 0 when not so, or when fewer than the hospital's minimum count
 */
public record ColumnSummary(String name, String inferredType, int present, int missing, boolean mostlyNumbers,
                            String firstText, int firstTextLine, List<String> levels, boolean identifierLike,
                            Double mean, Double sd, int zerosApart) {

    /** Fewer rows than this are too few to call a column unique by more than chance. */
    public static final int IDENTIFIER_MIN_ROWS = 20;
    /** Fewer values than this are too few to compare units on, and their mean comes too close to one value. */
    public static final int MOMENTS_MIN_VALUES = 10;
    /**
     * How far below the other values' mean, in their standard deviations, a 0 is no plausible measurement. On the
     * real files of ../shared: the zeros of the Pima data's glucose (4.0), blood pressure (5.9), skin fold (2.8) and
     * BMI (4.7), and of the VA centre's cholesterol (4.5) and blood pressure (7.3) are flagged; the zeros of
     * pregnancies (1.4) and ST depression (1.4 to 2.2) are not, nor, wrongly, Pima's insulin (1.3).
     */
    public static final double ZEROS_APART_SDS = 2.5;

    public ColumnSummary {
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    /** A column without levels that is not an identifier. */
    public ColumnSummary(String name, String inferredType, int present, int missing, boolean mostlyNumbers,
                         String firstText, int firstTextLine) {
        this(name, inferredType, present, missing, mostlyNumbers, firstText, firstTextLine, List.of(), false);
    }

    /** A column without a mean and standard deviation. */
    public ColumnSummary(String name, String inferredType, int present, int missing, boolean mostlyNumbers,
                         String firstText, int firstTextLine, List<String> levels, boolean identifierLike) {
        this(name, inferredType, present, missing, mostlyNumbers, firstText, firstTextLine, levels, identifierLike,
                null, null, 0);
    }

    public ColumnType type() {
        return ColumnType.parse(inferredType);
    }
}
