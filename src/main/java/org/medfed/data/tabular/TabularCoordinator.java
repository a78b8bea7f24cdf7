package org.medfed.data.tabular;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import org.medfed.concurrency.InOrder;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.TableProfiler;
import org.medfed.engine.BadInputException;

/**
 * The coordinator's side of preparing a tabular study: it agrees on columns, category levels, classes, fill
 * values and standardisation with the hospitals through {@link TabularSite}'s summary records only, so it works
 * the same whether a site runs in this process or at a hospital. Sites are always asked and pooled in the given
 * order, so that sums are added in the same order and a rerun is bit-identical. Each step asks every site at once
 * on the given executor (each site's answer is its own work; {@link InOrder#HERE} asks one after another), and
 * takes the answers in the sites' order.
 */
public final class TabularCoordinator {

    private TabularCoordinator() {
    }

    /** Only the first step: the cross-hospital schema check, from each site's schema summary. */
    public static SchemaReport checkSchema(List<? extends TabularSite> sites, TabularSettings settings,
                                           Executor executor) {
        return SchemaCheck.check(schemaSummaries(sites, executor), settings);
    }

    /**
     * Runs every step of the agreement with {@code sites}, in their order.
     *
     * @throws BadInputException when the tables do not match, or a hospital has no rows to train on
     */
    public static TabularAgreement agree(List<? extends TabularSite> sites, TabularSettings settings,
                                         Executor executor) {
        if (sites.isEmpty()) {
            throw new BadInputException("the study has no participants with data");
        }
        Map<String, SchemaSummary> schemas = schemaSummaries(sites, executor);
        SchemaReport schema = SchemaCheck.check(schemas, settings);
        schema.throwIfErrors();

        // every site first checks its values against the agreed types, then the counts are looked at
        Map<String, RowSummary> rows = byName(sites, InOrder.map(sites, s -> s.selectRows(schema.featureTypes()),
                executor));
        // a hospital left with few rows goes on, and the run's warnings say so (as the workbench's check did)
        List<SchemaProblem> problems = new ArrayList<>(schema.problems());
        rows.forEach((site, r) -> {
            SchemaProblem problem = r.problem(site, settings.missing());
            if (problem != null && problem.severity() == SchemaProblem.Severity.ERROR) {
                throw new BadInputException(fileOf(schemas, site), null, problem.message());
            }
            if (problem != null) {
                problems.add(problem);
            }
        });
        SchemaReport checked = new SchemaReport(schema.featureTypes(), problems);

        // 1. agree on category levels and classes from each site's level summary
        Map<String, TreeSet<String>> levels = new LinkedHashMap<>();
        TreeSet<String> classes = new TreeSet<>(TableProfiler::compareLevels);
        for (LevelSummary summary : InOrder.map(sites, TabularSite::levelSummary, executor)) {
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
        Map<String, SplitSummary> splits = byName(sites, InOrder.map(sites, s -> s.split(classList), executor));
        splits.forEach((site, split) -> {
            if (split.trainRows() == 0) {
                int usable = rows.get(site).usableRows();
                throw new BadInputException(fileOf(schemas, site), null, "only " + usable + " usable row"
                        + (usable == 1 ? "" : "s") + ": none is left for training after the train/test split");
            }
        });

        // 3. fill values from pooled counts and sums
        List<FeatureColumn> features = agreeOnColumns(schema.featureTypes(), levels, sites, settings, executor);
        FittedPreprocessing unscaled = new FittedPreprocessing(features, settings.label(), settings.labelRule(),
                classList, settings.missing(), Normalization.NONE, null, Map.of());

        // 4. standardisation from each site's moments of its encoded training rows
        Map<String, Standardization> perSite = new TreeMap<>();
        List<Moments> moments = InOrder.map(sites, s -> s.encodedMoments(unscaled), executor);
        for (int i = 0; i < sites.size(); i++) {
            Moments m = moments.get(i);
            perSite.put(sites.get(i).name(), Standardization.fromMoments(m.count(), m.sum(), m.sumOfSquares()));
        }
        Moments pooled = Moments.pool(moments, unscaled.inputSize());
        FittedPreprocessing prep = new FittedPreprocessing(features, settings.label(), settings.labelRule(), classList,
                settings.missing(), settings.normalization(),
                Standardization.fromMoments(pooled.count(), pooled.sum(), pooled.sumOfSquares()), perSite);
        return new TabularAgreement(checked, prep, rows, splits);
    }

    private static Map<String, SchemaSummary> schemaSummaries(List<? extends TabularSite> sites, Executor executor) {
        Set<String> names = new HashSet<>();
        for (TabularSite s : sites) {
            if (!names.add(s.name())) {
                throw new BadInputException("two participants are named '" + s.name() + "'");
            }
        }
        return byName(sites, InOrder.map(sites, TabularSite::schemaSummary, executor));
    }

    /** The sites' answers by site name, in the sites' order. */
    private static <A> Map<String, A> byName(List<? extends TabularSite> sites, List<A> answers) {
        Map<String, A> out = new LinkedHashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            out.put(sites.get(i).name(), answers.get(i));
        }
        return out;
    }

    /** The site's file as its messages name it; the coordinator knows only its name, not where it is. */
    private static Path fileOf(Map<String, SchemaSummary> schemas, String site) {
        return Path.of(schemas.get(site).fileName());
    }

    private static List<FeatureColumn> agreeOnColumns(Map<String, ColumnType> types, Map<String, TreeSet<String>> levels,
                                                      List<? extends TabularSite> sites, TabularSettings settings,
                                                      Executor executor) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Double> sums = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> levelCounts = new LinkedHashMap<>();
        List<NumericSummary> numeric = InOrder.map(sites, TabularSite::numericSummary, executor);
        List<TrainLevelCounts> trainLevels = InOrder.map(sites, TabularSite::trainLevelCounts, executor);
        for (int i = 0; i < sites.size(); i++) {
            NumericSummary n = numeric.get(i);
            n.counts().forEach((c, k) -> counts.merge(c, k, Long::sum));
            n.sums().forEach((c, v) -> sums.merge(c, v, Double::sum));
            // a level a site did not count (absent, or rarer than its minimum count) adds 0 here
            trainLevels.get(i).counts().forEach((c, m) -> m.forEach((level, k) ->
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
