package org.medfed.engine.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Everything the coordinator asks of a hospital in one call: a procedure of the catalogue with its parameters
 * (the model among them), and, for a training procedure, the filters its update passes through before it leaves
 * the hospital, in order (DP clipping, then masking or encryption). Plain data: the same object is handed to a
 * hospital in this process and encoded for one across the network.
 *
 * @param round 1-based round, 0 outside the rounds (statistics, baselines)
 */
public record SiteRequest(int round, ProcedureCall call, List<ProcedureCall> filters) {

    /** The parameter that carries the model, in a training request and in an evaluation request alike. */
    public static final String MODEL = "model";

    public SiteRequest {
        Objects.requireNonNull(call, "call");
        filters = List.copyOf(filters);
        if (!filters.isEmpty() && call.procedure().kind() != Procedure.Kind.TRAINING) {
            throw new ProtocolException("only a training procedure takes filters, not '" + call.procedure().id() + "'");
        }
        for (ProcedureCall f : filters) {
            if (!f.procedure().isFilter()) {
                throw new ProtocolException("'" + f.procedure().id() + "' is not a filter of updates");
            }
        }
    }

    public static SiteRequest of(int round, Procedure procedure, Params params) {
        return new SiteRequest(round, new ProcedureCall(procedure, params), List.of());
    }

    public Procedure procedure() {
        return call.procedure();
    }

    public Params params() {
        return call.params();
    }
}
