package org.medfed.engine;

import java.util.List;
import java.util.function.Function;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.protocol.SiteRequest;

/**
 * A training request as the hospital reads it: the round, the global model, how to train, and the procedure's
 * own parameters (FedProx's mu, SCAFFOLD's server control variate).
 */
public record FitInstruction(int round, ModelVector global, LocalTraining training, Params params) {


    /** The request asking for {@code call} from {@code global}, its update passed through {@code filters}. */
    public static SiteRequest request(int round, ModelVector global, LocalTraining training, ProcedureCall call,
                                      List<ProcedureCall> filters) {
        Params params = Params.builder().all(call.params()).all(training.toParams())
                .floats(SiteRequest.MODEL, global.toArray()).build();
        return new SiteRequest(round, new ProcedureCall(call.procedure(), params), filters);
    }

    /** Reads a training request; {@code dpSgd} rebuilds DP-SGD from its settings when the plan has it. */
    public static FitInstruction from(SiteRequest request, Function<Params, SampleLevelPrivacy> dpSgd) {
        Params p = request.params();
        return new FitInstruction(request.round(), ModelVector.wrap(p.floats(SiteRequest.MODEL)),
                LocalTraining.fromParams(p, dpSgd), p);
    }

    /** A vector the procedure was sent, or null. */
    public ModelVector vector(String key) {
        return params.has(key) ? ModelVector.wrap(params.floats(key)) : null;
    }
}
