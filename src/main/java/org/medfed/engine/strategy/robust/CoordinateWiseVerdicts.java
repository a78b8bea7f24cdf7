package org.medfed.engine.strategy.robust;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;

/**
 * Turns the per-coordinate counts of a median or trimmed mean into verdicts. Such rules never drop a whole
 * update, so what a teacher can show is how often each participant's values were among those combined: an
 * attacker pushing every coordinate to an extreme ends at 0.
 */
final class CoordinateWiseVerdicts {

    private CoordinateWiseVerdicts() {
    }

    static RobustAggregation.Decision decision(String rule, String usedFor, List<ClientUpdate> updates, int[] used,
                                               int size, ModelVector combined, Map<String, Double> extra) {
        List<UpdateVerdict> verdicts = new ArrayList<>();
        Map<String, Double> diagnostics = new LinkedHashMap<>(extra);
        for (int j = 0; j < updates.size(); j++) {
            String name = updates.get(j).participant();
            double share = RobustAggregation.share(used[j], size);
            UpdateVerdict.Decision d;
            String text;
            if (used[j] == size) {
                d = UpdateVerdict.Decision.KEPT;
                text = "its value was used in every coordinate of the " + usedFor;
            } else if (used[j] == 0) {
                d = UpdateVerdict.Decision.REJECTED;
                text = "its values were never used: they lay outside the middle in every coordinate";
                diagnostics.put(RobustAggregation.key("rejected", name), 1.0);
            } else {
                d = UpdateVerdict.Decision.PARTLY_USED;
                text = "its value was used in " + RobustAggregation.figure(100 * share) + "% of the coordinates of the "
                        + usedFor + " (" + used[j] + " of " + size + ")";
            }
            verdicts.add(new UpdateVerdict(name, d, share, text));
            diagnostics.put(RobustAggregation.key("used", name), share);
        }
        return new RobustAggregation.Decision(List.of(RobustAggregation.consensus(rule, updates, combined)),
                verdicts, diagnostics);
    }
}
