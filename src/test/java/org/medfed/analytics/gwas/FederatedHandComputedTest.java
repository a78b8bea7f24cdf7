package org.medfed.analytics.gwas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.medfed.data.vcf.PhenotypeKind;
import org.medfed.data.vcf.PhenotypeSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Federated results on hospitals small enough to compute the answer by hand. */
class FederatedHandComputedTest {

    @TempDir
    Path tmp;

    private static final PhenotypeSpec BINARY = new PhenotypeSpec("id", "y", PhenotypeKind.BINARY, List.of());
    private static final PhenotypeSpec QUANTITATIVE = new PhenotypeSpec("id", "y", PhenotypeKind.QUANTITATIVE, List.of());

    /**
     * Carriers (0/1) vs non-carriers (0/0) only, no covariate: the logistic MLE of the genotype term is the
     * log odds ratio of the 2x2 table and its SE is Woolf's sqrt(1/a + 1/b + 1/c + 1/d).
     * Hospital A: carriers 6 cases / 4 controls, non-carriers 3 / 7; hospital B: 4 / 2 and 5 / 9.
     * Pooled: carriers 10 / 6, non-carriers 8 / 16: OR = 10*16 / (6*8) = 10/3.
     */
    @Test
    void logisticRegressionOfACarrierTableIsItsLogOddsRatio() {
        GwasResult result = new TinyStudy(tmp)
                .site("A", carrierTable(6, 4, 3, 7), carrierPhenotype(6, 4, 3, 7), null)
                .site("B", carrierTable(4, 2, 5, 9), carrierPhenotype(4, 2, 5, 9), null)
                .run(GwasSettings.of(BINARY, AssociationTest.LOGISTIC).withQc(QcSettings.none()));
        AssociationResult r = result.results().get(0);
        // ln(10/3), sqrt(1/10 + 1/6 + 1/8 + 1/16), z, erfc(z / sqrt 2): 30-digit values (mpmath)
        assertThat(Math.log(r.effect())).isCloseTo(1.2039728043259359926, within(1e-12));
        assertThat(r.effect()).isCloseTo(10.0 / 3, within(1e-11));
        assertThat(r.se()).isCloseTo(0.6739188873051909551, within(1e-12));
        assertThat(r.statistic()).isCloseTo(1.7865247984668884685, within(1e-11));
        assertThat(r.p()).isCloseTo(0.07401432568003810306, Percentage.withPercentage(1e-9));
        assertThat(r.n()).isEqualTo(40);
        assertThat(r.altFrequency()).isCloseTo(16.0 / 80, within(1e-15));
    }

    /**
     * y = 1, 3 (g = 0); 2, 4 (g = 1); 5, 7 (g = 2), three people per hospital. By hand: Sxx = 4, Sxy = 8,
     * slope 2, intercept 5/3, RSS = 22/3, sigma^2 = RSS / 4, SE = sqrt(sigma^2 / Sxx) = sqrt(11/24),
     * t = 2.9541957835, p (4 df) = 0.0417946805; scipy.stats.linregress gives the same.
     */
    @Test
    void linearRegressionOnSixPeopleByHand() {
        GwasResult result = new TinyStudy(tmp)
                .site("A", new int[][] {{0, 0, 1}}, new double[] {1, 3, 2}, null)
                .site("B", new int[][] {{1, 2, 2}}, new double[] {4, 5, 7}, null)
                .run(GwasSettings.of(QUANTITATIVE, AssociationTest.LINEAR).withQc(QcSettings.none()));
        AssociationResult r = result.results().get(0);
        assertThat(r.effect()).isCloseTo(2.0, within(1e-13));
        assertThat(r.se()).isCloseTo(Math.sqrt(11.0 / 24), within(1e-13));
        assertThat(r.statistic()).isCloseTo(2.9541957835039855856, within(1e-12));
        assertThat(r.p()).isCloseTo(0.041794680456045286146, Percentage.withPercentage(1e-9));
        assertThat(r.n()).isEqualTo(6);
    }

    /** The allelic and trend tests of the hand table of CountTestsTest, split over two hospitals. */
    @Test
    void countTestsSumTheHospitalsTables() {
        // pooled cases 10/20/30, controls 30/20/10 (0/0, 0/1, 1/1); hospital A holds about half of each cell
        TinyStudy study = new TinyStudy(tmp)
                .site("A", new int[][] {genotypes(5, 10, 15, 15, 10, 5)}, phenotype(5, 10, 15, 15, 10, 5), null)
                .site("B", new int[][] {genotypes(5, 10, 15, 15, 10, 5)}, phenotype(5, 10, 15, 15, 10, 5), null);
        GwasResult trend = study.run(GwasSettings.of(BINARY, AssociationTest.TREND).withQc(QcSettings.none()));
        assertThat(trend.results().get(0).statistic()).isCloseTo(20.0, within(1e-12));
        GwasResult allelic = study.run(GwasSettings.of(BINARY, AssociationTest.ALLELIC).withQc(QcSettings.none()));
        assertThat(allelic.results().get(0).statistic()).isCloseTo(80.0 / 3, within(1e-12));
        assertThat(allelic.results().get(0).effect()).isEqualTo(4.0);
    }

    @Test
    void aMonomorphicVariantIsReportedNotCrashed() {
        GwasResult result = new TinyStudy(tmp)
                .site("A", new int[][] {{0, 0, 0, 0, 0, 0}, {0, 1, 1, 2, 0, 2}}, new double[] {0, 1, 0, 1, 1, 0}, null)
                .run(GwasSettings.of(BINARY, AssociationTest.LOGISTIC).withQc(QcSettings.none()));
        assertThat(result.results().get(0).tested()).isFalse();
        assertThat(result.results().get(0).note()).contains("does not vary");
        assertThat(result.results().get(1).tested()).as(result.results().get(1).note()).isTrue();
    }

    @Test
    void perfectSeparationIsReportedAsNotConverged() {
        GwasResult result = new TinyStudy(tmp)
                .site("A", new int[][] {{0, 0, 0, 1, 1, 1}}, new double[] {0, 0, 0, 1, 1, 1}, null)
                .run(GwasSettings.of(BINARY, AssociationTest.LOGISTIC).withQc(QcSettings.none()));
        assertThat(result.results().get(0).tested()).isFalse();
        assertThat(result.results().get(0).note()).contains("did not converge").contains("separate");
    }

    private static int[][] carrierTable(int carrierCases, int carrierControls, int otherCases, int otherControls) {
        return new int[][] {genotypes(otherCases + otherControls, carrierCases + carrierControls, 0, 0, 0, 0)};
    }

    private static double[] carrierPhenotype(int carrierCases, int carrierControls, int otherCases, int otherControls) {
        int n = carrierCases + carrierControls + otherCases + otherControls;
        double[] y = new double[n];
        int i = 0;
        for (int k = 0; k < otherCases; k++) {
            y[i++] = 1;
        }
        i += otherControls;
        for (int k = 0; k < carrierCases; k++) {
            y[i++] = 1;
        }
        return y;
    }

    /** Samples in order: cases 0/0, 0/1, 1/1, then controls 0/0, 0/1, 1/1 (when a phenotype goes with it). */
    private static int[] genotypes(int... counts) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        int[] g = new int[n];
        int i = 0;
        for (int k = 0; k < counts.length; k++) {
            for (int c = 0; c < counts[k]; c++) {
                g[i++] = k % 3;
            }
        }
        return g;
    }

    private static double[] phenotype(int... counts) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        double[] y = new double[n];
        int i = 0;
        for (int k = 0; k < counts.length; k++) {
            for (int c = 0; c < counts[k]; c++) {
                y[i++] = k < 3 ? 1 : 0;
            }
        }
        return y;
    }
}
