package org.medfed.attack;

import java.util.Objects;
import java.util.Random;
import org.medfed.engine.DataSplit;
import org.medfed.engine.Evaluation;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.FitResult;
import org.medfed.engine.ModelVector;
import org.medfed.engine.Participant;
import org.medfed.engine.RunControl;
import org.medfed.engine.Seeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SIMULATED malicious hospital, for teaching and for testing defences: it wraps an honest participant, lets it
 * train as usual, then corrupts the update before it leaves.
 *
 * <p>A participant decorator rather than a {@link org.medfed.engine.ClientProcedure} decorator, because the
 * client procedure belongs to the strategy and is the same for every participant (and does not know which
 * participant runs it), while an attack belongs to one hospital. Wrapping the participant keeps the strategy's
 * own procedure (FedProx's pull, SCAFFOLD's correction) intact, works for any participant implementation,
 * including a future networked node, and the aggregator sees exactly what a real malicious site would send.
 *
 * <p>Its name, sizes and weight are the honest participant's; evaluation is honest. Randomness comes from
 * (seed, participant name, round) only, so runs are bit-identical whatever the transport's thread timing.
 */
public final class SimulatedAttacker implements Participant {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedAttacker.class);

    private final Participant honest;
    private final AttackSpec spec;
    private final UpdateAttack attack;
    private final long seed;

    /**
     * @param seed usually the run seed; the attacker derives its own stream from it per round
     * @throws IllegalArgumentException for a label-flip spec, which is applied to the data instead
     */
    public SimulatedAttacker(Participant honest, AttackSpec spec, long seed) {
        this.honest = Objects.requireNonNull(honest, "honest participant");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.attack = UpdateAttack.of(spec);
        this.seed = seed;
        LOG.warn("SIMULATION: participant '{}' runs a {}", honest.name(), spec.describe());
    }

    public AttackSpec spec() {
        return spec;
    }

    public Participant honest() {
        return honest;
    }

    @Override
    public String name() {
        return honest.name();
    }

    @Override
    public int trainSize() {
        return honest.trainSize();
    }

    @Override
    public int testSize() {
        return honest.testSize();
    }

    @Override
    public double weight() {
        return honest.weight();
    }

    @Override
    public FitResult fit(FitInstruction instruction, RunControl control) throws Exception {
        FitResult result = honest.fit(instruction, control);
        Random random = new Random(Seeds.derive(seed, "simulated-attack/" + name(), instruction.round()));
        ModelVector sent = attack.corrupt(result.update(), instruction.global(), result.kind(), random);
        return result.withUpdate(sent);
    }

    @Override
    public Evaluation evaluate(ModelVector model, DataSplit split) throws Exception {
        return honest.evaluate(model, split);
    }

    @Override
    public String toString() {
        return "SimulatedAttacker[" + name() + ": " + spec.toText() + "]";
    }
}
