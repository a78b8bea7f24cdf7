package org.medfed.engine.clock;

import java.util.Collection;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.medfed.engine.Seeds;

/**
 * The simulated clock of a run: each hospital's {@link SpeedProfile} (the default one for hospitals not named).
 * Job times are computed from bytes and steps, never measured, and drop-outs are drawn from the run seed, so a
 * run on this clock is the same on every machine.
 */
public final class HospitalSpeeds implements Timing {

    /** How much slower the slow hospital of the {@link #oneSlow} preset is. */
    public static final double SLOW_FACTOR = 10;

    private final SpeedProfile defaults;
    private final Map<String, SpeedProfile> profiles;

    public HospitalSpeeds(SpeedProfile defaults, Map<String, SpeedProfile> profiles) {
        this.defaults = defaults == null ? SpeedProfile.DEFAULT : defaults;
        this.profiles = Map.copyOf(profiles);
    }

    /** Every hospital at the default speed. */
    public static HospitalSpeeds uniform() {
        return new HospitalSpeeds(SpeedProfile.DEFAULT, Map.of());
    }

    /**
     * The teaching preset: every hospital at {@code base} speed, except the last by name, which is
     * {@link #SLOW_FACTOR} times slower in compute and on its link.
     */
    public static HospitalSpeeds oneSlow(Collection<String> participants, SpeedProfile base) {
        if (participants.isEmpty()) {
            return new HospitalSpeeds(base, Map.of());
        }
        String slowest = new TreeSet<>(participants).last();
        return new HospitalSpeeds(base, Map.of(slowest, base.slowerBy(SLOW_FACTOR)));
    }

    public SpeedProfile profile(String participant) {
        return profiles.getOrDefault(participant, defaults);
    }

    public SpeedProfile defaults() {
        return defaults;
    }

    /** The hospitals with a profile of their own, by name. */
    public Map<String, SpeedProfile> profiles() {
        return new TreeMap<>(profiles);
    }

    @Override
    public double jobSeconds(String participant, long bytesDown, int steps, long bytesUp, long measuredNanos) {
        return profile(participant).jobSeconds(bytesDown, steps, bytesUp);
    }

    @Override
    public boolean away(String participant, long seed, long job) {
        double p = profile(participant).dropout();
        return p > 0 && new SplittableRandom(Seeds.derive(seed, "dropout:" + participant, job)).nextDouble() < p;
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public String toString() {
        return "simulated clock " + profiles + ", others " + defaults;
    }
}
