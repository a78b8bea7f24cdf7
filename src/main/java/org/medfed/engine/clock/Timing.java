package org.medfed.engine.clock;

/**
 * How long a hospital's job takes on the run's clock, and whether the hospital is away for it. The simulation
 * derives both from {@link HospitalSpeeds}; over real nodes the clock is the measured time of each call and
 * nobody is made to drop out ({@link #MEASURED}).
 */
public interface Timing {

    /**
     * Seconds the job takes on this clock.
     *
     * @param bytesDown     bytes of the request as sent
     * @param steps         local steps the hospital took
     * @param bytesUp       bytes of the reply as received
     * @param measuredNanos wall time the call took here
     */
    double jobSeconds(String participant, long bytesDown, int steps, long bytesUp, long measuredNanos);

    /** Whether the participant is away for its {@code job}-th job of the run; a pure function of its arguments. */
    boolean away(String participant, long seed, long job);

    /** Whether runs on this clock repeat exactly (a simulated clock) or depend on real speeds (measured). */
    boolean simulated();

    /** Real time: each job lasts as long as its call took, and only real failures happen. */
    Timing MEASURED = new Timing() {
        @Override
        public double jobSeconds(String participant, long bytesDown, int steps, long bytesUp, long measuredNanos) {
            return measuredNanos / 1e9;
        }

        @Override
        public boolean away(String participant, long seed, long job) {
            return false;
        }

        @Override
        public boolean simulated() {
            return false;
        }

        @Override
        public String toString() {
            return "measured wall time";
        }
    };
}
