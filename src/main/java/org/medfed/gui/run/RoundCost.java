package org.medfed.gui.run;

/**
 * What aggregating one round cost with the study's protections, next to plain aggregation: measured times on
 * this machine, and upload sizes (the protocol's own count under secure or Paillier aggregation, float32
 * vectors otherwise).
 */
public record RoundCost(int round, long aggregationNanos, long plainNanos, long bytes, long plainBytes) {

    /** How many times the plain upload the protected upload takes. */
    public double byteRatio() {
        return plainBytes == 0 ? Double.NaN : (double) bytes / plainBytes;
    }

    public double timeRatio() {
        return plainNanos == 0 ? Double.NaN : (double) aggregationNanos / plainNanos;
    }
}
