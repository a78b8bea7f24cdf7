package org.medfed.privacy.dp;

/** Who adds the Gaussian noise of DP-FedAvg. */
public enum NoisePlacement {

    /**
     * The aggregator clips every participant's delta again (so a participant cannot exceed the bound) and
     * adds all the noise to the sum. The aggregator sees the un-noised updates: it must be trusted.
     */
    AGGREGATOR,

    /**
     * Distributed noise: each of the k selected participants adds Gaussian noise of variance
     * {@code (z C)^2 / k} to its own clipped delta, so that the sum carries the full noise {@code (z C)^2}.
     * Meant for secure aggregation, where the aggregator only sees the sum. If some selected participants drop
     * out, the aggregator tops the noise up to the full variance before releasing the model. Participants are
     * trusted to clip (the aggregator cannot check a clipped-and-noised update).
     */
    PARTICIPANTS
}
