package org.medfed.benchmark;

import java.util.Objects;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunStatus;

/**
 * The check that a run over the network computed exactly what the same run in process computed: the same model
 * bit for bit and the same per-round figures. A timing comparison is only fair if both did the same work, and a
 * difference here is a bug in the network path, so it stops the benchmark.
 */
final class IdenticalRuns {

    private IdenticalRuns() {
    }

    /** Throws {@link NotIdenticalException} naming the first difference. */
    static void check(String what, RunHistory network, RunHistory inProcess) {
        finished(what + ", in process", inProcess);
        finished(what + ", over the network", network);
        float[] a = inProcess.model().toArray();
        float[] b = network.model().toArray();
        if (a.length != b.length) {
            throw new NotIdenticalException(what + ": the network run's model has " + b.length
                    + " parameters, the in-process run's " + a.length);
        }
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                throw new NotIdenticalException(what + ": parameter " + i + " is " + b[i] + " over the network but "
                        + a[i] + " in process");
            }
        }
        if (network.rounds().size() != inProcess.rounds().size()) {
            throw new NotIdenticalException(what + ": " + network.rounds().size() + " rounds over the network, "
                    + inProcess.rounds().size() + " in process");
        }
        for (int r = 0; r < inProcess.rounds().size(); r++) {
            RoundRecord x = inProcess.rounds().get(r);
            RoundRecord y = network.rounds().get(r);
            if (!x.selected().equals(y.selected()) || !x.trainLoss().equals(y.trainLoss())
                    || !x.global().equals(y.global())) {
                throw new NotIdenticalException(what + ": round " + x.round() + " differs: in process "
                        + x.global() + ", over the network " + y.global());
            }
        }
    }

    /** A run that failed or lost a hospital on the way did not do the work being timed. */
    static void finished(String what, RunHistory h) {
        if (h.status() != RunStatus.FINISHED) {
            throw new IllegalStateException(what + " did not finish: " + h.status() + " " + h.message());
        }
        for (RoundRecord r : h.rounds()) {
            if (!r.failures().isEmpty()) {
                throw new IllegalStateException(what + ": round " + r.round() + " had failures: " + r.failures());
            }
        }
        Objects.requireNonNull(h.model(), what + " has no model");
    }

    /** The network run and the in-process run disagree. */
    static final class NotIdenticalException extends IllegalStateException {
        NotIdenticalException(String message) {
            super("NOT IDENTICAL: " + message);
        }
    }
}
