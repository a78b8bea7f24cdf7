package org.medfed.testsupport;

import org.medfed.engine.DataSplit;
import org.medfed.engine.Evaluation;
import org.medfed.engine.EvaluationRequest;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.FitResult;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.Participant;
import org.medfed.engine.RunControl;
import org.medfed.engine.Strategy;
import org.medfed.engine.protocol.SiteRequest;

/** Asks a participant for one training or evaluation the way the round loop does, through requests. */
public final class Sites {

    private Sites() {
    }

    /** The training request {@code strategy} would send {@code participant} this round (after its select). */
    public static SiteRequest fitRequest(Strategy strategy, String participant, int round, ModelVector global,
                                         LocalTraining training) {
        return FitInstruction.request(round, global, training, strategy.clientProcedure(),
                strategy.clientFilters(participant));
    }

    public static FitResult fit(Participant p, Strategy strategy, int round, ModelVector global,
                                LocalTraining training) {
        try {
            return FitResult.fromReply(p.call(fitRequest(strategy, p.name(), round, global, training),
                    RunControl.free()), global);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Evaluation evaluate(Participant p, ModelVector model, DataSplit split) {
        try {
            return Evaluation.fromReply(p.call(EvaluationRequest.of(0, model, split), RunControl.free()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
