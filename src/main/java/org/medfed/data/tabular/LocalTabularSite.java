package org.medfed.data.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfed.analytics.moments.Moments;
import org.medfed.data.ExampleSet;
import org.medfed.data.csv.ColumnProfile;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvReader;
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
        if (minimumCount < 1) {
            throw new IllegalArgumentException("minimumCount must be at least 1, was " + minimumCount);
        }
        this.name = name;
        this.table = table;
        this.settings = settings;
        this.minimumCount = minimumCount;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SchemaSummary schemaSummary() {
        return schemaSummary(table, TableProfiler.profile(table), settings::mayBeFeature);
    }

    private static SchemaSummary schemaSummary(CsvTable table, Map<String, ColumnProfile> profiles,
                                               java.util.function.Predicate<String> mayBeFeature) {
        List<ColumnSummary> features = new ArrayList<>();
        for (String column : table.columns()) {
            if (mayBeFeature.test(column)) {
                features.add(describe(profiles.get(column)));
            }
        }
        return new SchemaSummary(table.fileName(), table.columns(), features);
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
        SchemaSummary schema = schemaSummary(table, profiles, settings == null ? c -> true : settings::mayBeFeature);
        return new TableOverview(table.rowCount(), schema, label, counts, withheld, minimumCount);
    }

    private static ColumnSummary describe(ColumnProfile p) {
        return new ColumnSummary(p.name(), p.inferredType().id(), p.present(), p.missing(), mostlyNumbers(p),
                p.firstText(), p.firstTextLine());
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
        rows = new SiteTable(name, table, settings, featureTypes);
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
