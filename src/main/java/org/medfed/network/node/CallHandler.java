package org.medfed.network.node;

import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.SiteRequest;

/**
 * What a node does with one call from the coordinator. Throws {@link PolicyRefusal} when the hospital's policy
 * says no; any other exception is reported to the coordinator as a failure, with its message.
 */
@FunctionalInterface
public interface CallHandler {

    Params handle(String dataset, SiteRequest request, RunControl control) throws Exception;
}
