package org.medfed.analytics.gwas;

/**
 * Exact test of Hardy-Weinberg equilibrium for one biallelic variant (Wigginton, Cutler and Abecasis 2005,
 * "A note on exact tests of Hardy-Weinberg equilibrium", AJHG 76:887-893).
 *
 * <p>Given the number of minor-allele copies, the heterozygote count has a known distribution under HWE. The
 * probabilities are built by the paper's recurrence outward from the mode (which keeps every term in
 * floating-point range), and the p-value sums the probabilities of all heterozygote counts no more likely
 * than the one observed.
 */
public final class HardyWeinberg {

    /** Probabilities this close to the observed one count as ties, so that rounding cannot drop a tie. */
    private static final double TIE = 1 + 1e-9;
    private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[1024]);

    private HardyWeinberg() {
    }

    /**
     * Whether {@code exactP(het, homRef, homAlt) < threshold}: always the same answer, and for a variant near
     * equilibrium without the whole distribution. Quality control needs only this decision, and summing the
     * distribution's tails took more than half of the coordinator thread's CPU in a repeated association study.
     */
    public static boolean below(long het, long homRef, long homAlt, double threshold) {
        return !certainlyAtLeast(het, homRef, homAlt, threshold) && exactP(het, homRef, homAlt) < threshold;
    }

    /**
     * Whether the p-value is at least {@code threshold} by a bound that needs only the terms between the mode and
     * the observed count. The p-value includes the observed count's probability, and the sum it is divided by has
     * at most rare/2 + 1 terms, none above the mode's (the distribution is unimodal: the ratio of neighbouring terms
     * falls as the heterozygote count rises). So P(observed) / P(mode) / (rare/2 + 1) is at most the p-value; a
     * margin of 1e-9 covers the rounding of both computations. Near equilibrium the observed count is a few steps
     * from the mode, where the whole distribution takes a hundred or more. False means "not known", never "below".
     */
    private static boolean certainlyAtLeast(long het, long homRef, long homAlt, double threshold) {
        if (het < 0 || homRef < 0 || homAlt < 0) {
            return false;
        }
        long n = het + homRef + homAlt;
        long rare = 2 * Math.min(homRef, homAlt) + het;
        if (n == 0 || rare == 0 || rare > Integer.MAX_VALUE) {
            return false;
        }
        int mid = mode((int) rare, n);
        long rareHom = (rare - mid) / 2;
        long commonHom = n - mid - rareHom;
        // the formula's mode can be a step off the distribution's: the largest term is found by climbing from it
        double peak = Math.max(climb(mid, rareHom, commonHom, rare, true),
                climb(mid, rareHom, commonHom, rare, false));
        double enough = threshold * (1 + 1e-9) * (rare / 2 + 1.0) * peak;
        double probability = 1.0;
        long hetCount = mid;
        while (hetCount != het && probability >= enough) {
            if (hetCount < het) {
                probability = up(probability, hetCount, rareHom, commonHom);
                hetCount += 2;
                rareHom--;
                commonHom--;
            } else {
                probability = down(probability, hetCount, rareHom, commonHom);
                hetCount -= 2;
                rareHom++;
                commonHom++;
            }
        }
        return probability >= enough;
    }

    /**
     * The exact p-value, 1 for a monomorphic variant, NaN when there is no genotype at all.
     *
     * @param het heterozygotes
     * @param homRef homozygotes of one allele
     * @param homAlt homozygotes of the other allele
     */
    public static double exactP(long het, long homRef, long homAlt) {
        if (het < 0 || homRef < 0 || homAlt < 0) {
            throw new IllegalArgumentException("negative genotype count");
        }
        long n = het + homRef + homAlt;
        if (n == 0) {
            return Double.NaN;
        }
        long homRare = Math.min(homRef, homAlt);
        long homCommon = Math.max(homRef, homAlt);
        int rare = Math.toIntExact(2 * homRare + het);
        if (rare == 0) {
            return 1.0;
        }
        double[] probs = scratch(rare + 1);
        int mid = mode(rare, n);
        probs[mid] = 1.0;
        // the observed count's probability first when it lies above the mode, so that both sides can stop where
        // their terms no longer matter (the values are the same as the loops below would compute)
        long hetCount = mid;
        long rareHom = (rare - mid) / 2;
        long commonHom = n - hetCount - rareHom;
        while (hetCount < het) {
            probs[(int) hetCount + 2] = up(probs[(int) hetCount], hetCount, rareHom, commonHom);
            hetCount += 2;
            rareHom--;
            commonHom--;
        }
        int high = (int) hetCount;
        // unknown (0) while the observed count lies below the mode and has not been reached
        double observed = het >= mid ? probs[(int) het] : 0;
        double sum = 1.0;
        hetCount = mid;
        rareHom = (rare - mid) / 2;
        commonHom = n - hetCount - rareHom;
        while (hetCount >= 2) {
            // two fewer heterozygotes: one more homozygote of each kind
            double next = down(probs[(int) hetCount], hetCount, rareHom, commonHom);
            if (negligible(next, sum, observed, rare)) {
                break;
            }
            probs[(int) hetCount - 2] = next;
            sum += next;
            hetCount -= 2;
            rareHom++;
            commonHom++;
            if (hetCount == het) {
                observed = next;
            }
        }
        int low = (int) hetCount;
        hetCount = mid;
        rareHom = (rare - mid) / 2;
        commonHom = n - hetCount - rareHom;
        while (hetCount <= rare - 2) {
            double next = up(probs[(int) hetCount], hetCount, rareHom, commonHom);
            if (negligible(next, sum, observed, rare)) {
                break;
            }
            probs[(int) hetCount + 2] = next;
            sum += next;
            hetCount += 2;
            rareHom--;
            commonHom--;
        }
        high = Math.max(high, (int) hetCount);
        // the terms outside [low, high] were never computed: each is below what could change the sums
        double tie = observed * TIE;
        double p = 0;
        for (int h = low; h <= high; h += 2) {
            if (probs[h] <= tie) {
                p += probs[h];
            }
        }
        return Math.min(1.0, p / sum);
    }

    /**
     * A buffer of at least {@code size} for this thread: only the part a call writes is read, so it needs no
     * clearing, and a QC pass over 100,000 variants allocates nothing.
     */
    private static double[] scratch(int size) {
        double[] buffer = SCRATCH.get();
        if (buffer.length < size) {
            buffer = new double[Math.max(size, 2 * buffer.length)];
            SCRATCH.set(buffer);
        }
        return buffer;
    }

    /**
     * The largest probability, relative to {@code hetCount}'s, met walking from it up or down while the terms grow:
     * the distribution's mode when it lies on that side.
     */
    private static double climb(long hetCount, long rareHom, long commonHom, long rare, boolean upwards) {
        double current = 1.0;
        while (upwards ? hetCount + 2 <= rare : hetCount >= 2) {
            double next = upwards ? up(current, hetCount, rareHom, commonHom)
                    : down(current, hetCount, rareHom, commonHom);
            if (!(next > current)) {
                break;
            }
            current = next;
            hetCount += upwards ? 2 : -2;
            rareHom += upwards ? -1 : 1;
            commonHom += upwards ? -1 : 1;
        }
        return current;
    }

    /** The mode of the heterozygote count, moved to the parity of the rare-allele count. */
    private static int mode(int rare, long n) {
        int mid = (int) ((double) rare * (2 * n - rare) / (2 * n));
        if ((mid & 1) != (rare & 1)) {
            mid++;
        }
        return mid;
    }

    /** The probability of two fewer heterozygotes (one more homozygote of each kind). */
    private static double down(double probability, long hetCount, long rareHom, long commonHom) {
        return probability * hetCount * (hetCount - 1.0) / (4.0 * (rareHom + 1.0) * (commonHom + 1.0));
    }

    /** The probability of two more heterozygotes (one fewer homozygote of each kind). */
    private static double up(double probability, long hetCount, long rareHom, long commonHom) {
        return probability * 4.0 * rareHom * commonHom / ((hetCount + 2.0) * (hetCount + 1.0));
    }

    /**
     * Whether a term further from the mode than the observed count, and every one beyond it (they only shrink),
     * can be left out: each is below half a unit in the last place of the sum so far, so adding it would not change
     * the sum's bits, and all of them together are below 2^-60 of the observed probability, which is part of the
     * p-value. A variant with 1,000 samples thus takes tens of steps instead of hundreds.
     */
    private static boolean negligible(double term, double sum, double observed, int rare) {
        return term < sum * 0x1p-54 && term * (rare + 1.0) < observed * 0x1p-60;
    }
}
