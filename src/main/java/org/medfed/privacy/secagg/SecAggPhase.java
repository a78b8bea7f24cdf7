package org.medfed.privacy.secagg;

/** The steps of one round of secure aggregation, named as in Bonawitz et al. 2017. */
public enum SecAggPhase {
    /** Round 0: participants send two fresh public keys. */
    ADVERTISE_KEYS,
    /** Round 1: participants send encrypted Shamir shares of their secrets to every other participant. */
    SHARE_KEYS,
    /** Round 2: participants send their masked, quantised updates (the engine's fit answer). */
    MASKED_INPUT,
    /** Round 4: participants reveal the shares that remove the masks. */
    UNMASKING
}
