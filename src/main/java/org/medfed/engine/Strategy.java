package org.medfed.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;

/**
 * How the aggregator combines a round: which participants to ask, what they do locally, and how their whole
 * updates become the next global model. Small by design: a new rule overrides {@link #aggregate}. Privacy and
 * robustness wrap a strategy rather than branching inside one.
 */
public interface Strategy {

    /** The id used in study files, such as {@code "fedavg"}. */
    String id();

    /** Synchronous rounds (the default), or asynchronous merging of arrived updates. */
    default Schedule schedule() {
        return Schedule.SYNCHRONOUS;
    }

    /** The participants of this round; by default a seeded sample of the configured fraction. */
    default List<String> select(SelectionContext context) {
        return context.sampleFraction();
    }

    /**
     * The training procedure participants run this round, with its parameters (FedProx's mu, SCAFFOLD's server
     * control variate); asked after {@link #select}.
     */
    default ProcedureCall clientProcedure() {
        return ProcedureCall.of(Procedure.TRAIN);
    }

    /**
     * The filters {@code participant}'s update passes through at the hospital before it leaves, in order (privacy
     * wrappers add theirs after the wrapped strategy's); asked after {@link #select}, for each selected participant.
     * They may differ by participant (secure aggregation sends each hospital the key shares addressed to it).
     */
    default List<ProcedureCall> clientFilters(String participant) {
        return List.of();
    }

    /**
     * For a personalising strategy, what each hospital runs once the rounds are over to make its own model from the
     * final shared one ({@link org.medfed.engine.protocol.Procedure#PERSONALISE} with the method and its
     * parameters); the hospital keeps that model and answers with its test metrics only. Empty for a strategy whose
     * result is the shared model alone.
     */
    default Optional<ProcedureCall> personalisation() {
        return Optional.empty();
    }

    /**
     * The next global model from the answers of this round, given sorted by participant name; never empty.
     */
    ModelVector aggregate(RoundContext context, List<ClientUpdate> updates);

    /** Figures about the last aggregation worth charting (privacy spent, updates rejected), by name. */
    default Map<String, Double> roundDiagnostics() {
        return Map.of();
    }

    /** Forgets state kept between rounds, so that the same instance can start a new run. */
    default void reset() {
    }

    /**
     * What this strategy keeps from one round to the next (a server optimiser's moments, SCAFFOLD's server control
     * variate), asked after a round for the run's checkpoint; empty when it keeps nothing. Whatever only lives within
     * a round (a plan made in {@link #select}) is not saved. A wrapper saves the wrapped strategy's state with its own.
     */
    default Params saveState() {
        return Params.EMPTY;
    }

    /**
     * Continues from a state {@link #saveState()} gave, on a fresh or {@link #reset()} instance built with the same
     * settings, so that the next rounds run exactly as they would have without the interruption.
     */
    default void restoreState(Params state) {
        if (!state.isEmpty()) {
            throw new BadInputException("the checkpoint holds a state (" + String.join(", ", state.keys())
                    + ") for strategy '" + id() + "', which keeps none");
        }
    }
}
