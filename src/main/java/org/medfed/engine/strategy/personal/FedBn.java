package org.medfed.engine.strategy.personal;

import java.util.List;
import java.util.Optional;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelLayout;
import org.medfed.engine.ModelVector;
import org.medfed.engine.PersonalModel;
import org.medfed.engine.RoundContext;
import org.medfed.engine.SiteTraining;
import org.medfed.engine.Strategy;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.strategy.StrategyIds;

/**
 * FedBN (Li et al. 2021, "FedBN: Federated Learning on Non-IID Features via Local Batch Normalization"): every
 * parameter is federated as in FedAvg weighted by patients except the batch normalisations (each channel's scale and
 * shift, and its running mean and variance), which each hospital trains and keeps: its images' own intensity and
 * contrast stay normalised by its own statistics. A hospital sends its trained model with the normalisations exactly as
 * it was sent them; the server averages the rest and leaves the shared model's normalisations as they were (as they
 * started: the shared model alone is not meant to be used). A hospital's personal model is the final shared model with
 * its own normalisations.
 */
public final class FedBn implements Strategy {

    public static final String METHOD = "batchnorm";
    static final String RANGES = "fedbn.ranges";
    static final String OWN = "fedbn.norm";

    private final List<int[]> ranges;

    /** @param layout the model's layers, which say where its batch normalisations are */
    public FedBn(ModelLayout layout) {
        this.ranges = layout.normalisationRanges("FedBN");
        KeptParts.of(ranges, layout.parameterCount(), "FedBN");
    }

    /** Where the hospitals' own normalisations are in the flat vector: {@code [start, end)} pairs. */
    public List<int[]> normalisationRanges() {
        return ranges;
    }

    @Override
    public String id() {
        return StrategyIds.FEDBN;
    }

    private Params params() {
        return Params.builder().longs(RANGES, ranges.stream().flatMapToLong(r -> java.util.stream.LongStream.of(r[0], r[1]))
                .toArray()).build();
    }

    @Override
    public ProcedureCall clientProcedure() {
        return ProcedureCall.of(Procedure.TRAIN_FEDBN, params());
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        return KeptParts.of(ranges, context.global().size(), "FedBN").aggregate(updates, context.global());
    }

    @Override
    public Optional<ProcedureCall> personalisation() {
        return Optional.of(Personalisation.call(METHOD, params()));
    }

    /** The hospital's side of a round: trains with its own normalisations, keeps them, sends the rest. */
    public static final SiteTraining CLIENT = KeptParts.client(OWN, FedBn::normalisations);

    /** The hospital's personal model: the final shared model with its own normalisations. */
    public static final PersonalModel PERSONAL = KeptParts.personal(OWN, FedBn::normalisations);

    private static KeptParts normalisations(Params params, int size) {
        return KeptParts.of(KeptParts.decode(params.longs(RANGES)), size, "FedBN");
    }
}
