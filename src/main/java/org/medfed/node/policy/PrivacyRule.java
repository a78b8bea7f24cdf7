package org.medfed.node.policy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.SiteRequest;

/**
 * The hospital's differential-privacy rule for a request that sends out something trained on its rows: it must
 * carry a mechanism that really protects (noise drawn at the hospital, from a secure source), and when the policy
 * caps epsilon, one whose epsilon the hospital can vouch for within the cap.
 *
 * <p>A cap on epsilon implies DP is needed: a request without DP has no bound at all, which is above any cap.
 * Either mechanism within the cap is enough: client-level DP bounds what the whole of a hospital's data reveals,
 * so it bounds what any one patient's row reveals too.
 */
final class PrivacyRule {

    private final boolean required;
    private final OptionalDouble maxEpsilon;

    PrivacyRule(boolean required, OptionalDouble maxEpsilon) {
        this.required = required;
        this.maxEpsilon = maxEpsilon;
    }

    Optional<String> refusal(SiteRequest request, int trainSize) {
        if (!required && maxEpsilon.isEmpty()) {
            return Optional.empty();
        }
        List<Protection> carried = RequestedProtections.of(request, trainSize);
        List<Protection> effective = carried.stream().filter(Protection::protects).toList();
        String asked = "this '" + request.procedure().id() + "' request";
        if (effective.isEmpty()) {
            String demand = required ? "this hospital requires differential privacy on anything trained on its rows"
                    : "this hospital limits epsilon to " + Epsilons.show(maxEpsilon.getAsDouble())
                    + ", which needs differential privacy on anything trained on its rows";
            String why = carried.isEmpty()
                    ? asked + " carries neither DP-SGD settings nor a " + Procedure.DP_CLIP_NOISE.id()
                    + " filter with noise"
                    : asked + " carries none that protects: " + carried.stream()
                    .map(p -> p.name() + ": " + p.ineffective().orElseThrow()).collect(Collectors.joining("; "));
            // the researcher reads this at the coordinator: what would satisfy the hospital, in the command's terms
            return Optional.of(demand + ", but " + why + "; a study meets it with DP-SGD at the hospitals "
                    + "(--dp-sgd-epsilon, or privacy.dpSgd) or with client-level DP whose noise the hospitals add "
                    + "(--dp-epsilon with --dp-noise-at-hospitals, or privacy.dp.noisePlacement \"participants\")");
        }
        if (maxEpsilon.isEmpty()) {
            return Optional.empty();
        }
        double max = maxEpsilon.getAsDouble();
        boolean withinCap = effective.stream()
                .anyMatch(p -> p.epsilon().isPresent() && p.epsilon().getAsDouble() <= max);
        if (withinCap) {
            return Optional.empty();
        }
        return Optional.of("this hospital accepts at most epsilon " + Epsilons.show(max) + ", but in " + asked + " "
                + effective.stream().map(p -> p.name() + " " + p.account()).collect(Collectors.joining("; and ")));
    }
}
