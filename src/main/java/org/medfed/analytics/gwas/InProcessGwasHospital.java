package org.medfed.analytics.gwas;

import org.medfed.engine.Participant;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.SiteRequest;

/**
 * A hospital of a simulated association study: its side of the protocol ({@link GwasHospitalSide}) runs in this
 * process over its files, and receives the same requests as a node across the network would.
 */
final class InProcessGwasHospital implements Participant {

    private final String name;
    private final GwasHospitalSide side;

    /** The hospital answering from {@code site}, which stays open for the whole study (its owner closes it). */
    InProcessGwasHospital(GwasSite site) {
        this.name = site.name();
        this.side = new GwasHospitalSide(plan -> site);
    }

    @Override
    public String name() {
        return name;
    }

    /** An association study trains nothing. */
    @Override
    public int trainSize() {
        return 0;
    }

    @Override
    public int testSize() {
        return 0;
    }

    @Override
    public double weight() {
        return 1;
    }

    @Override
    public Params call(SiteRequest request, RunControl control) {
        return side.handle(request);
    }

    @Override
    public String toString() {
        return "InProcessGwasHospital[" + name + "]";
    }
}
