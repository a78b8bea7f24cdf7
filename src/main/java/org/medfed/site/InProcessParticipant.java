package org.medfed.site;

import java.util.Objects;
import org.medfed.attack.SimulatedAttacker;
import org.medfed.engine.BadInputException;
import org.medfed.engine.LocalTrainer;
import org.medfed.engine.Participant;
import org.medfed.engine.RunControl;
import org.medfed.engine.checkpoint.RestorableParticipant;
import org.medfed.engine.protocol.Exchange;
import org.medfed.engine.protocol.Params;
import org.medfed.network.wire.WireSize;
import org.medfed.engine.protocol.SiteRequest;

/**
 * A hospital of a simulated study: its side of the protocol runs in this process. It receives the same requests
 * and sends the same replies as a node across the network, so every simulated run exercises the protocol.
 */
public final class InProcessParticipant implements Participant, RestorableParticipant {

    private final HospitalSite site;
    private final double weight;

    public InProcessParticipant(HospitalSite site, double weight) {
        this.site = Objects.requireNonNull(site, "site");
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new BadInputException("participant '" + site.name() + "': weight must be a non-negative number, was "
                    + weight);
        }
        this.weight = weight;
    }

    /** A simulated hospital with {@code trainer} over its own rows. */
    public static InProcessParticipant of(String name, double weight, LocalTrainer trainer) {
        return new InProcessParticipant(new HospitalSite(name, trainer), weight);
    }

    /** As {@link #of(String, double, LocalTrainer)}, running a SIMULATED attack (null for an honest one). */
    public static InProcessParticipant of(String name, double weight, LocalTrainer trainer, SimulatedAttacker attacker) {
        return new InProcessParticipant(new HospitalSite(name, trainer, attacker), weight);
    }

    public HospitalSite site() {
        return site;
    }

    @Override
    public String name() {
        return site.name();
    }

    @Override
    public int trainSize() {
        return site.trainer().trainSize();
    }

    @Override
    public int testSize() {
        return site.trainer().testSize();
    }

    @Override
    public double weight() {
        return weight;
    }

    @Override
    public Params call(SiteRequest request, RunControl control) {
        return site.handle(request, control);
    }

    /** The reply, with the request's and the reply's size as a node would send them. */
    @Override
    public Exchange exchange(SiteRequest request, RunControl control) {
        long down = WireSize.of(request);
        Params reply = site.handle(request, control);
        return new Exchange(reply, down, WireSize.of(reply));
    }

    @Override
    public Params saveState() {
        return site.savedState();
    }

    @Override
    public void restoreState(Params state) {
        site.restoreState(state);
    }

    @Override
    public String toString() {
        return "InProcessParticipant[" + name() + "]";
    }
}
