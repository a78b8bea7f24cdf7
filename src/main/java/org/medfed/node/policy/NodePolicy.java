package org.medfed.node.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.project.DataKind;
import org.medfed.project.NodeConfig;
import org.medfed.project.NodePolicySection;

/**
 * What a hospital node agrees to do for the coordinator, from the policy section of its {@code node.json}. The
 * node asks {@link #refusal} before running a request and {@link #refusalOfReply} before its reply leaves; either
 * answers with the reason in plain words, which the node sends back and writes to its audit log.
 *
 * <p>A request can only name a procedure of the fixed catalogue ({@link Procedure}); the hospital runs its own
 * implementation of it, so the policy decides by procedure id, filters included. Simulated attacks are not
 * procedures: they exist only in a simulated study, set when a simulated hospital is built, and no request can
 * ask a hospital to run one.
 *
 * <p>Each request is judged on its own. The epsilon of DP-SGD is computed for the rounds the request plans and
 * a request past them is not accounted for; budget spent across several studies or restarts is for the node
 * runtime to keep in its state folder.
 */
public final class NodePolicy {

    private final NodePolicySection settings;
    private final MinimumCountRule minimumCount;
    private final PrivacyRule privacy;

    public NodePolicy(NodePolicySection settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.minimumCount = new MinimumCountRule(settings.minimumCount());
        this.privacy = new PrivacyRule(settings.requireDifferentialPrivacy(), settings.maxEpsilon());
    }

    public static NodePolicy of(NodeConfig config) {
        return new NodePolicy(config.policy());
    }

    public NodePolicySection settings() {
        return settings;
    }

    /**
     * Why {@code request} must be refused, or empty when the hospital may run it.
     *
     * @param datasetKind the kind of the dataset the request is for ({@code "table"}, {@code "images"} ...)
     * @param trainSize   that dataset's number of training examples
     */
    public Optional<String> refusal(SiteRequest request, String datasetKind, int trainSize) {
        Procedure p = request.procedure();
        Optional<DataKind> kind = DataKind.byId(datasetKind).filter(settings.dataKinds()::contains);
        if (kind.isEmpty()) {
            return Optional.of("this hospital does not serve " + datasetKind + " data (its policy serves: "
                    + settings.dataKinds().stream().map(DataKind::id).collect(Collectors.joining(", ")) + ")");
        }
        Optional<String> notServed = notServed(p, kind.get());
        if (notServed.isPresent()) {
            return notServed;
        }
        for (ProcedureCall filter : request.filters()) {
            notServed = notServed(filter.procedure(), kind.get());
            if (notServed.isPresent()) {
                return notServed;
            }
        }
        if (settings.maxRounds().isPresent() && request.round() > settings.maxRounds().getAsInt()) {
            return Optional.of("round " + request.round() + " is past the " + settings.maxRounds().getAsInt()
                    + " rounds this hospital's policy takes part in");
        }
        if (!sendsWhatItTrained(p)) {
            return Optional.empty();
        }
        return minimumCount.refusalOfTraining(p, trainSize).or(() -> privacy.refusal(request, trainSize));
    }

    /**
     * What the researcher should know before round 1 of a study that plans {@code plannedRounds} rounds: this policy
     * takes part in fewer. Empty when nothing.
     */
    public Optional<String> noteOnStudy(int plannedRounds) {
        if (settings.maxRounds().isEmpty() || plannedRounds <= settings.maxRounds().getAsInt()) {
            return Optional.empty();
        }
        int last = settings.maxRounds().getAsInt();
        return Optional.of("its policy takes part in rounds 1 to " + last + " only (maxRounds in its node.json), and "
                + "this study plans " + plannedRounds + ": from round " + (last + 1) + " on it refuses every request, "
                + "so those rounds go on without it and the final results will not include it; run " + last
                + " rounds (--rounds " + last + "), or ask the hospital to raise its limit");
    }

    /**
     * Why the reply of {@code p} must not leave, or empty when it may: it states a count of examples below the
     * policy's minimum (an evaluation's examples, a description's training or test size, the examples of a
     * training update), or a count this hospital cannot read.
     */
    public Optional<String> refusalOfReply(Procedure p, Params reply) {
        return minimumCount.refusalOfReply(p, reply);
    }

    /** Training procedures and a baseline send out a model or gradient fitted to the hospital's own rows. */
    private static boolean sendsWhatItTrained(Procedure p) {
        return p.kind() == Procedure.Kind.TRAINING || p == Procedure.BASELINE_TRAIN;
    }

    private Optional<String> notServed(Procedure p, DataKind kind) {
        if (!settings.procedures().contains(p)) {
            return Optional.of("this hospital does not serve '" + p.id() + "' (its policy allows: "
                    + settings.procedures().stream().map(Procedure::id).collect(Collectors.joining(", ")) + ")");
        }
        if (!kind.serves(p)) {
            return Optional.of("'" + p.id() + "' does not apply to " + kind.id() + " data");
        }
        return Optional.empty();
    }
}
