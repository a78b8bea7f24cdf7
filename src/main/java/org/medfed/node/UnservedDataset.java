package org.medfed.node;

import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.network.node.PolicyRefusal;

/**
 * A registered dataset of a kind nodes cannot serve yet (image folders): every request is refused with
 * that reason, so the researcher learns it at once instead of from a failed run.
 */
final class UnservedDataset implements ServedDataset {

    private final String id;
    private final String kind;

    UnservedDataset(String id, String kind) {
        this.id = id;
        this.kind = kind;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public int trainSize() {
        return -1;
    }

    @Override
    public Params handle(SiteRequest request, RunControl control) {
        throw new PolicyRefusal("dataset '" + id + "' holds " + kind + " data, which this version's nodes do not "
                + "serve yet (tables and genotypes only)");
    }
}
