package org.medfed.privacy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.DataSplit;
import org.medfed.engine.Evaluation;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalOptimizer;
import org.medfed.site.InProcessParticipant;
import org.medfed.engine.LocalTrainer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.Participant;
import org.medfed.engine.RoundContext;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.Strategy;
import org.medfed.engine.TrainingOutcome;
import org.medfed.engine.VectorMath;
import org.medfed.transport.SameThreadTransport;

/** Small stand-ins for the lead's strategies and the DL4J trainer, so privacy can be tested alone. */
public final class PrivacyFixtures {

    private PrivacyFixtures() {
    }

    /** Sample-weighted mean of the updates: FedAvg in a few lines, until the lead's FedAvg lands. */
    public static final class MeanStrategy implements Strategy {
        public int calls;
        public List<ClientUpdate> lastUpdates = List.of();

        @Override
        public String id() {
            return "test-mean";
        }

        @Override
        public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
            calls++;
            lastUpdates = List.copyOf(updates);
            List<ModelVector> vectors = new ArrayList<>();
            double[] weights = new double[updates.size()];
            for (int i = 0; i < updates.size(); i++) {
                vectors.add(updates.get(i).update());
                weights[i] = Math.max(1, updates.get(i).examples());
            }
            return VectorMath.weightedMean(vectors, weights);
        }
    }

    /** A "model" whose local training always moves the parameters by the same delta. */
    public static final class DeltaTrainer implements LocalTrainer {
        private final float[] delta;
        private final int trainSize;
        public int trainings;

        public DeltaTrainer(float[] delta, int trainSize) {
            this.delta = delta.clone();
            this.trainSize = trainSize;
        }

        @Override
        public int trainSize() {
            return trainSize;
        }

        @Override
        public int testSize() {
            return 0;
        }

        @Override
        public int parameterCount() {
            return delta.length;
        }

        @Override
        public TrainingOutcome train(ModelVector start, LocalTraining plan, GradientAdjustment adjustment,
                                     RunControl control) {
            trainings++;
            return new TrainingOutcome(VectorMath.add(start, ModelVector.of(delta)), 1, 0.5);
        }

        @Override
        public ModelVector gradient(ModelVector at, int batchSize, long seed) {
            return ModelVector.of(delta);
        }

        @Override
        public Evaluation evaluate(ModelVector params, DataSplit split) {
            return new Evaluation(0, Map.of());
        }
    }

    /** A trainer whose local training fails (a hospital whose node crashed). */
    public static final class FailingTrainer implements LocalTrainer {
        private final int size;

        public FailingTrainer(int size) {
            this.size = size;
        }

        @Override
        public int trainSize() {
            return 10;
        }

        @Override
        public int testSize() {
            return 0;
        }

        @Override
        public int parameterCount() {
            return size;
        }

        @Override
        public TrainingOutcome train(ModelVector start, LocalTraining plan, GradientAdjustment adjustment,
                                     RunControl control) {
            throw new IllegalStateException("simulated crash");
        }

        @Override
        public ModelVector gradient(ModelVector at, int batchSize, long seed) {
            throw new IllegalStateException("simulated crash");
        }

        @Override
        public Evaluation evaluate(ModelVector params, DataSplit split) {
            return new Evaluation(0, Map.of());
        }
    }

    public static InProcessParticipant participant(String name, float[] delta) {
        return InProcessParticipant.of(name, 1.0, new DeltaTrainer(delta, 10));
    }

    public static LocalTraining training() {
        return new LocalTraining(1, 0, 8, LocalOptimizer.SGD, 0.1, 0);
    }

    public static RunHistory run(Strategy strategy, List<? extends Participant> participants, int rounds,
                                 double fraction, long seed, ModelVector initial) {
        RunConfig config = new RunConfig(rounds, fraction, 1, training(), seed, Duration.ofMinutes(1));
        return new FederatedRun(config, strategy, participants, new SameThreadTransport(), null)
                .execute(initial, RunControl.free());
    }

    public static float[] filled(int n, float value) {
        float[] v = new float[n];
        java.util.Arrays.fill(v, value);
        return v;
    }
}
