package org.medfed.analytics.gwas.synthetic;

import java.util.SplittableRandom;
import org.apache.commons.math3.random.AbstractRandomGenerator;

/**
 * A commons-math random generator backed by {@link SplittableRandom}, so that the library's Beta and
 * Gaussian samplers can draw from streams derived per variant and per sample: each draw then depends on
 * (seed, what, index) only, not on the order in which the generator visits variants.
 */
final class SeededRandom extends AbstractRandomGenerator {

    private SplittableRandom random;

    SeededRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void setSeed(long seed) {
        random = new SplittableRandom(seed);
        clear();
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    /** One allele: 1 with probability p. */
    int allele(double p) {
        return random.nextDouble() < p ? 1 : 0;
    }
}
