package org.medfed.analytics.gwas;

/**
 * The association tests that need nothing but genotype counts by case/control status, so that summing the
 * hospitals' counts gives exactly the pooled test.
 */
public final class CountTests {

    private CountTests() {
    }

    /** A 1-df statistic with its p-value, and for the allelic table the odds ratio and SE of its log. */
    public record Outcome(double chiSquare, double p, double oddsRatio, double logOrSe) {
    }

    /**
     * Allelic test: Pearson's chi-square (no continuity correction) of the 2x2 table of allele copies,
     * cases vs controls, as PLINK's {@code --assoc}. The odds ratio is alt:ref in cases over controls; its
     * log has Woolf's standard error, NaN when a cell is empty.
     */
    public static Outcome allelic(GenotypeTally cases, GenotypeTally controls) {
        double a = cases.altAlleles();
        double b = cases.refAlleles();
        double c = controls.altAlleles();
        double d = controls.refAlleles();
        double n = a + b + c + d;
        double denominator = (a + b) * (c + d) * (a + c) * (b + d);
        double chi2 = denominator == 0 ? Double.NaN : n * square(a * d - b * c) / denominator;
        double or = (a * d) / (b * c);
        double se = a == 0 || b == 0 || c == 0 || d == 0 ? Double.NaN : Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
        return new Outcome(chi2, Tails.chiSquare1(chi2), or, se);
    }

    /**
     * Cochran-Armitage trend test with additive scores 0, 1, 2, in the form of Agresti (2002) and SAS PROC
     * FREQ: the variance has N (not N - 1) in the denominator, so that the statistic equals N times the
     * squared correlation between genotype and case status (Sasieni 1997). The odds ratio reported with it
     * is the allelic one.
     */
    public static Outcome trend(GenotypeTally cases, GenotypeTally controls) {
        double[] r = {cases.homRef(), cases.het(), cases.homAlt()};
        double[] s = {controls.homRef(), controls.het(), controls.homAlt()};
        double big_r = r[0] + r[1] + r[2];
        double big_s = s[0] + s[1] + s[2];
        double n = big_r + big_s;
        double t = 0;
        double[] total = new double[3];
        for (int i = 0; i < 3; i++) {
            total[i] = r[i] + s[i];
            t += i * (r[i] * big_s - s[i] * big_r);
        }
        double inner = 0;
        for (int i = 0; i < 3; i++) {
            inner += (double) i * i * total[i] * (n - total[i]);
            for (int j = i + 1; j < 3; j++) {
                inner -= 2.0 * i * j * total[i] * total[j];
            }
        }
        double variance = big_r * big_s / n * inner;
        double chi2 = variance > 0 ? t * t / variance : Double.NaN;
        Outcome allelic = allelic(cases, controls);
        return new Outcome(chi2, Tails.chiSquare1(chi2), allelic.oddsRatio(), allelic.logOrSe());
    }

    private static double square(double x) {
        return x * x;
    }
}
