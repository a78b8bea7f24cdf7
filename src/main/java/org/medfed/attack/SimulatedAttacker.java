package org.medfed.attack;

import java.util.Objects;
import java.util.Random;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.FitResult;
import org.medfed.engine.ModelVector;
import org.medfed.engine.Seeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SIMULATED malicious hospital, for teaching and for testing defences: the hospital trains as usual, then the
 * attack corrupts its update before it leaves, after any privacy filter that a real hospital would also apply
 * (DP clipping) and before masking or encryption, so that the aggregator sees exactly what a real malicious site
 * would send.
 *
 * <p>It belongs to one hospital of a simulated study and runs inside the simulation's own hospital side; a real
 * node never runs one, since attacks are not procedures of the catalogue and cannot be requested.
 *
 * <p>Randomness comes from (seed, participant name, round) only, so runs are bit-identical whatever the thread
 * timing.
 */
public final class SimulatedAttacker {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedAttacker.class);

    private final String participant;
    private final AttackSpec spec;
    private final UpdateAttack attack;
    private final long seed;

    /**
     * @param seed usually the run seed; the attacker derives its own stream from it per round
     * @throws IllegalArgumentException for a label-flip spec, which is applied to the data instead
     */
    public SimulatedAttacker(String participant, AttackSpec spec, long seed) {
        this.participant = Objects.requireNonNull(participant, "participant");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.attack = UpdateAttack.of(spec);
        this.seed = seed;
        LOG.warn("SIMULATION: participant '{}' runs a {}", participant, spec.describe());
    }

    public AttackSpec spec() {
        return spec;
    }

    /** The update the attacker sends instead of {@code honest}. */
    public FitResult corrupt(FitResult honest, FitInstruction instruction) {
        Random random = new Random(Seeds.derive(seed, "simulated-attack/" + participant, instruction.round()));
        ModelVector sent = attack.corrupt(honest.update(), instruction.global(), honest.kind(), random);
        return honest.withUpdate(sent);
    }

    @Override
    public String toString() {
        return "SimulatedAttacker[" + participant + ": " + spec.toText() + "]";
    }
}
