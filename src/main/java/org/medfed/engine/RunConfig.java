package org.medfed.engine;

import java.time.Duration;
import org.medfed.engine.clock.HospitalSpeeds;
import org.medfed.engine.clock.Timing;

/**
 * Settings of the round loop.
 *
 * @param rounds             number of rounds
 * @param fraction           share of participants sampled per round, in (0, 1]
 * @param minParticipants    fewest answers a round needs; fewer stops the run with a message
 * @param training           local training plan (its seed is replaced per participant and round)
 * @param seed               run seed: participant sampling and local batch orders derive from it
 * @param participantTimeout longest a participant may take for one request
 * @param timing             the run's clock: hospitals' simulated speeds, or measured time over real nodes
 */
public record RunConfig(int rounds, double fraction, int minParticipants, LocalTraining training, long seed,
                        Duration participantTimeout, Timing timing) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public RunConfig {
        Limit.ROUNDS.check(rounds);
        Limit.FRACTION.check(fraction);
        Limit.MIN_PARTICIPANTS.check(minParticipants);
        if (participantTimeout == null || participantTimeout.isNegative() || participantTimeout.isZero()) {
            throw new BadInputException("participant time limit must be positive");
        }
        timing = timing == null ? HospitalSpeeds.uniform() : timing;
    }

    /** Hospitals all at the default simulated speed. */
    public RunConfig(int rounds, double fraction, int minParticipants, LocalTraining training, long seed,
                     Duration participantTimeout) {
        this(rounds, fraction, minParticipants, training, seed, participantTimeout, null);
    }

    public RunConfig withTiming(Timing newTiming) {
        return new RunConfig(rounds, fraction, minParticipants, training, seed, participantTimeout, newTiming);
    }

    public RunConfig withRounds(int newRounds) {
        return new RunConfig(newRounds, fraction, minParticipants, training, seed, participantTimeout, timing);
    }

    public RunConfig withTraining(LocalTraining newTraining) {
        return new RunConfig(rounds, fraction, minParticipants, newTraining, seed, participantTimeout, timing);
    }

    public RunConfig withSeed(long newSeed) {
        return new RunConfig(rounds, fraction, minParticipants, training, newSeed, participantTimeout, timing);
    }
}
