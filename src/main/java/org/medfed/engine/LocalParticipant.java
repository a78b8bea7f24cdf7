package org.medfed.engine;

import java.util.Objects;

/** A participant whose data and trainer live in this process (simulation, and each networked node). */
public final class LocalParticipant implements Participant {

    private final String name;
    private final double weight;
    private final LocalTrainer trainer;
    private final ClientState state = new ClientState();

    public LocalParticipant(String name, double weight, LocalTrainer trainer) {
        this.name = Objects.requireNonNull(name, "name");
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new BadInputException("participant '" + name + "': weight must be a non-negative number, was " + weight);
        }
        this.weight = weight;
        this.trainer = Objects.requireNonNull(trainer, "trainer");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int trainSize() {
        return trainer.trainSize();
    }

    @Override
    public int testSize() {
        return trainer.testSize();
    }

    @Override
    public double weight() {
        return weight;
    }

    public LocalTrainer trainer() {
        return trainer;
    }

    /** Forgets strategy state kept between rounds, so that a new run starts clean. */
    public void resetState() {
        state.clear();
    }

    @Override
    public FitResult fit(FitInstruction instruction, RunControl control) {
        // the trainer is not thread-safe; a participant is only ever asked one thing at a time by the loop
        synchronized (trainer) {
            return instruction.procedure().run(instruction, trainer, state, control);
        }
    }

    @Override
    public Evaluation evaluate(ModelVector model, DataSplit split) {
        synchronized (trainer) {
            return trainer.evaluate(model, split);
        }
    }

    @Override
    public String toString() {
        return "LocalParticipant[" + name + "]";
    }
}
