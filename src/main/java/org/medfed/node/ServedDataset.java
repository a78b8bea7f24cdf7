package org.medfed.node;

import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.SiteRequest;

/** A dataset a hospital registered with its node, and how the node answers requests about it. */
public interface ServedDataset {

    String id();

    /** {@code table}, {@code images} or {@code genotypes}. */
    String kind();

    /** Training rows once the model is set up, else -1 (for the policy's minimum count). */
    int trainSize();

    Params handle(SiteRequest request, RunControl control);
}
