package org.medfed.data.tabular;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.medfed.analytics.moments.Moments;
import org.medfed.data.ExampleSet;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.csv.TableProfiler;
import org.medfed.engine.BadInputException;

/**
 * Prepares hospitals' CSV tables for a federated run the way a real federation would: each hospital reads its
 * own file; they agree on columns, category levels and classes from level summaries; each splits its rows; the
 * fill values and pooled standardisation come from counts and sums; then each encodes its own examples. Rows
 * never leave a {@link SiteTable}.
 */
public final class TabularFederation {

    /** A participant's name and data file. */
    public record SiteInput(String name, Path file) {
    }

    /** A participant ready to train: its encoded examples and the table they came from. */
    public record PreparedSite(String name, ExampleSet train, ExampleSet test, SiteTable table) {
    }

    private final List<PreparedSite> sites;
    private final FittedPreprocessing preprocessing;
    private final SchemaReport schema;

    private TabularFederation(List<PreparedSite> sites, FittedPreprocessing preprocessing, SchemaReport schema) {
        this.sites = List.copyOf(sites);
        this.preprocessing = preprocessing;
        this.schema = schema;
    }

    public List<PreparedSite> sites() {
        return sites;
    }

    public FittedPreprocessing preprocessing() {
        return preprocessing;
    }

    public SchemaReport schema() {
        return schema;
    }

    /** Reads every site's file and checks the schema across them, without preparing anything. */
    public static SchemaReport checkSchema(List<SiteInput> inputs, CsvFormat format, TabularSettings settings) {
        return SchemaCheck.check(readAll(inputs, format), settings);
    }

    public static TabularFederation prepare(List<SiteInput> inputs, CsvFormat format, TabularSettings settings) {
        if (inputs.isEmpty()) {
            throw new BadInputException("the study has no participants with data");
        }
        return prepareTables(readAll(inputs, format), settings);
    }

    /** As {@link #prepare}, for tables a site built itself (genotype dosages with phenotypes). */
    public static TabularFederation prepareTables(Map<String, CsvTable> tables, TabularSettings settings) {
        if (tables.isEmpty()) {
            throw new BadInputException("the study has no participants with data");
        }
        SchemaReport schema = SchemaCheck.check(tables, settings);
        schema.throwIfErrors();

        List<SiteTable> siteTables = new ArrayList<>();
        tables.forEach((name, table) -> siteTables.add(new SiteTable(name, table, settings, schema.featureTypes())));
        for (SiteTable s : siteTables) {
            if (s.usableRows() == 0) {
                throw new BadInputException(s.table().file(), null, "no usable rows: " + s.droppedForMissingLabel()
                        + " without a label, " + s.droppedForMissingValues() + " with missing values"
                        + (settings.missing() == MissingPolicy.DROP_ROWS ? " (choose to impute missing values instead)" : ""));
            }
        }

        // 1. agree on category levels and classes from each site's level summary
        Map<String, TreeSet<String>> levels = new LinkedHashMap<>();
        TreeSet<String> classes = new TreeSet<>(TableProfiler::compareLevels);
        for (SiteTable s : siteTables) {
            LevelSummary summary = s.levelSummary();
            summary.levels().forEach((column, found) -> levels
                    .computeIfAbsent(column, c -> new TreeSet<>(TableProfiler::compareLevels)).addAll(found));
            classes.addAll(summary.classes());
        }
        if (classes.size() < 2) {
            throw new BadInputException("the label column '" + settings.label() + "' has only one value ("
                    + String.join(", ", classes) + ") across all hospitals: there is nothing to predict");
        }
        List<String> classList = List.copyOf(classes);

        // 2. each site splits its own rows
        siteTables.forEach(s -> s.split(classList));
        for (SiteTable s : siteTables) {
            if (s.trainSize() == 0) {
                throw new BadInputException(s.table().file(), null, "only " + s.usableRows()
                        + " usable rows: none is left for training after the train/test split");
            }
        }

        // 3. fill values from pooled counts and sums
        List<FeatureColumn> features = agreeOnColumns(schema.featureTypes(), levels, siteTables, settings);
        FittedPreprocessing unscaled = new FittedPreprocessing(features, settings.label(), settings.labelRule(),
                classList, settings.missing(), Normalization.NONE, null, Map.of());

        // 4. standardisation from each site's moments of its encoded training rows
        Map<String, Standardization> perSite = new TreeMap<>();
        List<Moments> moments = new ArrayList<>();
        for (SiteTable s : siteTables) {
            Moments m = s.encodedMoments(unscaled);
            moments.add(m);
            perSite.put(s.name(), Standardization.fromMoments(m.count(), m.sum(), m.sumOfSquares()));
        }
        Moments pooled = Moments.pool(moments, unscaled.inputSize());
        FittedPreprocessing prep = new FittedPreprocessing(features, settings.label(), settings.labelRule(), classList,
                settings.missing(), settings.normalization(),
                Standardization.fromMoments(pooled.count(), pooled.sum(), pooled.sumOfSquares()), perSite);

        List<PreparedSite> prepared = new ArrayList<>();
        for (SiteTable s : siteTables) {
            prepared.add(new PreparedSite(s.name(), s.examples(prep, false), s.examples(prep, true), s));
        }
        return new TabularFederation(prepared, prep, schema);
    }

    private static List<FeatureColumn> agreeOnColumns(Map<String, ColumnType> types, Map<String, TreeSet<String>> levels,
                                                      List<SiteTable> sites, TabularSettings settings) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Double> sums = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> levelCounts = new LinkedHashMap<>();
        for (SiteTable s : sites) {
            NumericSummary n = s.numericSummary();
            n.counts().forEach((c, k) -> counts.merge(c, k, Long::sum));
            n.sums().forEach((c, v) -> sums.merge(c, v, Double::sum));
            s.trainLevelCounts().forEach((c, m) -> m.forEach((level, k) ->
                    levelCounts.computeIfAbsent(c, x -> new TreeMap<>()).merge(level, k, Integer::sum)));
        }
        List<FeatureColumn> out = new ArrayList<>();
        for (Map.Entry<String, ColumnType> e : types.entrySet()) {
            String column = e.getKey();
            if (e.getValue() == ColumnType.NUMERIC) {
                long n = counts.getOrDefault(column, 0L);
                out.add(FeatureColumn.numeric(column, n == 0 ? 0 : sums.get(column) / n));
            } else {
                List<String> found = List.copyOf(levels.getOrDefault(column, new TreeSet<>()));
                String mode = levelCounts.getOrDefault(column, Map.of()).entrySet().stream()
                        .max(Map.Entry.<String, Integer>comparingByValue()
                                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                        .map(Map.Entry::getKey).orElse(found.isEmpty() ? null : found.get(0));
                out.add(new FeatureColumn(column, ColumnType.CATEGORICAL, found, settings.dropFirstLevel(), Double.NaN, mode));
            }
        }
        return out;
    }

    private static Map<String, CsvTable> readAll(List<SiteInput> inputs, CsvFormat format) {
        Map<String, CsvTable> tables = new LinkedHashMap<>();
        for (SiteInput in : inputs) {
            if (tables.containsKey(in.name())) {
                throw new BadInputException("two participants are named '" + in.name() + "'");
            }
            tables.put(in.name(), CsvReader.read(in.file(), format));
        }
        return tables;
    }

    /** All sites' training rows standardised with the pooled statistics: the pooled-training baseline. */
    public ExampleSet pooledTraining() {
        ExampleSet all = null;
        for (PreparedSite s : sites) {
            ExampleSet part = s.table().examplesWith(preprocessing, false, preprocessing.pooled());
            all = all == null ? part : all.concat(part);
        }
        return all;
    }
}
