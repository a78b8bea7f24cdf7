package org.medfed.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.medfed.engine.protocol.SiteGateway;

/**
 * What a strategy knows when it picks the participants of a round.
 *
 * @param round     1-based round number
 * @param available names of the participants that may take part, sorted
 * @param fraction  share of participants to sample each round, in (0, 1]
 * @param minimum   the fewest participants a round may have
 * @param random    the run's seeded generator for sampling
 * @param gateway   how to ask participants something before training (secure aggregation's key exchange)
 */
public record SelectionContext(int round, List<String> available, double fraction, int minimum, Random random,
                               SiteGateway gateway) {

    public SelectionContext {
        available = List.copyOf(available);
        gateway = gateway == null ? SiteGateway.NONE : gateway;
    }

    public SelectionContext(int round, List<String> available, double fraction, int minimum, Random random) {
        this(round, available, fraction, minimum, random, SiteGateway.NONE);
    }

    /** A seeded sample of {@code max(minimum, ceil(fraction * n))} participants, returned sorted. */
    public List<String> sampleFraction() {
        int n = available.size();
        int k = (int) Math.ceil(fraction * n - 1e-9);
        k = Math.max(Math.min(n, Math.max(k, minimum)), Math.min(n, 1));
        if (k >= n) {
            return available;
        }
        List<String> shuffled = new ArrayList<>(available);
        Collections.shuffle(shuffled, random);
        List<String> chosen = new ArrayList<>(shuffled.subList(0, k));
        Collections.sort(chosen);
        return chosen;
    }
}
