package org.medfed.engine.strategy.personal;

import java.util.List;
import java.util.Optional;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.FitResult;
import org.medfed.engine.ModelLayout;
import org.medfed.engine.ModelVector;
import org.medfed.engine.PersonalModel;
import org.medfed.engine.RoundContext;
import org.medfed.engine.SiteTraining;
import org.medfed.engine.Strategy;
import org.medfed.engine.TrainingOutcome;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.strategy.StrategyIds;
import org.medfed.engine.strategy.Updates;
import org.medfed.engine.strategy.Weighting;

/**
 * FedPer (Arivazhagan et al. 2019): the last layer(s) of the network, the "head", stay at each hospital; only the
 * layers before them, the "body", are federated. Each round a hospital trains the shared body with its own head,
 * keeps the new head, and sends the body with the head it was sent left untouched, so its own head never leaves.
 * The server averages the bodies (weighted by patients) and keeps the shared head as it was. A hospital's personal
 * model is the final shared body with its own head.
 */
public final class FedPer implements Strategy {

    public static final String METHOD = "head";
    static final String FROM = "fedper.from";
    static final String HEAD = "fedper.head";

    private final int personalLayers;
    private final int from;

    /**
     * @param personalLayers how many of the last layers stay at each hospital
     * @param layout         the model's layers, which say where those start
     */
    public FedPer(int personalLayers, ModelLayout layout) {
        this.personalLayers = personalLayers;
        this.from = layout.startOfLast(personalLayers, "FedPer");
    }

    public int personalLayers() {
        return personalLayers;
    }

    /** Where the hospitals' own layers start in the flat vector. */
    public int headStart() {
        return from;
    }

    @Override
    public String id() {
        return StrategyIds.FEDPER;
    }

    @Override
    public ProcedureCall clientProcedure() {
        return ProcedureCall.of(Procedure.TRAIN_PERSONAL_HEAD, Params.builder().number(FROM, from).build());
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        return withTail(Updates.averageModels(updates, Weighting.SAMPLES), context.global(), from);
    }

    @Override
    public Optional<ProcedureCall> personalisation() {
        return Optional.of(Personalisation.call(METHOD, Params.builder().number(FROM, from).build()));
    }

    /**
     * The hospital's side of a round: the shared body with the hospital's own head (the shared head the first time),
     * trained; the new head is kept, and the reply carries the trained body with the head exactly as it was sent.
     */
    public static final SiteTraining CLIENT = (instruction, trainer, state, control) -> {
        ModelVector global = instruction.global();
        int from = headStart(instruction.params(), global.size());
        ModelVector start = state.get(HEAD).map(head -> withTail(global, head, from)).orElse(global);
        TrainingOutcome out = trainer.train(start, instruction.training(), org.medfed.engine.GradientAdjustment.NONE,
                control);
        state.put(HEAD, tail(out.params(), from));
        ModelVector sent = withTail(out.params(), global, from);
        return FitResult.model(new TrainingOutcome(sent, out.steps(), out.meanLoss()), trainer.trainSize());
    };

    /** The hospital's personal model: the final shared body with its own head (the shared head if it never trained). */
    public static final PersonalModel PERSONAL = (instruction, trainer, state, control) -> {
        ModelVector global = instruction.global();
        int from = headStart(instruction.params(), global.size());
        return state.get(HEAD).map(head -> withTail(global, head, from)).orElse(global);
    };

    private static int headStart(Params params, int size) {
        int from = params.integer(FROM);
        if (from <= 0 || from >= size) {
            throw new ProtocolException("FedPer's own layers must start inside the model of " + size
                    + " parameters, after at least one shared one; was asked to start at " + from);
        }
        return from;
    }

    /**
     * {@code body} with its positions from {@code from} on replaced by {@code tail}: either a whole model's vector
     * (whose positions from {@code from} on are taken) or just the tail itself.
     */
    static ModelVector withTail(ModelVector body, ModelVector tail, int from) {
        float[] out = body.toArray();
        int length = out.length - from;
        int offset = tail.size() == out.length ? from : 0;
        if (tail.size() != length && tail.size() != out.length) {
            throw new IllegalArgumentException("a head of " + tail.size() + " values for a model of " + out.length
                    + " whose head starts at " + from);
        }
        for (int i = 0; i < length; i++) {
            out[from + i] = tail.get(offset + i);
        }
        return ModelVector.wrap(out);
    }

    static ModelVector tail(ModelVector v, int from) {
        float[] out = new float[v.size() - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(from + i);
        }
        return ModelVector.wrap(out);
    }
}
