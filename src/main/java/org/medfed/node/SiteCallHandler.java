package org.medfed.node;

import java.util.Map;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.network.node.CallHandler;
import org.medfed.site.HospitalSite;

/**
 * Answers calls with the hospital's sites, one per registered dataset: the coordinator names a dataset by id and
 * the node never opens anything else.
 */
public final class SiteCallHandler implements CallHandler {

    private final Map<String, HospitalSite> sites;

    public SiteCallHandler(Map<String, HospitalSite> sites) {
        this.sites = Map.copyOf(sites);
    }

    @Override
    public Params handle(String dataset, SiteRequest request, RunControl control) {
        HospitalSite site = sites.get(dataset);
        if (site == null) {
            throw new ProtocolException("this node has no dataset '" + dataset + "'; it offers "
                    + String.join(", ", new java.util.TreeSet<>(sites.keySet())));
        }
        return site.handle(request, control);
    }
}
