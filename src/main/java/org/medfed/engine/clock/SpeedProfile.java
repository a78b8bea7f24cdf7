package org.medfed.engine.clock;

import org.medfed.engine.BadInputException;

/**
 * How fast a simulated hospital is: its compute speed, its network link each way, and how often it is away when
 * asked. A job of the hospital then takes, on the simulated clock, the model's download, its local steps and
 * the upload of its reply.
 *
 * @param secondsPerStep seconds of one local training step (one mini-batch)
 * @param downloadMbps   megabits per second from the coordinator to the hospital
 * @param uploadMbps     megabits per second from the hospital to the coordinator
 * @param dropout        probability in [0, 1) that the hospital is away for a job: it then sends nothing
 */
public record SpeedProfile(double secondsPerStep, double downloadMbps, double uploadMbps, double dropout) {

    /** A hospital on a good link: 10 ms per step, 100 Mbit/s both ways, always there. */
    public static final SpeedProfile DEFAULT = new SpeedProfile(0.01, 100, 100, 0);

    public SpeedProfile {
        if (!(secondsPerStep >= 0) || Double.isInfinite(secondsPerStep)) {
            throw new BadInputException("seconds per local step must be a number >= 0, was " + secondsPerStep);
        }
        if (!(downloadMbps > 0) || Double.isInfinite(downloadMbps)) {
            throw new BadInputException("download bandwidth must be a positive number of Mbit/s, was " + downloadMbps);
        }
        if (!(uploadMbps > 0) || Double.isInfinite(uploadMbps)) {
            throw new BadInputException("upload bandwidth must be a positive number of Mbit/s, was " + uploadMbps);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new BadInputException("drop-out probability must be in [0, 1), was " + dropout
                    + " (a hospital that is always away cannot take part)");
        }
    }

    /** This profile {@code factor} times slower in compute and on both links. */
    public SpeedProfile slowerBy(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new BadInputException("a slow-down factor must be a positive number, was " + factor);
        }
        return new SpeedProfile(secondsPerStep * factor, downloadMbps / factor, uploadMbps / factor, dropout);
    }

    /** Simulated seconds of a job: download, local steps, upload. */
    public double jobSeconds(long bytesDown, int steps, long bytesUp) {
        return transferSeconds(bytesDown, downloadMbps) + steps * secondsPerStep + transferSeconds(bytesUp, uploadMbps);
    }

    private static double transferSeconds(long bytes, double mbps) {
        return bytes * 8.0 / (mbps * 1e6);
    }
}
