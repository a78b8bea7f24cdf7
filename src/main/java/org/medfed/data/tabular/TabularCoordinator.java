package org.medfed.data.tabular;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.TableProfiler;
import org.medfed.engine.BadInputException;

/**
 * The coordinator's side of preparing a tabular study: it agrees on columns, category levels, classes, fill
 * values and standardisation with the hospitals through {@link TabularSite}'s summary records only, so it works
 * the same whether a site runs in this process or at a hospital. Sites are always asked and pooled in the given
 * order, so that sums are added in the same order and a rerun is bit-identical.
 */
public final class TabularCoordinator {

    private TabularCoordinator() {
    }

    /** Only the first step: the cross-hospital schema check, from each site's schema summary. */
    public static SchemaReport checkSchema(List<? extends TabularSite> sites, TabularSettings settings) {
        return SchemaCheck.check(schemaSummaries(sites), settings);
    }

    /**
     * Runs every step of the agreement with {@code sites}, in their order.
     *
     * @throws BadInputException when the tables do not match, or a hospital has no rows to train on
     */
    public static TabularAgreement agree(List<? extends TabularSite> sites, TabularSettings settings) {
        if (sites.isEmpty()) {
            throw new BadInputException("the study has no participants with data");
        }
        Map<String, SchemaSummary> schemas = schemaSummaries(sites);
        SchemaReport schema = SchemaCheck.check(schemas, settings);
        schema.throwIfErrors();

        // every site first checks its values against the agreed types, then the counts are looked at
        Map<String, RowSummary> rows = new LinkedHashMap<>();
        sites.forEach(s -> rows.put(s.name(), s.selectRows(schema.featureTypes())));
        rows.forEach((site, r) -> {
            if (r.usableRows() == 0) {
                throw new BadInputException(fileOf(schemas, site), null, "no usable rows: " + r.droppedForMissingLabel()
                        + " without a label, " + r.droppedForMissingValues() + " with missing values"
                        + (settings.missing() == MissingPolicy.DROP_ROWS ? " (choose to impute missing values instead)" : ""));
            }
        });

        // 1. agree on category levels and classes from each site's level summary
        Map<String, TreeSet<String>> levels = new LinkedHashMap<>();
        TreeSet<String> classes = new TreeSet<>(TableProfiler::compareLevels);
        for (TabularSite s : sites) {
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
        Map<String, SplitSummary> splits = new LinkedHashMap<>();
        sites.forEach(s -> splits.put(s.name(), s.split(classList)));
        splits.forEach((site, split) -> {
            if (split.trainRows() == 0) {
                throw new BadInputException(fileOf(schemas, site), null, "only " + rows.get(site).usableRows()
                        + " usable rows: none is left for training after the train/test split");
            }
        });

        // 3. fill values from pooled counts and sums
        List<FeatureColumn> features = agreeOnColumns(schema.featureTypes(), levels, sites, settings);
        FittedPreprocessing unscaled = new FittedPreprocessing(features, settings.label(), settings.labelRule(),
                classList, settings.missing(), Normalization.NONE, null, Map.of());

        // 4. standardisation from each site's moments of its encoded training rows
        Map<String, Standardization> perSite = new TreeMap<>();
        List<Moments> moments = new ArrayList<>();
        for (TabularSite s : sites) {
            Moments m = s.encodedMoments(unscaled);
            moments.add(m);
            perSite.put(s.name(), Standardization.fromMoments(m.count(), m.sum(), m.sumOfSquares()));
        }
        Moments pooled = Moments.pool(moments, unscaled.inputSize());
        FittedPreprocessing prep = new FittedPreprocessing(features, settings.label(), settings.labelRule(), classList,
                settings.missing(), settings.normalization(),
                Standardization.fromMoments(pooled.count(), pooled.sum(), pooled.sumOfSquares()), perSite);
        return new TabularAgreement(schema, prep, rows, splits);
    }

    private static Map<String, SchemaSummary> schemaSummaries(List<? extends TabularSite> sites) {
        Map<String, SchemaSummary> out = new LinkedHashMap<>();
        for (TabularSite s : sites) {
            if (out.containsKey(s.name())) {
                throw new BadInputException("two participants are named '" + s.name() + "'");
            }
            out.put(s.name(), s.schemaSummary());
        }
        return out;
    }

    /** The site's file as its messages name it; the coordinator knows only its name, not where it is. */
    private static Path fileOf(Map<String, SchemaSummary> schemas, String site) {
        return Path.of(schemas.get(site).fileName());
    }

    private static List<FeatureColumn> agreeOnColumns(Map<String, ColumnType> types, Map<String, TreeSet<String>> levels,
                                                      List<? extends TabularSite> sites, TabularSettings settings) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Double> sums = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> levelCounts = new LinkedHashMap<>();
        for (TabularSite s : sites) {
            NumericSummary n = s.numericSummary();
            n.counts().forEach((c, k) -> counts.merge(c, k, Long::sum));
            n.sums().forEach((c, v) -> sums.merge(c, v, Double::sum));
            // a level a site did not count (absent, or rarer than its minimum count) adds 0 here
            s.trainLevelCounts().counts().forEach((c, m) -> m.forEach((level, k) ->
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
                                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                        .map(Map.Entry::getKey).orElse(found.isEmpty() ? null : found.get(0));
                out.add(new FeatureColumn(column, ColumnType.CATEGORICAL, found, settings.dropFirstLevel(), Double.NaN, mode));
            }
        }
        return out;
    }
}
