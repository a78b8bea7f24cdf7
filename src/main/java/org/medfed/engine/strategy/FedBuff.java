package org.medfed.engine.strategy;

import java.util.List;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.Schedule;
import org.medfed.engine.Strategy;
import org.medfed.engine.UpdateKind;

/**
 * FedBuff (Nguyen et al. 2022): the server keeps arriving updates in a buffer of {@code K}; when it is full, it
 * moves the global model by the server learning rate times the mean of the buffered changes, each change
 * ({@code x_hospital - x_start}, from the model that hospital started from) weighted by {@code 1 / sqrt(1 +
 * staleness)} as in the paper.
 */
public final class FedBuff implements Strategy {

    private static final StalenessWeight PAPER = StalenessWeight.polynomial(0.5);

    private final int buffer;
    private final double serverLearningRate;

    public FedBuff(int buffer, double serverLearningRate) {
        this.buffer = buffer;
        this.serverLearningRate = serverLearningRate;
    }

    @Override
    public String id() {
        return StrategyIds.FEDBUFF;
    }

    @Override
    public Schedule schedule() {
        return Schedule.asynchronous(buffer);
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        ModelVector global = context.global();
        double[] step = new double[global.size()];
        for (ClientUpdate u : Updates.checked(updates, UpdateKind.MODEL)) {
            ModelVector start = context.startedFrom(u.participant());
            double w = PAPER.of(context.staleness(u.participant()));
            for (int i = 0; i < step.length; i++) {
                step[i] += w * ((double) u.update().get(i) - start.get(i));
            }
        }
        float[] out = new float[global.size()];
        double scale = serverLearningRate / updates.size();
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (global.get(i) + scale * step[i]);
        }
        return ModelVector.wrap(out);
    }
}
