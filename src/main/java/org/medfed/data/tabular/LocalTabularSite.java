package org.medfed.data.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfed.data.ExampleSet;
import org.medfed.data.csv.ColumnProfile;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.SplitRule;
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
        Map<String, ColumnProfile> profiles = TableProfiler.profile(table);
        List<ColumnSummary> features = new ArrayList<>();
        for (String column : table.columns()) {
            if (settings.mayBeFeature(column)) {
                features.add(describe(profiles.get(column)));
            }
        }
        return new SchemaSummary(table.fileName(), table.columns(), features);
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
