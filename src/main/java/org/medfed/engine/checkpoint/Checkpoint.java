package org.medfed.engine.checkpoint;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.protocol.Params;

/**
 * Everything a run needs to go on after its last completed round exactly as if it had never stopped: the global
 * model, the strategy's state kept between rounds, the participant sampler's exact state, what simulated
 * hospitals keep (SCAFFOLD's c_i), and the round records so far (so that the metrics come out whole).
 *
 * <p>Local trainers keep nothing between rounds (each round starts a fresh optimiser from the global model, with
 * a batch order seeded by run seed, participant and round), so nothing of theirs is saved.
 *
 * @param round             rounds completed, from 1
 * @param roundsPlanned     rounds the run was set to
 * @param seed              the run seed, checked on resume
 * @param strategyId        the strategy's id, checked on resume
 * @param participants      the participants' names, sorted, checked on resume
 * @param model             the global model after {@code round}
 * @param sampler           the participant sampler after {@code round}
 * @param strategyState     what {@link org.medfed.engine.Strategy#saveState()} gave after {@code round}
 * @param participantStates what each simulated hospital keeps, by name; hospitals keeping nothing are absent
 * @param rounds            the records of rounds 1 to {@code round}
 */
public record Checkpoint(int round, int roundsPlanned, long seed, String strategyId, List<String> participants,
                         ModelVector model, ResumableRandom.State sampler, Params strategyState,
                         Map<String, Params> participantStates, List<RoundRecord> rounds) {

    public Checkpoint {
        Objects.requireNonNull(strategyId, "strategyId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(strategyState, "strategyState");
        participants = List.copyOf(participants);
        participantStates = Collections.unmodifiableMap(new TreeMap<>(participantStates));
        rounds = List.copyOf(rounds);
        if (round < 1 || round > roundsPlanned) {
            throw new IllegalArgumentException("a checkpoint is taken after a round from 1 to " + roundsPlanned
                    + ", not after round " + round);
        }
        if (rounds.size() != round) {
            throw new IllegalArgumentException("a checkpoint after round " + round + " holds " + rounds.size()
                    + " round records");
        }
        for (int i = 0; i < rounds.size(); i++) {
            if (rounds.get(i).round() != i + 1) {
                throw new IllegalArgumentException("record " + (i + 1) + " of a checkpoint is of round "
                        + rounds.get(i).round());
            }
        }
    }

    /** Whether every planned round was completed. */
    public boolean isLast() {
        return round == roundsPlanned;
    }
}
