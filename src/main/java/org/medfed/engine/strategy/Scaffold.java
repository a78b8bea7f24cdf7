package org.medfed.engine.strategy;

import java.util.List;
import org.medfed.engine.SiteTraining;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.FitResult;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.Strategy;
import org.medfed.engine.TrainingOutcome;
import org.medfed.engine.VectorMath;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;

/**
 * SCAFFOLD (Karimireddy et al. 2020, option II): every local gradient is corrected by (c - c_i), the difference
 * between the server's and the participant's control variates, which cancels the drift of heterogeneous
 * hospitals. Participants keep c_i between rounds: c_i+ = c_i - c + (x - y_i) / (K * lr).
 * The server moves x by its learning rate times the sample-weighted mean model change, and
 * c by (1/N) times the sum of the participants' control-variate changes.
 */
public final class Scaffold implements Strategy {

    static final String SERVER_CONTROL = "scaffold.c";
    static final String CONTROL_CHANGE = "scaffold.dc";
    static final String CLIENT_CONTROL = "scaffold.ci";

    private final double serverLearningRate;
    private ModelVector serverControl;

    public Scaffold(double serverLearningRate) {
        if (!(serverLearningRate > 0) || !Double.isFinite(serverLearningRate)) {
            throw new IllegalArgumentException("server learning rate must be positive, was " + serverLearningRate);
        }
        this.serverLearningRate = serverLearningRate;
    }

    @Override
    public String id() {
        return StrategyIds.SCAFFOLD;
    }

    /**
     * The hospital's side: training corrected by (c - c_i); it keeps its own c_i between rounds and sends only
     * its change.
     */
    public static final SiteTraining CLIENT = (instruction, trainer, state, control) -> {
        ModelVector x = instruction.global();
        ModelVector sent = instruction.vector(SERVER_CONTROL);
        ModelVector c = sent == null ? ModelVector.zeros(x.size()) : sent;
        ModelVector ci = state.get(CLIENT_CONTROL).orElse(ModelVector.zeros(x.size()));
        TrainingOutcome out = trainer.train(x, instruction.training(), correction(c, ci), control);
        double stepSize = out.steps() * instruction.training().learningRate();
        // c_i+ = c_i - c + (x - y) / (K lr)
        ModelVector next = VectorMath.addScaled(VectorMath.subtract(ci, c),
                VectorMath.subtract(x, out.params()), 1.0 / stepSize);
        state.put(CLIENT_CONTROL, next);
        return FitResult.model(out, trainer.trainSize()).withExtra(CONTROL_CHANGE, VectorMath.subtract(next, ci));
    };

    @Override
    public ProcedureCall clientProcedure() {
        Params params = serverControl == null ? Params.EMPTY
                : Params.builder().floats(SERVER_CONTROL, serverControl.toArray()).build();
        return ProcedureCall.of(Procedure.TRAIN_SCAFFOLD, params);
    }

    /** Adds (c - c_i) to every local gradient. */
    static GradientAdjustment correction(ModelVector c, ModelVector ci) {
        float[] diff = VectorMath.subtract(c, ci).toArray();
        boolean zero = true;
        for (float d : diff) {
            if (d != 0f) {
                zero = false;
                break;
            }
        }
        if (zero) {
            return GradientAdjustment.NONE;
        }
        return (params, gradient) -> {
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] += diff[i];
            }
        };
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        ModelVector x = context.global();
        ModelVector delta = Updates.averageDelta(x, updates, Weighting.SAMPLES);
        double[] c = serverControl == null ? new double[x.size()] : VectorMath.toDoubles(serverControl);
        for (ClientUpdate u : updates) {
            ModelVector dc = u.extra(CONTROL_CHANGE);
            for (int i = 0; i < c.length; i++) {
                c[i] += dc.get(i) / (double) context.participantCount();
            }
        }
        serverControl = VectorMath.fromDoubles(c);
        return VectorMath.addScaled(x, delta, serverLearningRate);
    }

    @Override
    public void reset() {
        serverControl = null;
    }

    /** The server control variate c (none before the first round); each hospital's c_i is saved on its side. */
    @Override
    public Params saveState() {
        return serverControl == null ? Params.EMPTY
                : Params.builder().floats(SERVER_CONTROL, serverControl.toArray()).build();
    }

    @Override
    public void restoreState(Params state) {
        serverControl = state.has(SERVER_CONTROL) ? ModelVector.of(state.floats(SERVER_CONTROL)) : null;
    }
}
