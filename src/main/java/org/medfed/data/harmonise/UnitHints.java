package org.medfed.data.harmonise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds a hospital whose numbers of a column look like another unit than the other hospitals' (cholesterol in
 * mmol/L where the others have mg/dL), from each hospital's mean and standard deviation only. Conservative: the
 * hospitals are first grouped by their means (within {@link #SAME_UNIT_SPREAD} of each other: natural differences),
 * the largest group is the study's unit, and a hospital of another group is named only when the ratio of its mean
 * to the reference's is within {@link #MEAN_TOLERANCE} of a {@link UnitFactor#KNOWN known factor} and the ratio of
 * the standard deviations agrees with it within {@link #SPREAD_TOLERANCE}: a change of unit multiplies both by the
 * same factor, while natural differences (a rarer condition, a count) move the spread otherwise.
 */
public final class UnitHints {

    /** Hospitals whose means differ by at most this ratio are taken for the same unit. */
    static final double SAME_UNIT_SPREAD = 1.5;
    /** How far (as a ratio) the ratio of the means may be from a known factor. */
    static final double MEAN_TOLERANCE = 1.05;
    /** How far (as a ratio) the ratio of the standard deviations may be from the ratio of the means. */
    static final double SPREAD_TOLERANCE = 1.3;

    private UnitHints() {
    }

    /** What a hospital says of a column of numbers. */
    public record Site(String name, int count, double mean, double sd) {
    }

    /**
     * A hospital whose numbers of a column look like another unit.
     *
     * @param multiplier what its numbers are to be multiplied by to be in the reference's unit
     * @param unit       the conversion recognised
     * @param siteUnit   the unit the hospital's numbers look like they are in
     * @param studyUnit  the unit of the reference hospitals' numbers
     * @param reference  the hospitals taken for the study's unit
     */
    public record Hint(String site, String column, double multiplier, UnitFactor unit, String siteUnit,
                       String studyUnit, Site at, Site pooled, List<String> reference) {

        /** In words, naming the column, the hospitals, the figures compared and the factor to multiply by. */
        public String message() {
            double ratio = at.mean() / pooled.mean();
            return "'" + column + "' at " + site + " looks like another unit: its mean is " + figure(at.mean())
                    + " (SD " + figure(at.sd()) + ") against " + figure(pooled.mean()) + " (SD " + figure(pooled.sd())
                    + ") at " + String.join(", ", reference) + ", " + (ratio < 1 ? figure(1 / ratio) + " times smaller"
                    : figure(ratio) + " times larger") + ": the factor between " + siteUnit + " and " + studyUnit
                    + " (" + unit.what() + ", " + factor(unit.factor()) + "). If " + site + "'s values are in "
                    + siteUnit + ", convert them: " + conversion(multiplier) + " (its mapping)";
        }
    }

    /**
     * @param sites every hospital's mean and SD of the column, one per hospital name, in the study's order (those
     *              without are left out)
     */
    public static List<Hint> find(String column, List<Site> sites) {
        List<Site> usable = sites.stream().filter(s -> s.count() >= 2 && s.mean() > 0 && s.sd() > 0
                && Double.isFinite(s.mean()) && Double.isFinite(s.sd())).toList();
        if (usable.size() < 2) {
            return List.of();
        }
        // hospitals by name (one Site each), not Sites by record equality: the first equals() of any record in a
        // run links the JDK's record methods, about 0.05-0.1 s of CPU, and this was the run's only record equals()
        List<String> order = usable.stream().map(Site::name).toList();
        List<List<Site>> groups = groupsByMean(usable);
        List<Site> reference = groups.stream().max(Comparator.<List<Site>>comparingInt(List::size)
                .thenComparingInt(g -> -firstIndex(g, order))).orElseThrow();
        Site pooled = pooled(reference);
        Set<String> inReference = reference.stream().map(Site::name).collect(Collectors.toSet());
        List<String> names = order.stream().filter(inReference::contains).toList();
        List<Hint> hints = new ArrayList<>();
        for (Site s : usable) {
            if (inReference.contains(s.name())) {
                continue;
            }
            double ratio = s.mean() / pooled.mean();
            double spread = s.sd() / pooled.sd();
            if (Math.abs(Math.log(spread / ratio)) > Math.log(SPREAD_TOLERANCE)) {
                continue;
            }
            UnitFactor best = null;
            double bestDistance = Math.log(MEAN_TOLERANCE);
            boolean smaller = ratio < 1;
            for (UnitFactor f : UnitFactor.KNOWN) {
                double distance = Math.abs(Math.abs(Math.log(ratio)) - Math.log(f.factor()));
                if (distance <= bestDistance) {
                    best = f;
                    bestDistance = distance;
                }
            }
            if (best != null) {
                hints.add(new Hint(s.name(), column, smaller ? best.factor() : 1 / best.factor(), best,
                        smaller ? best.smallUnit() : best.largeUnit(), smaller ? best.largeUnit() : best.smallUnit(),
                        s, pooled, names));
            }
        }
        return hints;
    }

    /** Sorted by mean, a new group where a mean is more than {@link #SAME_UNIT_SPREAD} times its group's smallest. */
    private static List<List<Site>> groupsByMean(List<Site> sites) {
        List<Site> sorted = sites.stream().sorted(Comparator.comparingDouble(Site::mean)).toList();
        List<List<Site>> groups = new ArrayList<>();
        List<Site> group = new ArrayList<>();
        for (Site s : sorted) {
            if (!group.isEmpty() && s.mean() > group.get(0).mean() * SAME_UNIT_SPREAD) {
                groups.add(group);
                group = new ArrayList<>();
            }
            group.add(s);
        }
        groups.add(group);
        return groups;
    }

    /** Where the group's first hospital stands in {@code order}, the hospitals' names in the study's order. */
    private static int firstIndex(List<Site> group, List<String> order) {
        return group.stream().mapToInt(s -> order.indexOf(s.name())).min().orElse(Integer.MAX_VALUE);
    }

    /** The group's rows as one: the pooled mean, and the SD about it (within and between the hospitals). */
    static Site pooled(List<Site> group) {
        long n = 0;
        double sum = 0;
        for (Site s : group) {
            n += s.count();
            sum += s.count() * s.mean();
        }
        double mean = sum / n;
        double squares = 0;
        for (Site s : group) {
            double d = s.mean() - mean;
            squares += (s.count() - 1) * s.sd() * s.sd() + s.count() * d * d;
        }
        return new Site("pooled", (int) Math.min(Integer.MAX_VALUE, n), mean, Math.sqrt(squares / (n - 1)));
    }

    /** A measured figure: three significant digits, plainly (5.12, 196, 0.0259). */
    static String figure(double v) {
        return digits(v, 3);
    }

    /** A factor as it is used: up to six significant digits (38.67, 2.20462, 0.0258598). */
    /**
     * The conversion in the words a person would use: "multiply by 38.67", or for a factor under one "divide by
     * 38.67" rather than "multiply by 0.0258598" (the mapping stores the factor either way).
     */
    public static String conversion(double multiplier) {
        return verb(multiplier) + " by " + factor(divisor(multiplier));
    }

    /** "multiply" or "divide": how {@link #conversion} says it. */
    public static String verb(double multiplier) {
        return multiplier < 1 ? "divide" : "multiply";
    }

    /** The number {@link #conversion} names: the factor, or for a factor under one its inverse. */
    public static double divisor(double multiplier) {
        return multiplier < 1 ? 1 / multiplier : multiplier;
    }

    public static String factor(double v) {
        return digits(v, 6);
    }

    private static String digits(double v, int significant) {
        if (Math.abs(v) >= Math.pow(10, significant)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(significant)).stripTrailingZeros()
                .toPlainString();
    }
}
