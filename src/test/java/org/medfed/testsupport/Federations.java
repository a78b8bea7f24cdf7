package org.medfed.testsupport;

import java.time.Duration;
import java.util.List;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.LocalOptimizer;
import org.medfed.site.InProcessParticipant;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.Participant;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunListener;
import org.medfed.engine.Strategy;
import org.medfed.transport.SameThreadTransport;

/** Small federations of quadratic participants for strategy and loop tests. */
public final class Federations {

    private Federations() {
    }

    public static InProcessParticipant quadratic(String name, int trainSize, float... target) {
        return InProcessParticipant.of(name, 1.0, new QuadraticTrainer(trainSize, target));
    }

    /** {@code steps} plain gradient steps of {@code learningRate} per round. */
    public static RunConfig config(int rounds, int steps, double learningRate) {
        return new RunConfig(rounds, 1.0, 1, new LocalTraining(steps, 0, 1, LocalOptimizer.SGD, learningRate, 0), 42,
                Duration.ofMinutes(1));
    }

    public static RunHistory run(Strategy strategy, RunConfig config, List<? extends Participant> participants,
                                 float... initial) {
        return new FederatedRun(config, strategy, participants, new SameThreadTransport(), RunListener.NONE)
                .execute(ModelVector.of(initial), RunControl.free());
    }
}
