package org.medfed.data.split;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.csv.TableProfiler;
import org.medfed.engine.BadInputException;

/**
 * Deals the rows of one table into simulated hospitals, for teaching and for experiments: the rows of each
 * hospital, by index, in their original order.
 */
public final class HospitalSplitter {

    private HospitalSplitter() {
    }

    /**
     * @param labelColumn needed for a Dirichlet split (rows are dealt class by class); may be null otherwise
     * @return hospital name -> row indices
     */
    public static Map<String, int[]> split(CsvTable table, int hospitals, SplitRule rule, String labelColumn, long seed) {
        if (rule.kind() != SplitRule.Kind.COLUMN && (hospitals < 2 || hospitals > table.rowCount())) {
            throw new BadInputException("--into must be between 2 and the number of rows (" + table.rowCount()
                    + "), was " + hospitals);
        }
        if (labelColumn != null) {
            columnOf(table, labelColumn); // the study written beside the hospitals names it, whatever the rule
        }
        return switch (rule.kind()) {
            case IID -> iid(table.rowCount(), hospitals, seed);
            case DIRICHLET -> dirichlet(classesOf(table, labelColumn), hospitals, rule.alpha(), seed);
            case COLUMN -> byColumn(table, rule.column());
        };
    }

    /**
     * The same dealing for examples known only by their class labels (images of a benchmark): IID or Dirichlet
     * label skew, exactly as for table rows with those labels.
     *
     * @param labels class of each example
     * @return hospital name -> example indices, ascending
     */
    public static Map<String, int[]> splitByLabels(int[] labels, int hospitals, SplitRule rule, long seed) {
        if (hospitals < 2 || hospitals > labels.length) {
            throw new BadInputException("the number of hospitals must be between 2 and the number of examples ("
                    + labels.length + "), was " + hospitals);
        }
        return switch (rule.kind()) {
            case IID -> iid(labels.length, hospitals, seed);
            case DIRICHLET -> {
                Map<String, List<Integer>> byClass = new TreeMap<>();
                for (int i = 0; i < labels.length; i++) {
                    byClass.computeIfAbsent(String.valueOf(labels[i]), k -> new ArrayList<>()).add(i);
                }
                yield dirichlet(byClass, hospitals, rule.alpha(), seed);
            }
            case COLUMN -> throw new BadInputException("a split by column needs a table, not labels alone");
        };
    }

    static Map<String, int[]> iid(int rows, int hospitals, long seed) {
        int[] order = shuffled(rows, new java.util.Random(seed));
        List<List<Integer>> parts = emptyParts(hospitals);
        for (int i = 0; i < rows; i++) {
            parts.get(i % hospitals).add(order[i]);
        }
        return named(parts);
    }

    /**
     * Label skew as in Hsu et al. 2019: for each class, the shares of the hospitals are drawn from
     * Dirichlet(alpha, ..., alpha) and the class's shuffled rows are cut at those shares.
     */
    static Map<String, int[]> dirichlet(Map<String, List<Integer>> rowsByClass, int hospitals, double alpha, long seed) {
        // a very small alpha can leave a hospital empty: draw again (seeded, so still reproducible)
        for (int attempt = 0; attempt < 100; attempt++) {
            List<List<Integer>> parts = dirichletOnce(rowsByClass, hospitals, alpha, seed + attempt);
            if (parts.stream().noneMatch(List::isEmpty)) {
                return named(parts);
            }
        }
        throw new BadInputException("with alpha " + alpha + " some hospital ends up without rows in 100 draws; use a "
                + "larger alpha or fewer hospitals");
    }

    private static List<List<Integer>> dirichletOnce(Map<String, List<Integer>> rowsByClass, int hospitals, double alpha,
                                                     long seed) {
        Well19937c random = new Well19937c(seed);
        GammaDistribution gamma = new GammaDistribution(random, alpha, 1.0);
        java.util.Random shuffler = new java.util.Random(seed ^ 0x5DEECE66DL);
        List<List<Integer>> parts = emptyParts(hospitals);
        for (List<Integer> rows : rowsByClass.values()) {
            double[] share = new double[hospitals];
            double total = 0;
            for (int h = 0; h < hospitals; h++) {
                share[h] = gamma.sample();
                total += share[h];
            }
            List<Integer> shuffledRows = new ArrayList<>(rows);
            java.util.Collections.shuffle(shuffledRows, shuffler);
            int start = 0;
            double cumulative = 0;
            for (int h = 0; h < hospitals; h++) {
                cumulative += share[h] / total;
                int end = h == hospitals - 1 ? shuffledRows.size() : (int) Math.round(cumulative * shuffledRows.size());
                parts.get(h).addAll(shuffledRows.subList(start, Math.max(start, end)));
                start = Math.max(start, end);
            }
        }
        return parts;
    }

    static Map<String, int[]> byColumn(CsvTable table, String column) {
        int c = columnOf(table, column);
        Map<String, List<Integer>> groups = new TreeMap<>(TableProfiler::compareLevels);
        for (int r = 0; r < table.rowCount(); r++) {
            String v = table.value(r, c);
            groups.computeIfAbsent(v == null ? "missing" : v, k -> new ArrayList<>()).add(r);
        }
        if (groups.size() < 2) {
            throw new BadInputException(table.file(), null, "column '" + column + "' has only one value: it cannot split "
                    + "the rows into hospitals");
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        groups.forEach((value, rows) -> out.put(column + "-" + safe(value), rows.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    private static int columnOf(CsvTable table, String column) {
        int c = table.columnIndex(column);
        if (c < 0) {
            throw new BadInputException(table.file(), null, "has no column '" + column + "'; its columns are "
                    + String.join(", ", table.columns()));
        }
        return c;
    }

    static Map<String, List<Integer>> classesOf(CsvTable table, String labelColumn) {
        if (labelColumn == null) {
            throw new BadInputException("a Dirichlet split deals rows by class: give the label column with --label");
        }
        int c = columnOf(table, labelColumn);
        Map<String, List<Integer>> out = new TreeMap<>(TableProfiler::compareLevels);
        for (int r = 0; r < table.rowCount(); r++) {
            String v = table.value(r, c);
            out.computeIfAbsent(v == null ? "missing" : v, k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static String safe(String value) {
        return value.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static int[] shuffled(int n, java.util.Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static List<List<Integer>> emptyParts(int n) {
        List<List<Integer>> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(new ArrayList<>());
        }
        return parts;
    }

    private static Map<String, int[]> named(List<List<Integer>> parts) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (int h = 0; h < parts.size(); h++) {
            out.put("hospital-" + (h + 1), parts.get(h).stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        return out;
    }
}
