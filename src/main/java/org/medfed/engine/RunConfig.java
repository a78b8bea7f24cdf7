package org.medfed.engine;

import java.time.Duration;

/**
 * Settings of the round loop.
 *
 * @param rounds             number of rounds
 * @param fraction           share of participants sampled per round, in (0, 1]
 * @param minParticipants    fewest answers a round needs; fewer stops the run with a message
 * @param training           local training plan (its seed is replaced per participant and round)
 * @param seed               run seed: participant sampling and local batch orders derive from it
 * @param participantTimeout longest a participant may take for one request
 */
public record RunConfig(int rounds, double fraction, int minParticipants, LocalTraining training, long seed,
                        Duration participantTimeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public RunConfig {
        Limit.ROUNDS.check(rounds);
        Limit.FRACTION.check(fraction);
        Limit.MIN_PARTICIPANTS.check(minParticipants);
        if (participantTimeout == null || participantTimeout.isNegative() || participantTimeout.isZero()) {
            throw new BadInputException("participant time limit must be positive");
        }
    }

    public RunConfig withRounds(int newRounds) {
        return new RunConfig(newRounds, fraction, minParticipants, training, seed, participantTimeout);
    }

    public RunConfig withTraining(LocalTraining newTraining) {
        return new RunConfig(rounds, fraction, minParticipants, newTraining, seed, participantTimeout);
    }

    public RunConfig withSeed(long newSeed) {
        return new RunConfig(rounds, fraction, minParticipants, training, newSeed, participantTimeout);
    }
}
