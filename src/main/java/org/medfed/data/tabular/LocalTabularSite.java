package org.medfed.data.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfed.data.ExampleSet;
import org.medfed.data.csv.ColumnProfile;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.SplitRule;
import org.medfed.data.csv.CsvNumber;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.csv.TableProfiler;

/**
 * A hospital's side of the agreement run next to its table in this process (the simulation; later, inside a
 * node at the hospital). It profiles the table itself and, once the feature types are agreed, keeps its rows in a
 * {@link SiteTable}; every answer is a summary record.
 */
public final class LocalTabularSite implements TabularSite {

    /** The default threshold: every level count is reported, as the pooled fill values need them exactly. */
    public static final int REPORT_EVERY_COUNT = 1;

    private final String name;
    private final CsvTable table;
    private final TabularSettings settings;
    private final int minimumCount;
    private final SplitRule splitRule;
    private SiteTable rows;

    public LocalTabularSite(String name, CsvTable table, TabularSettings settings) {
        this(name, table, settings, REPORT_EVERY_COUNT);
    }

    /**
     * @param minimumCount level counts below it are not reported in {@link TrainLevelCounts} (the level's name
     *                     still is, in the {@link LevelSummary}, since encoding needs it): a hospital's small-cell
     *                     rule. Above 1 the pooled fill level may differ from the one counted over all rows. It
     *                     does not reach the {@link #encodedMoments}: the sum of a one-hot input is its level's
     *                     training count, which standardisation needs exactly.
     */
    public LocalTabularSite(String name, CsvTable table, TabularSettings settings, int minimumCount) {
        this(name, table, settings, minimumCount, SplitRule.OURS);
    }

    public LocalTabularSite(String name, CsvTable table, TabularSettings settings, int minimumCount,
                            SplitRule splitRule) {
        if (minimumCount < 1) {
            throw new IllegalArgumentException("minimumCount must be at least 1, was " + minimumCount);
        }
        this.name = name;
        this.table = table;
        this.settings = settings;
        this.minimumCount = minimumCount;
        this.splitRule = splitRule;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SchemaSummary schemaSummary() {
        return schemaSummary(table, TableProfiler.profile(table), settings, minimumCount);
    }

    /** @param settings the study's settings, or null before it has a label: then every column may be a feature */
    private static SchemaSummary schemaSummary(CsvTable table, Map<String, ColumnProfile> profiles,
                                               TabularSettings settings, int minimumCount) {
        List<ColumnSummary> features = new ArrayList<>();
        for (String column : table.columns()) {
            if (settings == null || settings.mayBeFeature(column)) {
                ColumnType chosen = settings == null ? null : settings.types().get(column);
                int c = table.columnIndex(column);
                features.add(describe(profiles.get(column), chosen, IdentifierColumns.byValues(table, c),
                        moments(table, c, profiles.get(column), minimumCount)));
            }
        }
        return new SchemaSummary(table.fileName(), table.columns(), features,
                settings == null ? List.of() : labelValues(table, settings));
    }

    /**
     * A hospital's table as a whole before anything is chosen, for the researcher's screen: rows, the schema
     * summary, and the label's counts held to the hospital's minimum count. Needs no rows selected.
     *
     * @param settings the study's settings, or null before it has a label: then every column may be a feature
     */
    public static TableOverview overview(CsvTable table, TabularSettings settings, int minimumCount) {
        Map<String, ColumnProfile> profiles = TableProfiler.profile(table);
        String label = settings == null ? null : settings.label();
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        int withheld = 0;
        ColumnProfile lp = label == null ? null : profiles.get(label);
        if (lp != null) {
            for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(lp.levelCounts()).entrySet()) {
                if (e.getValue() >= minimumCount) {
                    counts.put(e.getKey(), e.getValue());
                } else {
                    withheld++;
                }
            }
        }
        return new TableOverview(table.rowCount(), schemaSummary(table, profiles, settings, minimumCount), label, counts, withheld,
                minimumCount);
    }

    private static ColumnSummary describe(ColumnProfile p, ColumnType chosen, boolean identifier, ColumnMoments moments) {
        boolean categories = chosen == ColumnType.CATEGORICAL
                || (chosen == null && p.inferredType() == ColumnType.CATEGORICAL);
        List<String> levels = identifier || !categories ? List.of()
                : p.levelCounts().keySet().stream().map(LabelRule::canonical).distinct().toList();
        return new ColumnSummary(p.name(), p.inferredType().id(), p.present(), p.missing(), mostlyNumbers(p),
                p.firstText(), p.firstTextLine(), levels, identifier, moments == null ? null : moments.mean(),
                moments == null ? null : moments.sd(), moments == null ? 0 : moments.zerosApart());
    }

    /** What a hospital says of a column of numbers: see {@link ColumnSummary}'s fields of the same names. */
    private record ColumnMoments(double mean, double sd, int zerosApart) {
    }

    /** The count, mean and sample standard deviation of some of a column's numbers. */
    private record Spread(int n, double mean, double sd) {
    }

    /**
     * The mean and sample standard deviation of a column of numbers with at least
     * {@link ColumnSummary#MOMENTS_MIN_VALUES} values and the hospital's minimum count, and its zeros far below the
     * other values; null otherwise.
     */
    private static ColumnMoments moments(CsvTable table, int column, ColumnProfile p, int minimumCount) {
        if (p.inferredType() != ColumnType.NUMERIC || p.present() < Math.max(minimumCount, ColumnSummary.MOMENTS_MIN_VALUES)) {
            return null;
        }
        Spread all = spread(table, column, false);
        return all == null ? null : new ColumnMoments(all.mean(), all.sd(), zerosApart(table, column, p, minimumCount));
    }

    /**
     * How many zeros lie far below the column's other values ({@link ColumnSummary#zerosApart}), 0 when not so. The
     * profile already tells most of it: a smallest value of 0 means there are zeros and no negative value, and its
     * distinct values tell a measurement from a code; only the other values' spread needs a pass.
     */
    private static int zerosApart(CsvTable table, int column, ColumnProfile p, int minimumCount) {
        if (p.min() != 0 || distinctNumbers(p) < ColumnSummary.MOMENTS_MIN_VALUES) {
            return 0;
        }
        Spread others = spread(table, column, true);
        if (others == null) {
            return 0;
        }
        int zeros = p.present() - others.n();
        return zeros >= Math.max(1, minimumCount) && others.n() >= ColumnSummary.MOMENTS_MIN_VALUES
                && others.mean() > ColumnSummary.ZEROS_APART_SDS * others.sd() ? zeros : 0;
    }

    /** How many different numbers the column holds, as far as its profile counts levels (beyond: as many). */
    private static int distinctNumbers(ColumnProfile p) {
        if (p.distinct() < 0) {
            return ColumnProfile.MAX_LEVELS + 1;
        }
        return (int) p.levelCounts().keySet().stream().mapToDouble(CsvNumber::anyValue).distinct().count();
    }

    /** The spread of the column's numbers (without its zeros when {@code withoutZeros}); null for fewer than two. */
    private static Spread spread(CsvTable table, int column, boolean withoutZeros) {
        double sum = 0;
        int n = 0;
        for (int r = 0; r < table.rowCount(); r++) {
            if (!table.isMissing(r, column) && !(withoutZeros && table.number(r, column) == 0)) {
                sum += table.number(r, column);
                n++;
            }
        }
        if (n < 2) {
            return null;
        }
        double mean = sum / n;
        double squares = 0; // about the mean, a second pass: no cancellation for large values with a small spread
        for (int r = 0; r < table.rowCount(); r++) {
            if (!table.isMissing(r, column) && !(withoutZeros && table.number(r, column) == 0)) {
                double d = table.number(r, column) - mean;
                squares += d * d;
            }
        }
        double sd = Math.sqrt(squares / (n - 1));
        return Double.isFinite(mean) && Double.isFinite(sd) ? new Spread(n, mean, sd) : null;
    }

    /** The class names of the labelled rows, at most {@link ColumnProfile#MAX_LEVELS} (more is not a class label). */
    private static List<String> labelValues(CsvTable table, TabularSettings settings) {
        int c = table.columnIndex(settings.label());
        if (c < 0) {
            return List.of();
        }
        java.util.Set<String> classes = new java.util.HashSet<>(); // ordered once at the end, not on every row
        for (int r = 0; r < table.rowCount() && classes.size() <= ColumnProfile.MAX_LEVELS; r++) {
            String name = table.isMissing(r, c) ? null : settings.labelRule().apply(table, r, c);
            if (name != null) {
                classes.add(name);
            }
        }
        if (classes.size() > ColumnProfile.MAX_LEVELS) {
            return List.of();
        }
        java.util.Set<String> ordered = new java.util.TreeSet<>(TableProfiler::compareLevels);
        ordered.addAll(classes);
        return List.copyOf(ordered);
    }

    /** At least 80 % of the present values (and at least 4 of them) are numbers, but not all. */
    static boolean mostlyNumbers(ColumnProfile p) {
        long numbers = p.levelCounts().isEmpty() ? -1 : p.levelCounts().entrySet().stream()
                .filter(e -> CsvReader.isNumber(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        if (numbers < 0) {
            numbers = Double.isNaN(p.mean()) ? 0 : p.present() - 1; // too many levels to count: numbers with a stray text
        }
        return numbers >= 4 && numbers >= 0.8 * p.present() && numbers < p.present();
    }

    @Override
    public RowSummary selectRows(Map<String, ColumnType> featureTypes) {
        rows = new SiteTable(name, table, settings, featureTypes, splitRule);
        return new RowSummary(rows.usableRows(), rows.droppedForMissingLabel(), rows.droppedForMissingValues());
    }

    @Override
    public LevelSummary levelSummary() {
        return rows().levelSummary();
    }

    @Override
    public SplitSummary split(List<String> classes) {
        rows().split(classes);
        return new SplitSummary(rows.trainSize(), rows.testSize());
    }

    @Override
    public NumericSummary numericSummary() {
        return rows().numericSummary();
    }

    @Override
    public TrainLevelCounts trainLevelCounts() {
        return rows().trainLevelCounts(minimumCount);
    }

    @Override
    public Moments encodedMoments(FittedPreprocessing encoding) {
        return rows().encodedMoments(encoding);
    }

    @Override
    public ExampleSet examples(FittedPreprocessing preprocessing, boolean test) {
        return rows().examples(preprocessing, test);
    }

    /** The kept rows and their split, for the simulation's pooled baseline and for checks; stays at the site. */
    public SiteTable siteTable() {
        return rows();
    }

    private SiteTable rows() {
        if (rows == null) {
            throw new IllegalStateException(name + ": the feature types are not agreed yet (selectRows comes first)");
        }
        return rows;
    }
}
