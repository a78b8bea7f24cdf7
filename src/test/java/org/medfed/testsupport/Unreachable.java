package org.medfed.testsupport;

import java.util.EnumSet;
import java.util.Set;
import org.medfed.engine.Participant;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.SiteRequest;

/** A participant that stops answering some procedures, as a hospital whose node crashed at that point. */
public final class Unreachable implements Participant {

    private final Participant inner;
    private final Set<Procedure> refused;

    private Unreachable(Participant inner, Set<Procedure> refused) {
        this.inner = inner;
        this.refused = refused;
    }

    /** Fails every request for one of {@code procedures}; answers the others. */
    public static Unreachable on(Participant inner, Procedure first, Procedure... more) {
        return new Unreachable(inner, EnumSet.of(first, more));
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public int trainSize() {
        return inner.trainSize();
    }

    @Override
    public int testSize() {
        return inner.testSize();
    }

    @Override
    public double weight() {
        return inner.weight();
    }

    @Override
    public Params call(SiteRequest request, RunControl control) throws Exception {
        if (refused.contains(request.procedure())) {
            throw new IllegalStateException(name() + " is unreachable (simulated crash before '"
                    + request.procedure().id() + "')");
        }
        return inner.call(request, control);
    }
}
