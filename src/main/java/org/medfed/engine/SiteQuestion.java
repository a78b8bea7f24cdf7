package org.medfed.engine;

import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.SiteRequest;

/**
 * The hospital's implementation of a question of the catalogue (evaluation, a step of secure aggregation, a
 * baseline): a request whose answer is not a model update.
 */
@FunctionalInterface
public interface SiteQuestion {

    Params answer(SiteRequest request, LocalTrainer trainer, ClientState state, RunControl control);
}
