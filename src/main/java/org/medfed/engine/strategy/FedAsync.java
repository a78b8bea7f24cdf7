package org.medfed.engine.strategy;

import java.util.List;
import java.util.Map;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.Schedule;
import org.medfed.engine.Strategy;
import org.medfed.engine.UpdateKind;

/**
 * FedAsync (Xie, Koyejo and Gupta 2019): each hospital's model is mixed into the global model as soon as it
 * arrives, {@code x <- (1 - alpha_t) x + alpha_t x_hospital}, with {@code alpha_t = alpha * s(staleness)}: a stale
 * model, trained from an old global model, counts less.
 */
public final class FedAsync implements Strategy {

    private final String id;
    private final double alpha;
    private final StalenessWeight weight;
    private double lastMixing = Double.NaN;

    public FedAsync(String id, double alpha, StalenessWeight weight) {
        this.id = id;
        this.alpha = alpha;
        this.weight = weight;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Schedule schedule() {
        return Schedule.asynchronous(1);
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        ModelVector x = context.global();
        for (ClientUpdate u : Updates.checked(updates, UpdateKind.MODEL)) {
            double mixing = alpha * weight.of(context.staleness(u.participant()));
            x = mix(x, u.update(), mixing);
            lastMixing = mixing;
        }
        return x;
    }

    /** {@code (1 - mixing) x + mixing y}, per coordinate in double precision. */
    static ModelVector mix(ModelVector x, ModelVector y, double mixing) {
        float[] out = new float[x.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((1 - mixing) * x.get(i) + mixing * y.get(i));
        }
        return ModelVector.wrap(out);
    }

    @Override
    public Map<String, Double> roundDiagnostics() {
        return Double.isNaN(lastMixing) ? Map.of() : Map.of("async.mixing", lastMixing);
    }

    @Override
    public void reset() {
        lastMixing = Double.NaN;
    }
}
