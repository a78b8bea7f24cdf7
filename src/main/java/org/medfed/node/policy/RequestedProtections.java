package org.medfed.node.policy;

import java.util.ArrayList;
import java.util.List;
import org.medfed.engine.BadInputException;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.privacy.dp.DpClipNoise;
import org.medfed.privacy.dp.DpSgdPrivacy;
import org.medfed.privacy.random.RandomSource;

/**
 * The differential privacy a request asks the hospital to apply, each mechanism judged as the hospital's own
 * implementations would run it: DP-SGD from the training call's {@code dpsgd.} settings, client-level DP from its
 * {@code dp.clip-noise} filters.
 */
final class RequestedProtections {

    static final String DP_SGD = "DP-SGD";
    static final String CLIENT_LEVEL = "client-level DP (" + Procedure.DP_CLIP_NOISE.id() + ")";

    /** The prefix under which a training call carries DP-SGD's settings ({@code LocalTraining#toParams}). */
    private static final String DPSGD_PREFIX = "dpsgd.";
    private static final String SEEDED = "its noise would be drawn from a seed the coordinator chose (a teaching "
            + "run), so the coordinator could subtract it";

    private RequestedProtections() {
    }

    static List<Protection> of(SiteRequest request, int trainSize) {
        List<Protection> found = new ArrayList<>();
        Params dpSgd = request.params().under(DPSGD_PREFIX);
        if (!dpSgd.isEmpty()) {
            found.add(dpSgd(request, dpSgd, trainSize));
        }
        for (ProcedureCall filter : request.filters()) {
            if (filter.procedure() == Procedure.DP_CLIP_NOISE) {
                found.add(clientLevel(filter.params()));
            }
        }
        return found;
    }

    private static Protection dpSgd(SiteRequest request, Params settings, int trainSize) {
        if (request.procedure() == Procedure.GRADIENT) {
            // FedSGD's hospital side takes one plain gradient over all rows; it never runs the DP-SGD steps
            return Protection.ineffective(DP_SGD, "'" + Procedure.GRADIENT.id() + "' computes its gradient without "
                    + "DP-SGD, so the DP-SGD settings it carries protect nothing");
        }
        DpSgdPrivacy dp;
        LocalTraining plan;
        try {
            dp = DpSgdPrivacy.fromParams(settings);
            plan = LocalTraining.fromParams(request.params(), s -> dp);
        } catch (ProtocolException | BadInputException e) {
            return Protection.ineffective(DP_SGD, "its settings cannot be read (" + e.getMessage() + ")");
        }
        if (RandomSource.from(settings).isSeeded()) {
            return Protection.ineffective(DP_SGD, SEEDED);
        }
        // its epsilon holds for the rounds it was planned for; past them the hospital spends more than computed
        if (request.round() > dp.plannedRounds()) {
            return Protection.unaccounted(DP_SGD, "was planned for " + dp.plannedRounds() + " rounds and this is "
                    + "round " + request.round() + ", past what its epsilon covers");
        }
        if (trainSize < 1) {
            return Protection.unaccounted(DP_SGD, "has no epsilon here: this hospital has no training examples");
        }
        double epsilon = dp.spentBy(trainSize, plan).epsilon();
        return Protection.withEpsilon(DP_SGD, epsilon, "would spend epsilon " + Epsilons.show(epsilon)
                + " at this hospital over its " + dp.plannedRounds() + " planned rounds (" + trainSize
                + " training examples, delta " + dp.delta() + ")");
    }

    private static Protection clientLevel(Params params) {
        double noiseStd;
        try {
            noiseStd = params.number(DpClipNoise.NOISE_STD);
        } catch (ProtocolException e) {
            return Protection.ineffective(CLIENT_LEVEL, "its noise cannot be read (" + e.getMessage() + ")");
        }
        if (!(noiseStd > 0)) {
            return Protection.ineffective(CLIENT_LEVEL, "it adds no noise at this hospital (noise that the "
                    + "coordinator adds later cannot be checked from here)");
        }
        if (RandomSource.from(params).isSeeded()) {
            return Protection.ineffective(CLIENT_LEVEL, SEEDED);
        }
        // client-level epsilon depends on how many hospitals take part and on the coordinator's sampling, which one
        // hospital cannot see: it can only hold the study to the target the study declares
        if (!params.has(DpClipNoise.TARGET_EPSILON)) {
            return Protection.unaccounted(CLIENT_LEVEL, "declares no target epsilon, and one hospital cannot "
                    + "compute client-level epsilon alone");
        }
        double declared;
        try {
            declared = params.number(DpClipNoise.TARGET_EPSILON);
        } catch (ProtocolException e) {
            return Protection.unaccounted(CLIENT_LEVEL, "declares a target epsilon that cannot be read ("
                    + e.getMessage() + ")");
        }
        return Protection.withEpsilon(CLIENT_LEVEL, declared, "declares a target epsilon of "
                + Epsilons.show(declared) + " for the study");
    }
}
