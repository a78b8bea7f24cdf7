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
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.strategy.StrategyIds;

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
        return KeptParts.tail(from, context.global().size(), "FedPer").aggregate(updates, context.global());
    }

    @Override
    public Optional<ProcedureCall> personalisation() {
        return Optional.of(Personalisation.call(METHOD, Params.builder().number(FROM, from).build()));
    }

    /**
     * The hospital's side of a round: the shared body with the hospital's own head (the shared head the first time),
     * trained; the new head is kept, and the reply carries the trained body with the head exactly as it was sent.
     */
    public static final SiteTraining CLIENT = KeptParts.client(HEAD, FedPer::head);

    /** The hospital's personal model: the final shared body with its own head (the shared head if it never trained). */
    public static final PersonalModel PERSONAL = KeptParts.personal(HEAD, FedPer::head);

    private static KeptParts head(Params params, int size) {
        int from = params.integer(FROM);
        if (from <= 0 || from >= size) {
            throw new ProtocolException("FedPer's own layers must start inside the model of " + size
                    + " parameters, after at least one shared one; was asked to start at " + from);
        }
        return KeptParts.tail(from, size, "FedPer");
    }
}
