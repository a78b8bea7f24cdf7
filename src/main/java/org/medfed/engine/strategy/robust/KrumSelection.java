package org.medfed.engine.strategy.robust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;

/** Scoring and selection shared by Krum and Multi-Krum, with the verdicts that explain them. */
final class KrumSelection {

    private KrumSelection() {
    }

    static void requireFeasible(String rule, int f, int n, String where) {
        if (n <= 2 * f + 2) {
            throw new BadInputException(rule + " assumes up to f = " + f + " attacker" + (f == 1 ? "" : "s")
                    + " and so needs more than 2f + 2 = " + (2 * f + 2) + " updates per round, but " + where
                    + " has " + n + "; lower f or add participants");
        }
    }

    static void requireValidF(String rule, int f) {
        if (f < 0) {
            throw new BadInputException(rule + ": f, the number of attackers assumed, must be 0 or more, was " + f);
        }
    }

    /** Keeps the {@code m} updates with the lowest scores, in participant order. */
    static RobustAggregation.Decision select(String rule, int f, int m, List<ClientUpdate> updates) {
        int n = updates.size();
        List<ModelVector> vectors = updates.stream().map(ClientUpdate::update).toList();
        double[] scores = RobustMath.krumScores(RobustMath.squaredDistances(vectors), f);
        int[] best = RobustMath.lowest(scores, m);
        boolean[] chosen = new boolean[n];
        for (int i : best) {
            chosen[i] = true;
        }
        int neighbours = n - f - 2;
        List<ClientUpdate> forward = new ArrayList<>();
        List<UpdateVerdict> verdicts = new ArrayList<>();
        Map<String, Double> diagnostics = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) {
            String name = updates.get(j).participant();
            String score = "score " + RobustAggregation.figure(scores[j]) + " (sum of squared distances to its "
                    + neighbours + " nearest update" + (neighbours == 1 ? "" : "s") + ")";
            String rank = m == 1 ? "the lowest" : "among the " + m + " lowest";
            if (chosen[j]) {
                forward.add(updates.get(j));
                verdicts.add(new UpdateVerdict(name, UpdateVerdict.Decision.KEPT, 1.0, score + ", " + rank + ": used"));
            } else {
                verdicts.add(new UpdateVerdict(name, UpdateVerdict.Decision.REJECTED, 0.0,
                        score + ", not " + rank + ": left out"));
                diagnostics.put(RobustAggregation.key("rejected", name), 1.0);
            }
            diagnostics.put(RobustAggregation.key("score", name), scores[j]);
        }
        return new RobustAggregation.Decision(forward, verdicts, diagnostics);
    }
}
