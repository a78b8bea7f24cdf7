package org.medfed.engine.strategy;

import java.util.List;
import org.medfed.engine.ClientUpdate;

/** How much each participant's update counts in an average. */
public enum Weighting {
    /** Every participant counts the same. */
    EQUAL,
    /** Proportional to the participant's training examples (McMahan et al.'s FedAvg, FLamby). */
    SAMPLES,
    /** The weights the user gave each participant in the study. */
    CUSTOM;

    public double[] weights(List<ClientUpdate> updates) {
        double[] w = new double[updates.size()];
        for (int i = 0; i < w.length; i++) {
            ClientUpdate u = updates.get(i);
            w[i] = switch (this) {
                case EQUAL -> 1.0;
                case SAMPLES -> u.examples();
                case CUSTOM -> u.weight();
            };
        }
        double total = 0;
        for (double x : w) {
            total += x;
        }
        if (total <= 0) {
            throw new IllegalStateException(this == CUSTOM
                    ? "every answering participant has weight 0: give at least one a positive weight"
                    : "no participant has training examples");
        }
        return w;
    }
}
