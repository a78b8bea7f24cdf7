package org.medfed.benchmark;

import java.util.Arrays;
import java.util.List;
import org.medfed.engine.Participant;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.SiteRequest;

/**
 * How long one call takes as the round loop sees it, for the same hospital in this process and behind a loopback
 * node, one call after the other and the two alternating. The per-round times say how much the network adds; this
 * says how much of that one message there and back costs.
 */
final class CallRoundTrip {

    /** Percentiles of the calls' durations in milliseconds. */
    record Percentiles(double p10, double median, double p90) {

        static Percentiles of(double[] millis) {
            double[] v = millis.clone();
            Arrays.sort(v);
            return new Percentiles(v[(v.length - 1) / 10], v[(v.length - 1) / 2], v[(v.length - 1) * 9 / 10]);
        }
    }

    /** The same calls in process and over the node. */
    record Result(int calls, Percentiles inProcess, Percentiles overNode) {
    }

    private CallRoundTrip() {
    }

    /**
     * @param requests asked in turn; requests with different models make every call carry its model, since a node is
     *                 sent a model it already holds only as a digest
     */
    static Result measure(Participant inProcess, Participant overNode, List<SiteRequest> requests, int calls) {
        double[] local = new double[calls];
        double[] remote = new double[calls];
        try {
            for (int i = 0; i < calls; i++) {
                SiteRequest request = requests.get(i % requests.size());
                local[i] = timed(inProcess, request);
                remote[i] = timed(overNode, request);
            }
        } catch (Exception e) {
            throw new IllegalStateException("a single call to " + overNode.name() + " failed: " + e.getMessage(), e);
        }
        return new Result(calls, Percentiles.of(local), Percentiles.of(remote));
    }

    private static double timed(Participant p, SiteRequest request) throws Exception {
        long t0 = System.nanoTime();
        p.call(request, RunControl.free());
        return (System.nanoTime() - t0) / 1e6;
    }
}
