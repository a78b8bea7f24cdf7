package org.medfed.engine;

import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.SiteRequest;

/** The request to evaluate a model on a hospital's split, and how the hospital reads it. */
public final class EvaluationRequest {

    private static final String SPLIT = "split";

    private EvaluationRequest() {
    }

    public static SiteRequest of(int round, ModelVector model, DataSplit split) {
        return SiteRequest.of(round, Procedure.EVALUATE,
                Params.builder().floats(SiteRequest.MODEL, model.toArray()).text(SPLIT, split.name()).build());
    }

    public static ModelVector model(SiteRequest request) {
        return ModelVector.wrap(request.params().floats(SiteRequest.MODEL));
    }

    public static DataSplit split(SiteRequest request) {
        String s = request.params().text(SPLIT);
        try {
            return DataSplit.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new org.medfed.engine.protocol.ProtocolException("unknown data split '" + s + "'");
        }
    }
}
