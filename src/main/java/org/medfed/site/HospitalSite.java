package org.medfed.site;

import java.util.Objects;
import org.medfed.attack.SimulatedAttacker;
import org.medfed.engine.ClientState;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.FitResult;
import org.medfed.engine.LocalTrainer;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.protocol.SiteRequest;

/**
 * A hospital's side of the protocol: it holds the hospital's trainer (its rows stay inside) and what it keeps for
 * the study, and answers each request by running the catalogue's implementation of the named procedure, then the
 * requested filters in order. Only the reply leaves.
 */
public final class HospitalSite {

    private final String name;
    private final LocalTrainer trainer;
    private final ClientState state;
    private final SimulatedAttacker attacker;

    /** A real hospital: never attacks. */
    public HospitalSite(String name, LocalTrainer trainer) {
        this(name, trainer, null);
    }

    /**
     * @param attacker a SIMULATED attack for teaching (simulation only), or null
     */
    public HospitalSite(String name, LocalTrainer trainer, SimulatedAttacker attacker) {
        this.name = Objects.requireNonNull(name, "name");
        this.trainer = Objects.requireNonNull(trainer, "trainer");
        this.state = new ClientState(name);
        this.attacker = attacker;
    }

    public String name() {
        return name;
    }

    public LocalTrainer trainer() {
        return trainer;
    }

    public ClientState state() {
        return state;
    }

    /** Forgets what was kept for a study, so that a new run starts clean. */
    public void resetState() {
        state.clear();
    }

    /**
     * The vectors the hospital keeps for the study (SCAFFOLD's c_i), by key, for a checkpoint; a protocol's working
     * objects (this round's secure-aggregation keys) live within a round and are left out.
     */
    public Params savedState() {
        Params.Builder b = Params.builder();
        state.vectors().forEach((key, vector) -> b.floats(key, vector.toArray()));
        return b.build();
    }

    /** Starts over from a saved state: what {@link #savedState()} gave, nothing else. */
    public void restoreState(Params saved) {
        state.clear();
        saved.keys().forEach(key -> state.put(key, ModelVector.of(saved.floats(key))));
    }

    /** Answers one request; the trainer is used by one request at a time. */
    public Params handle(SiteRequest request, RunControl control) {
        Procedure p = request.procedure();
        synchronized (trainer) {
            if (p.kind() != Procedure.Kind.TRAINING) {
                return SiteProcedures.question(p).answer(request, trainer, state, control);
            }
            FitInstruction instruction = FitInstruction.from(request, SiteProcedures::dpSgd);
            FitResult result = SiteProcedures.training(p).run(instruction, trainer, state, control);
            boolean attacked = false;
            for (ProcedureCall filter : request.filters()) {
                if (!attacked && attacker != null && filter.procedure().kind() == Procedure.Kind.SEALING_FILTER) {
                    result = attacker.corrupt(result, instruction);
                    attacked = true;
                }
                result = SiteProcedures.filter(filter.procedure()).apply(result, instruction, filter.params(), state);
            }
            if (!attacked && attacker != null) {
                result = attacker.corrupt(result, instruction);
            }
            return result.toReply();
        }
    }

    @Override
    public String toString() {
        return "HospitalSite[" + name + (attacker == null ? "" : ", " + attacker) + "]";
    }
}
