package org.medfed.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * What a strategy knows when it picks the participants of a round.
 *
 * @param round     1-based round number
 * @param available names of the participants that may take part, sorted
 * @param fraction  share of participants to sample each round, in (0, 1]
 * @param minimum   the fewest participants a round may have
 * @param random    the run's seeded generator for sampling
 */
public record SelectionContext(int round, List<String> available, double fraction, int minimum, Random random) {

    public SelectionContext {
        available = List.copyOf(available);
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
