package org.medfed.engine.strategy;

import java.util.List;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.Strategy;
import org.medfed.engine.VectorMath;
import org.medfed.engine.checkpoint.StateValues;
import org.medfed.engine.protocol.Params;

/**
 * Adaptive server optimisers (Reddi et al. 2021, "Adaptive Federated Optimization"): the sample-weighted mean
 * change of the participants' models is treated as a pseudo-gradient and stepped along with Adam, Yogi or
 * Adagrad at the server. Moments start at zero and are not bias-corrected, as in the paper and FLamby.
 */
public final class FedOpt implements Strategy {

    /** The server optimiser. */
    public enum Kind {
        ADAM(StrategyIds.FEDADAM),
        YOGI(StrategyIds.FEDYOGI),
        ADAGRAD(StrategyIds.FEDADAGRAD);

        private final String id;

        Kind(String id) {
            this.id = id;
        }
    }

    private static final String FIRST_MOMENT = "fedopt.m";
    private static final String SECOND_MOMENT = "fedopt.v";

    private final Kind kind;
    private final double serverLearningRate;
    private final double beta1;
    private final double beta2;
    private final double tau;
    private double[] m;
    private double[] v;

    public FedOpt(Kind kind, double serverLearningRate, double beta1, double beta2, double tau) {
        this.kind = kind;
        this.serverLearningRate = serverLearningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.tau = tau;
    }

    @Override
    public String id() {
        return kind.id;
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        double[] delta = VectorMath.toDoubles(Updates.averageDelta(context.global(), updates, Weighting.SAMPLES));
        if (m == null) {
            m = new double[delta.length];
            v = new double[delta.length];
        }
        double[] x = VectorMath.toDoubles(context.global());
        for (int i = 0; i < delta.length; i++) {
            double d = delta[i];
            double d2 = d * d;
            m[i] = beta1 * m[i] + (1 - beta1) * d;
            v[i] = secondMoment(kind, v[i], d2, beta2);
            x[i] += serverLearningRate * m[i] / (Math.sqrt(v[i]) + tau);
        }
        return VectorMath.fromDoubles(x);
    }

    /** One coordinate's second-moment update; static so that each rule can be tested by hand. */
    static double secondMoment(Kind kind, double v, double d2, double beta2) {
        return switch (kind) {
            case ADAM -> beta2 * v + (1 - beta2) * d2;
            case YOGI -> v - (1 - beta2) * d2 * Math.signum(v - d2);
            case ADAGRAD -> v + d2;
        };
    }

    @Override
    public void reset() {
        m = null;
        v = null;
    }

    /** The moments, exactly (none before the first round). */
    @Override
    public Params saveState() {
        if (m == null) {
            return Params.EMPTY;
        }
        return Params.builder().put(FIRST_MOMENT, StateValues.doubles(m)).put(SECOND_MOMENT, StateValues.doubles(v))
                .build();
    }

    @Override
    public void restoreState(Params state) {
        boolean started = state.has(FIRST_MOMENT);
        m = started ? StateValues.doubles(state, FIRST_MOMENT) : null;
        v = started ? StateValues.doubles(state, SECOND_MOMENT) : null;
    }
}
