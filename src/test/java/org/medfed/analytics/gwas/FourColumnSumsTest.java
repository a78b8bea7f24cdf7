package org.medfed.analytics.gwas;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass sums against exact sums (BigDecimal) and by hand, at lengths around the block length. */
class FourColumnSumsTest {

    /** Two samples: w = (2, 3), r = (1, -1), columns (1, 1) (the intercept), (0, 2), (5, 1), (-1, 4). */
    @Test
    void twoSamplesByHand() {
        double[] score = new double[4];
        double[] h = new double[10];
        FourColumnSums.sums(2, new double[] {2, 3}, new double[] {1, -1}, new double[] {0, 2},
                new double[] {5, 1}, new double[] {-1, 4}, score, h);
        // score: 1 - 1, 0 - 2, 5 - 1, -1 - 4
        assertThat(score).containsExactly(0, -2, 4, -5);
        // (0,0) 2 + 3; (0,1) 0 + 6; (0,2) 10 + 3; (0,3) -2 + 12; (1,1) 0 + 12; (1,2) 0 + 6; (1,3) 0 + 24;
        // (2,2) 50 + 3; (2,3) -10 + 12; (3,3) 2 + 48
        assertThat(h).containsExactly(5, 6, 13, 10, 12, 6, 24, 53, 2, 50);
    }

    @Test
    void noSampleGivesZerosAndOneSampleItsProducts() {
        double[] score = {7, 7, 7, 7};
        double[] h = new double[10];
        java.util.Arrays.fill(h, 7);
        double[] none = {};
        FourColumnSums.sums(0, none, none, none, none, none, score, h);
        assertThat(score).containsOnly(0);
        assertThat(h).containsOnly(0);

        FourColumnSums.sums(1, new double[] {0.5}, new double[] {-2}, new double[] {2},
                new double[] {3}, new double[] {4}, score, h);
        assertThat(score).containsExactly(-2, -4, -6, -8);
        assertThat(h).containsExactly(0.5, 1, 1.5, 2, 2, 3, 4, 4.5, 6, 8);
    }

    /** Integers small enough that every sum is exact in any order: the blocks must add up to the exact total. */
    @Test
    void exactOnIntegersAtLengthsAroundTheBlock() {
        Random random = new Random(3);
        int block = FourColumnSums.BLOCK;
        for (int n : new int[] {1, 2, block - 1, block, block + 1, 2 * block, 2 * block + 3, 500}) {
            double[][] data = randomColumns(random, n, true);
            double[] score = new double[4];
            double[] h = new double[10];
            FourColumnSums.sums(n, data[0], data[1], data[3], data[4], data[5], score, h);
            BigDecimal[] exact = exactSums(data, n);
            for (int k = 0; k < 14; k++) {
                double got = k < 4 ? score[k] : h[k - 4];
                assertThat(got).as("n %d sum %d", n, k).isEqualTo(exact[k].doubleValue());
            }
        }
    }

    /** Fractions: each sum within a few units in the last place of its terms' size, and the same at every call. */
    @Test
    void closeToExactSumsOfFractionsAndRepeatable() {
        Random random = new Random(5);
        for (int n : new int[] {1, 63, 64, 65, 130, 500, 2000}) {
            double[][] data = randomColumns(random, n, false);
            double[] score = new double[4];
            double[] h = new double[10];
            FourColumnSums.sums(n, data[0], data[1], data[3], data[4], data[5], score, h);
            BigDecimal[] exact = exactSums(data, n);
            BigDecimal[] magnitude = exactSums(absolute(data), n);
            for (int k = 0; k < 14; k++) {
                double got = k < 4 ? score[k] : h[k - 4];
                double error = new BigDecimal(got).subtract(exact[k]).abs().doubleValue();
                // terms carry one or two roundings each; a block of 64 and n / 64 block sums add at most that many
                double bound = (3 + FourColumnSums.BLOCK + n / FourColumnSums.BLOCK) * 0x1p-53
                        * magnitude[k].doubleValue();
                assertThat(error).as("n %d sum %d", n, k).isLessThanOrEqualTo(bound);
            }
            double[] again = new double[4];
            double[] hAgain = new double[10];
            FourColumnSums.sums(n, data[0], data[1], data[3], data[4], data[5], again, hAgain);
            assertThat(again).containsExactly(score);
            assertThat(hAgain).containsExactly(h);
        }
    }

    /** w, r, the intercept (ones), x1..x3. */
    private static double[][] randomColumns(Random random, int n, boolean integers) {
        double[][] data = new double[6][n];
        for (int c = 0; c < 6; c++) {
            for (int i = 0; i < n; i++) {
                data[c][i] = c == 2 ? 1 : integers ? random.nextInt(41) - 20 : (random.nextDouble() - 0.3) * (c + 1);
            }
        }
        return data;
    }

    private static double[][] absolute(double[][] data) {
        double[][] abs = new double[data.length][];
        for (int c = 0; c < data.length; c++) {
            abs[c] = data[c].clone();
            for (int i = 0; i < abs[c].length; i++) {
                abs[c][i] = Math.abs(abs[c][i]);
            }
        }
        return abs;
    }

    /** Score sums then the packed Hessian's, exactly. */
    private static BigDecimal[] exactSums(double[][] data, int n) {
        BigDecimal[] sums = new BigDecimal[14];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        for (int i = 0; i < n; i++) {
            BigDecimal w = new BigDecimal(data[0][i]);
            BigDecimal r = new BigDecimal(data[1][i]);
            for (int a = 0; a < 4; a++) {
                BigDecimal xa = new BigDecimal(data[2 + a][i]);
                sums[a] = sums[a].add(r.multiply(xa));
                for (int b = a; b < 4; b++) {
                    int k = 4 + DesignLayout.packed(4, a, b);
                    sums[k] = sums[k].add(w.multiply(xa).multiply(new BigDecimal(data[2 + b][i])));
                }
            }
        }
        return sums;
    }
}
