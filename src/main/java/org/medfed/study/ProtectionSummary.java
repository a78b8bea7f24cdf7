package org.medfed.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What protected a run, in a few words for tables and warnings ("DP-FedAvg (noise 1.1, clip 1.0), secure
 * aggregation"), and the privacy budget it spent. Read from the protections a run records for its model card.
 */
public final class ProtectionSummary {

    private ProtectionSummary() {
    }

    /** Empty when nothing protected the run. Simulated attacks are not protections and are left out. */
    public static String describe(Map<String, Object> protections) {
        List<String> parts = new ArrayList<>();
        if (protections.get("differentialPrivacy") instanceof Map<?, ?> dp) {
            parts.add("DP-FedAvg (noise " + number(dp.get("noiseMultiplier")) + ", clip " + number(dp.get("clipNorm")) + ")");
        }
        if (protections.get("dpSgd") instanceof Map<?, ?> dp) {
            parts.add("DP-SGD (noise " + number(dp.get("noiseMultiplier")) + ", clip " + number(dp.get("clipNorm")) + ")");
        }
        if (protections.containsKey("secureAggregation")) {
            parts.add("secure aggregation");
        }
        if (protections.containsKey("paillier")) {
            parts.add("Paillier encryption");
        }
        if (protections.get("defence") instanceof Map<?, ?> d) {
            parts.add("robust rule " + d.get("rule"));
        }
        return String.join(", ", parts);
    }

    /**
     * The epsilon spent (DP-FedAvg: by the rounds run; DP-SGD: the largest of the hospitals' budgets for the planned
     * rounds), or NaN without differential privacy.
     */
    public static double epsilon(StudyResult result) {
        Map<String, Object> p = RunOutputs.protections(result);
        Object spent = p != null && p.get("differentialPrivacy") instanceof Map<?, ?> dp ? dp.get("epsilonSpent") : null;
        if (spent instanceof Number n) {
            return n.doubleValue();
        }
        if (result.protections().get("dpSgd") instanceof Map<?, ?> dp && dp.get("perHospital") instanceof Map<?, ?> per) {
            return per.values().stream().filter(v -> v instanceof Map<?, ?>)
                    .map(v -> ((Map<?, ?>) v).get("epsilonAfterPlannedRounds"))
                    .filter(v -> v instanceof Number).mapToDouble(v -> ((Number) v).doubleValue()).max().orElse(Double.NaN);
        }
        return Double.NaN;
    }

    private static String number(Object v) {
        return v instanceof Number n ? new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", n.doubleValue()))
                .stripTrailingZeros().toPlainString() : "?";
    }
}
