package org.medfed.privacy.secagg;

import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ClientState;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.FitResult;
import org.medfed.engine.ModelVector;
import org.medfed.engine.SiteQuestion;
import org.medfed.engine.UpdateFilter;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Value;
import org.medfed.privacy.random.RandomSource;

/**
 * The hospital's side of secure aggregation: the four steps of the key exchange as questions of the catalogue,
 * and the masking of the update as a filter. Its {@link SecAggClient} (this round's secret keys and the shares
 * it holds for others) lives in the hospital's state and never leaves it.
 *
 * <p>After masking, the answer the aggregator receives is uniformly random on its own; only the sum over the
 * round means anything. What still travels in the clear: the number of examples, steps and the training loss.
 */
public final class SecAggSite {

    /** Extra (masked, summed) holding a participant's share of the examples, for sample-weighted sums. */
    public static final String WEIGHT = "secagg.weight";
    static final String WEIGHT_SCALE = "weight_scale";
    private static final String CLIENT = "secagg.client";

    public static final SiteQuestion ADVERTISE = (request, trainer, state, control) -> {
        Params p = request.params();
        SecAggClient client = new SecAggClient(state.participant(), SecAggParameters.fromParams(p),
                RandomSource.from(p));
        state.putWorking(CLIENT, client);
        return SecAggCodec.advertise(client.advertise(request.round()));
    };

    public static final SiteQuestion SHARE_KEYS = (request, trainer, state, control) -> SecAggCodec.shares(
            client(state).shareKeys(SecAggCodec.directory(request.round(), request.params())).shares(), true);

    public static final SiteQuestion UNMASK = (request, trainer, state, control) -> SecAggCodec.unmaskResponse(
            client(state).unmask(SecAggCodec.unmaskRequest(request.round(), request.params())));

    /**
     * Takes the encrypted shares the other hospitals made for this one (they travel in the filter's parameters),
     * then clips the delta (update minus global model, or the gradient) to the agreed range, turns it into integers
     * and masks it. With a positive weight scale the delta is first multiplied by {@code examples / scale} (at
     * most 1) and that factor travels masked beside it, so that the aggregator can form the sample-weighted mean
     * from sums alone.
     */
    public static final UpdateFilter MASK = SecAggSite::mask;

    private SecAggSite() {
    }

    private static FitResult mask(FitResult r, FitInstruction instruction, Params params, ClientState state) {
        SecAggClient client = client(state);
        client.receiveShares(SecAggCodec.delivery(state.participant(), params));
        SecAggParameters settings = client.parameters();
        double weightScale = params.number(WEIGHT_SCALE, 0);
        ModelVector global = instruction.global();
        if (r.update() == null || r.update().size() != global.size()) {
            throw new BadInputException("local training of " + state.participant() + " returned "
                    + (r.update() == null ? "nothing" : r.update().size() + " parameters")
                    + " where the model has " + global.size());
        }
        if (!r.update().isFinite()) {
            throw new BadInputException("local training of " + state.participant() + " produced values that are "
                    + "not finite numbers; lower the learning rate");
        }
        int n = client.roundSize(instruction.round());
        Quantizer values = new Quantizer(settings.bits(), settings.range(), n);
        Quantizer reports = new Quantizer(settings.bits(), settings.extrasRange(), n);
        int dim = global.size();
        long[] q = new long[dim];
        int clipped = 0;
        double w = weightScale > 0 ? Math.min(1.0, r.examples() / weightScale) : 1.0;
        for (int i = 0; i < dim; i++) {
            double d = w * (r.kind() == UpdateKind.MODEL ? (double) r.update().get(i) - global.get(i)
                    : r.update().get(i));
            if (values.clips(d)) {
                clipped++;
            }
            q[i] = values.encode(d);
        }
        Map<String, long[]> segments = new TreeMap<>();
        for (Map.Entry<String, Value> e : r.extras().entrySet()) {
            if (!(e.getValue() instanceof Value.Floats f) || f.values().length != 1 || !Float.isFinite(f.values()[0])) {
                throw new BadInputException("secure aggregation can only carry single-number reports besides the "
                        + "update; '" + e.getKey() + "' does not fit");
            }
            segments.put(e.getKey(), new long[] {reports.encode(f.values()[0])});
        }
        if (weightScale > 0) {
            segments.put(WEIGHT, new long[] {reports.encode(w)});
        }
        segments.put(MaskedPayload.CLAMPED, new long[] {reports.encode(dim == 0 ? 0 : (double) clipped / dim)});
        SecAggMessages.MaskedInput masked = client.maskInput(instruction.round(), MaskedPayload.concat(q, segments));
        return MaskedPayload.toFitResult(r, global, masked.values(), new ArrayList<>(segments.keySet()),
                settings.bits());
    }

    private static SecAggClient client(ClientState state) {
        return state.findWorking(CLIENT, SecAggClient.class).orElseThrow(() -> new SecureAggregationException(0,
                state.participant() + " has no secure-aggregation keys for this round: the key exchange did not "
                        + "reach it"));
    }
}
