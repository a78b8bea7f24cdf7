package org.medfed.engine;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent seeds from the run seed, stable across JVMs, so that every participant's batch order
 * depends only on (run seed, participant, round) and not on thread timing.
 */
public final class Seeds {

    private Seeds() {
    }

    public static long derive(long seed, String purpose, long index) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xff));
        }
        return mix(h ^ mix(index + 0x632BE59BD9B4E019L));
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
