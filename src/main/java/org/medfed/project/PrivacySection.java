package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Formal privacy of a study: client-level differential privacy, secure aggregation, homomorphic (Paillier)
 * aggregation, and where their randomness comes from ({@code "secure"}, or {@code "seeded"} for reproducible
 * teaching runs, which give no privacy). Any part may be absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrivacySection(DpSection dp, DpSgdSection dpSgd, SecureAggregationSection secureAggregation,
                             PaillierSection paillier, String randomness) {

    public PrivacySection {
        randomness = randomness == null ? "secure" : randomness;
    }

    public PrivacySection(DpSection dp, SecureAggregationSection secureAggregation, PaillierSection paillier,
                          String randomness) {
        this(dp, null, secureAggregation, paillier, randomness);
    }

    public PrivacySection withDpSgd(DpSgdSection v) {
        return new PrivacySection(dp, v, secureAggregation, paillier, randomness);
    }

    /**
     * Example-level DP-SGD inside every hospital's local training. Give a noise multiplier, or a target epsilon
     * per hospital from which each hospital's noise is derived for the planned rounds.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DpSgdSection(Double clipNorm, Double noiseMultiplier, Double targetEpsilon, Double delta) {

        public DpSgdSection {
            clipNorm = clipNorm == null ? 1.0 : clipNorm;
            delta = delta == null ? 1e-3 : delta;
        }
    }

    public boolean seeded() {
        return "seeded".equalsIgnoreCase(randomness);
    }

    /**
     * Client-level DP-FedAvg. Give either a noise multiplier, or a target epsilon from which the noise multiplier
     * for the planned rounds is derived (or both: then the run stops before epsilon passes the target).
     *
     * @param noisePlacement {@code "aggregator"} (default) or {@code "participants"} (distributed, for secure
     *                       aggregation)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DpSection(Double clipNorm, Double noiseMultiplier, Double delta, Double targetEpsilon,
                            String noisePlacement, Boolean adaptiveClipping) {

        public DpSection {
            clipNorm = clipNorm == null ? 1.0 : clipNorm;
            delta = delta == null ? 1e-3 : delta;
            noisePlacement = noisePlacement == null ? "aggregator" : noisePlacement;
            adaptiveClipping = adaptiveClipping == null ? Boolean.FALSE : adaptiveClipping;
        }
    }

    /** Secure aggregation: each coordinate of an update clipped to [-range, range] and sent as a k-bit integer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SecureAggregationSection(Double range, Integer bits) {

        public SecureAggregationSection {
            range = range == null ? 1.0 : range;
            bits = bits == null ? 24 : bits;
        }
    }

    /** Paillier aggregation with fixed-point packing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PaillierSection(Integer modulusBits, Integer fractionBits, Double range, Boolean packed) {

        public PaillierSection {
            modulusBits = modulusBits == null ? 2048 : modulusBits;
            fractionBits = fractionBits == null ? 16 : fractionBits;
            range = range == null ? 1.0 : range;
            packed = packed == null ? Boolean.TRUE : packed;
        }
    }
}
