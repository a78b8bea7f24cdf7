package org.medfed.testsupport;

import java.util.Map;
import org.medfed.engine.ModelVector;
import org.medfed.engine.ParticipantFailure;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunHistory;

/**
 * A run written out exactly: every figure as the hex of its bits, every map in its order, the model's floats as
 * bits; timings left out. Two runs with equal fingerprints are bit-identical in everything they computed.
 */
public final class RunFingerprint {

    private RunFingerprint() {
    }

    public static String of(RunHistory h) {
        StringBuilder sb = new StringBuilder();
        sb.append(h.strategyId()).append(' ').append(h.participants()).append(' ').append(h.status()).append(' ')
                .append(h.message()).append('\n');
        for (RoundRecord r : h.rounds()) {
            sb.append("round ").append(r.round()).append(" selected ").append(r.selected()).append('\n');
            figures(sb, "train_loss", r.trainLoss());
            r.test().forEach((p, e) -> figures(sb, "test " + p + " (" + e.examples() + ")", e.metrics()));
            figures(sb, "global", r.global());
            figures(sb, "diagnostics", r.diagnostics());
            sb.append("  progress ").append(r.progress()).append('\n');
            for (ParticipantFailure f : r.failures()) {
                sb.append("  failure ").append(f).append('\n');
            }
        }
        sb.append("model ").append(model(h.model())).append('\n');
        return sb.toString();
    }

    public static String model(ModelVector model) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < model.size(); i++) {
            sb.append(Integer.toHexString(Float.floatToRawIntBits(model.get(i)))).append(' ');
        }
        return sb.toString();
    }

    private static void figures(StringBuilder sb, String what, Map<String, Double> values) {
        sb.append("  ").append(what).append(':');
        values.forEach((k, v) -> sb.append(' ').append(k).append('=')
                .append(Long.toHexString(Double.doubleToRawLongBits(v))));
        sb.append('\n');
    }
}
