package org.medfed.privacy.secagg;

import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.BadInputException;
import org.medfed.engine.DataSplit;
import org.medfed.engine.Evaluation;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.FitResult;
import org.medfed.engine.ModelVector;
import org.medfed.engine.Participant;
import org.medfed.engine.RunControl;
import org.medfed.engine.UpdateKind;

/**
 * A hospital taking part in secure aggregation: after local training, and before anything leaves, its delta
 * (update minus global model, or its gradient) is clipped to the agreed range, turned into integers and masked
 * ({@link SecAggClient#maskInput}). The answer the aggregator receives is uniformly random on its own; only the
 * sum over the round means anything.
 *
 * <p>What still travels in the clear: the number of examples, the number of steps and the mean training loss.
 */
public final class SecureAggregationParticipant implements Participant {

    /** Extra (masked, summed) holding a participant's share of the examples, for sample-weighted sums. */
    public static final String WEIGHT = "secagg.weight";

    private final Participant inner;
    private final SecAggClient client;
    private final SecAggParameters params;
    private final double weightScale;

    public SecureAggregationParticipant(Participant inner, SecAggClient client, SecAggParameters params) {
        this(inner, client, params, 0);
    }

    /**
     * @param weightScale when positive, the delta is multiplied by {@code examples / weightScale} (at most 1) and
     *                    that factor travels masked beside it, so the aggregator can form the sample-weighted mean
     *                    from sums alone; 0 for an unweighted sum
     */
    public SecureAggregationParticipant(Participant inner, SecAggClient client, SecAggParameters params,
                                        double weightScale) {
        this.inner = inner;
        this.client = client;
        this.params = params;
        this.weightScale = weightScale;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public int trainSize() {
        return inner.trainSize();
    }

    @Override
    public int testSize() {
        return inner.testSize();
    }

    @Override
    public double weight() {
        return inner.weight();
    }

    @Override
    public FitResult fit(FitInstruction instruction, RunControl control) throws Exception {
        FitResult r = inner.fit(instruction, control);
        ModelVector global = instruction.global();
        if (r == null || r.update() == null || r.update().size() != global.size()) {
            throw new BadInputException("local training of " + name() + " returned "
                    + (r == null || r.update() == null ? "nothing" : r.update().size() + " parameters")
                    + " where the model has " + global.size());
        }
        if (!r.update().isFinite()) {
            throw new BadInputException("local training of " + name() + " produced values that are not finite "
                    + "numbers; lower the learning rate");
        }
        int n = client.roundSize(instruction.round());
        Quantizer values = new Quantizer(params.bits(), params.range(), n);
        Quantizer reports = new Quantizer(params.bits(), params.extrasRange(), n);
        int dim = global.size();
        int[] q = new int[dim];
        int clipped = 0;
        double w = weightScale > 0 ? Math.min(1.0, r.examples() / weightScale) : 1.0;
        for (int i = 0; i < dim; i++) {
            double d = w * (r.kind() == UpdateKind.MODEL ? (double) r.update().get(i) - global.get(i) : r.update().get(i));
            if (values.clips(d)) {
                clipped++;
            }
            q[i] = Math.toIntExact(values.encode(d)); // secagg-64: adapted at call site
        }
        Map<String, int[]> segments = new TreeMap<>();
        Map<String, Integer> layout = new TreeMap<>();
        for (Map.Entry<String, ModelVector> e : r.extras().entrySet()) {
            if (e.getValue().size() != 1 || !Float.isFinite(e.getValue().get(0))) {
                throw new BadInputException("secure aggregation can only carry single-number reports besides the "
                        + "update; '" + e.getKey() + "' has " + e.getValue().size() + " values");
            }
            segments.put(e.getKey(), new int[] {Math.toIntExact(reports.encode(e.getValue().get(0)))}); // secagg-64: adapted at call site
            layout.put(e.getKey(), 1);
        }
        if (weightScale > 0) {
            segments.put(WEIGHT, new int[] {Math.toIntExact(reports.encode(w))}); // secagg-64: adapted at call site
            layout.put(WEIGHT, 1);
        }
        segments.put(MaskedPayload.CLAMPED,
                new int[] {Math.toIntExact(reports.encode(dim == 0 ? 0 : (double) clipped / dim))}); // secagg-64: adapted at call site
        layout.put(MaskedPayload.CLAMPED, 1);
        SecAggMessages.MaskedInput masked = client.maskInput(instruction.round(),
                java.util.Arrays.stream(MaskedPayload.concat(q, segments)).asLongStream().toArray()); // secagg-64: adapted at call site
        return MaskedPayload.toFitResult(r, java.util.Arrays.stream(masked.values()).mapToInt(Math::toIntExact)
                .toArray(), dim, layout); // secagg-64: adapted at call site
    }

    @Override
    public Evaluation evaluate(ModelVector model, DataSplit split) throws Exception {
        return inner.evaluate(model, split);
    }

    @Override
    public String toString() {
        return "SecureAggregationParticipant[" + name() + "]";
    }
}
