package org.medfed.site;

import java.util.EnumMap;
import java.util.Map;
import org.medfed.engine.ClientState;
import org.medfed.engine.DataSplit;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.ModelVector;
import org.medfed.engine.PersonalModel;
import org.medfed.engine.SiteTraining;
import org.medfed.engine.EvaluationRequest;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalTrainer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.RunControl;
import org.medfed.engine.SiteQuestion;
import org.medfed.engine.TrainingOutcome;
import org.medfed.engine.UpdateFilter;
import org.medfed.engine.codec.CompressUpdate;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.engine.strategy.FedProx;
import org.medfed.engine.strategy.FedSgd;
import org.medfed.engine.strategy.Scaffold;
import org.medfed.engine.strategy.personal.Ditto;
import org.medfed.engine.strategy.personal.FedBn;
import org.medfed.engine.strategy.personal.FedPer;
import org.medfed.engine.strategy.personal.FineTuning;
import org.medfed.engine.strategy.personal.HeldOutChoice;
import org.medfed.privacy.dp.DpClipNoise;
import org.medfed.privacy.dp.DpSgdPrivacy;
import org.medfed.privacy.paillier.PaillierEncrypt;
import org.medfed.privacy.secagg.SecAggSite;

/**
 * The hospital's implementations of the procedure catalogue ({@link Procedure}): one entry for each id, and
 * nothing else can be run. The simulation and a real node use this same table.
 */
public final class SiteProcedures {

    private static final Map<Procedure, SiteTraining> TRAINING = new EnumMap<>(Procedure.class);
    private static final Map<Procedure, UpdateFilter> FILTERS = new EnumMap<>(Procedure.class);
    private static final Map<Procedure, SiteQuestion> QUESTIONS = new EnumMap<>(Procedure.class);
    /** How the hospital makes its personal model, by the method a personalisation request names. */
    private static final Map<String, PersonalModel> PERSONAL = Map.of(FineTuning.METHOD, FineTuning.PERSONAL,
            FedPer.METHOD, FedPer.PERSONAL, FedBn.METHOD, FedBn.PERSONAL, Ditto.METHOD, Ditto.PERSONAL,
            HeldOutChoice.METHOD, HeldOutChoice.PERSONAL);

    static {
        TRAINING.put(Procedure.TRAIN, SiteTraining.LOCAL_TRAINING);
        TRAINING.put(Procedure.TRAIN_PROXIMAL, FedProx.CLIENT);
        TRAINING.put(Procedure.TRAIN_SCAFFOLD, Scaffold.CLIENT);
        TRAINING.put(Procedure.GRADIENT, FedSgd.CLIENT);
        TRAINING.put(Procedure.TRAIN_PERSONAL_HEAD, FedPer.CLIENT);
        TRAINING.put(Procedure.TRAIN_DITTO, Ditto.CLIENT);
        TRAINING.put(Procedure.TRAIN_FEDBN, FedBn.CLIENT);

        FILTERS.put(Procedure.DP_CLIP_NOISE, new DpClipNoise());
        FILTERS.put(Procedure.COMPRESS, new CompressUpdate());
        FILTERS.put(Procedure.PAILLIER_ENCRYPT, new PaillierEncrypt());
        FILTERS.put(Procedure.SECAGG_MASK, SecAggSite.MASK);

        QUESTIONS.put(Procedure.SECAGG_ADVERTISE, SecAggSite.ADVERTISE);
        QUESTIONS.put(Procedure.SECAGG_SHARE_KEYS, SecAggSite.SHARE_KEYS);
        QUESTIONS.put(Procedure.SECAGG_UNMASK, SecAggSite.UNMASK);
        QUESTIONS.put(Procedure.EVALUATE, (request, trainer, state, control) -> trainer.evaluate(
                EvaluationRequest.model(request), EvaluationRequest.split(request)).toReply());
        QUESTIONS.put(Procedure.DESCRIBE, (request, trainer, state, control) -> Params.builder()
                .number("train_size", trainer.trainSize()).number("test_size", trainer.testSize())
                .number("parameters", trainer.parameterCount()).build());
        QUESTIONS.put(Procedure.PERSONALISE, SiteProcedures::personalise);
        QUESTIONS.put(Procedure.BASELINE_TRAIN, (request, trainer, state, control) -> {
            LocalTraining plan = LocalTraining.fromParams(request.params(), SiteProcedures::dpSgd);
            TrainingOutcome out = trainer.train(org.medfed.engine.ModelVector.wrap(request.params().floats("model")),
                    plan, GradientAdjustment.NONE, control);
            return Params.builder().floats("model", out.params().toArray()).number("steps", out.steps())
                    .number("train_loss", out.meanLoss()).build();
        });
    }

    private SiteProcedures() {
    }

    /**
     * Makes the hospital's personal model by the method the request names, keeps it in the hospital's state (a
     * real node writes it into its own folder), and answers with its test metrics: the model itself never leaves.
     */
    private static Params personalise(SiteRequest request, LocalTrainer trainer, ClientState state,
                                      RunControl control) {
        FitInstruction instruction = FitInstruction.from(request, SiteProcedures::dpSgd);
        String method = instruction.params().text(PersonalModel.METHOD);
        PersonalModel how = PERSONAL.get(method);
        if (how == null) {
            throw new ProtocolException("unknown personalisation method '" + method + "'; known: "
                    + String.join(", ", new java.util.TreeSet<>(PERSONAL.keySet())));
        }
        ModelVector personal = how.make(instruction, trainer, state, control);
        state.put(PersonalModel.KEPT, personal);
        return trainer.evaluate(personal, DataSplit.TEST).toReply();
    }

    static SiteTraining training(Procedure p) {
        return require(TRAINING.get(p), p);
    }

    static UpdateFilter filter(Procedure p) {
        return require(FILTERS.get(p), p);
    }

    static SiteQuestion question(Procedure p) {
        return require(QUESTIONS.get(p), p);
    }

    /** DP-SGD rebuilt at the hospital from the settings a training request carries. */
    static DpSgdPrivacy dpSgd(Params settings) {
        return DpSgdPrivacy.fromParams(settings);
    }

    private static <T> T require(T impl, Procedure p) {
        if (impl == null) {
            throw new ProtocolException("'" + p.id() + "' is not a " + p.kind().name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', ' ') + " procedure");
        }
        return impl;
    }
}
