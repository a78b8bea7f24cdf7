package org.medfed.engine.protocol;

import java.util.Optional;

/**
 * The revision of the participant protocol: what the procedures of the catalogue mean and how their requests and
 * replies are laid out. A node and a coordinator tell each other theirs when they connect, and refuse to work
 * together when they differ, so that a hospital that has not yet updated its node is told so at once instead of
 * failing in the middle of a round.
 *
 * <p>Revisions: 1, the protocol as first released (a node of that time sends none, read as 0); 2, secure
 * aggregation's key shares ride in the masking filter of the training request (no {@code secagg.deliver-shares}),
 * masked values travel as bytes, and a masked or encrypted reply carries no plain update; 3, a model the node
 * received last on its connection is referred to by its digest instead of being sent again
 * ({@code org.medfed.network.wire.RepeatedModel}).
 */
public final class ProtocolRevision {

    /** Raise whenever a procedure's request or reply changes in a way the other side would misread. */
    public static final int CURRENT = 3;

    private ProtocolRevision() {
    }

    /**
     * Why this side cannot work with the other, or empty when both speak {@link #CURRENT}.
     *
     * @param other         who the other side is, e.g. "node 'hospital-a'" or "the coordinator"
     * @param otherVersion  the MedFed version the other side reported
     * @param otherRevision the revision it reported (0: none, a version from before revisions were exchanged)
     * @param thisSide      "this coordinator" or "this node"
     * @param thisVersion   this side's MedFed version
     */
    public static Optional<String> mismatch(String other, String otherVersion, int otherRevision, String thisSide,
                                            String thisVersion) {
        if (otherRevision == CURRENT) {
            return Optional.empty();
        }
        String theirs = otherRevision == 0 ? "no participant protocol revision (a version from before revisions were "
                + "exchanged)" : "participant protocol revision " + otherRevision;
        return Optional.of(other + " runs MedFed " + otherVersion + " with " + theirs + ", but " + thisSide
                + " runs MedFed " + thisVersion + " with revision " + CURRENT + ": install the same MedFed version at "
                + "the hospitals' nodes and at the coordinator");
    }
}
