package org.medfed.benchmark;

/**
 * Bytes on a coordinator-node connection, by direction: down from the coordinator to the hospitals, up from the
 * hospitals to the coordinator.
 */
record WireBytes(long down, long up) {

    WireBytes minus(WireBytes earlier) {
        return new WireBytes(down - earlier.down, up - earlier.up);
    }

    /** Mean bytes per round per hospital, each way. */
    PerHospital perRoundPerHospital(int rounds, int hospitals) {
        double n = (double) rounds * hospitals;
        return new PerHospital(down / n, up / n);
    }

    /** Mean bytes one hospital receives ({@code down}) and sends ({@code up}) in one round. */
    record PerHospital(double down, double up) {

        double total() {
            return down + up;
        }
    }
}
