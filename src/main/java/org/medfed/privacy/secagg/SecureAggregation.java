package org.medfed.privacy.secagg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.SelectionContext;
import org.medfed.engine.Strategy;
import org.medfed.engine.StrategyDecorator;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.VectorMath;
import org.medfed.privacy.SecureSum;
import org.medfed.privacy.secagg.SecAggMessages.AdvertiseKeys;
import org.medfed.privacy.secagg.SecAggMessages.KeyDirectory;
import org.medfed.privacy.secagg.SecAggMessages.MaskedInput;
import org.medfed.privacy.secagg.SecAggMessages.ShareDelivery;
import org.medfed.privacy.secagg.SecAggMessages.ShareKeys;
import org.medfed.privacy.secagg.SecAggMessages.UnmaskRequest;
import org.medfed.privacy.secagg.SecAggMessages.UnmaskResponse;

/**
 * Secure aggregation (Bonawitz et al. 2017, "Practical Secure Aggregation for Privacy-Preserving Machine
 * Learning", semi-honest version) as a strategy decorator: the aggregator learns the sum of the round's deltas
 * and nothing about any single one. Participants must be wrapped in {@link SecureAggregationParticipant}s that
 * share this strategy's {@link SecAggChannel} (see {@link InProcessSecureAggregation}).
 *
 * <p>When a round starts ({@link #select}) the selected participants advertise fresh keys and exchange encrypted
 * Shamir shares through the aggregator; the engine's fit call then carries each masked update; in
 * {@link #aggregate} the remaining participants reveal the shares that remove the self masks of those who sent
 * an update and the pairwise masks of those who dropped out after sharing keys. If fewer than the threshold
 * remain at any step the round fails with a {@link SecureAggregationException}: a partial sum is never released.
 *
 * <p>The wrapped strategy receives one {@link SecureSum} update: the mean of the deltas, unweighted, or weighted by
 * training examples when the participants send their weight masked beside their scaled delta
 * ({@link InProcessSecureAggregation#of(List, SecAggParameters, org.medfed.privacy.random.RandomSource, boolean)}). Strategies that need individual updates (median,
 * Krum) cannot be combined with secure aggregation. Inside a study the modulus is at most 2^24 because the engine
 * carries values as floats.
 */
public final class SecureAggregation extends StrategyDecorator {

    public static final String PARTICIPANTS = "secagg.participants";
    public static final String CONTRIBUTORS = "secagg.contributors";
    public static final String DROPPED = "secagg.dropped";
    public static final String BYTES_UP = "secagg.bytes_up";
    public static final String BYTES_DOWN = "secagg.bytes_down";
    public static final String PLAIN_BYTES = "secagg.plain_bytes";
    public static final String EXPANSION = "secagg.expansion";
    public static final String CLIPPED_FRACTION = "secagg.clipped_fraction";
    public static final String MAX_ERROR = "secagg.max_quantisation_error";

    private final SecAggParameters params;
    private final SecAggChannel channel;

    private SecAggServer server;
    private int selected;
    private long bytesUp;
    private long bytesDown;

    public SecureAggregation(Strategy inner, SecAggParameters params, SecAggChannel channel) {
        super(inner);
        if (params.bits() > MaskedPayload.MAX_BITS_IN_FLOAT) {
            throw new BadInputException("secure aggregation inside a study uses at most "
                    + MaskedPayload.MAX_BITS_IN_FLOAT + " bits per value (the engine carries updates as 32-bit "
                    + "floats), was " + params.bits());
        }
        this.params = params;
        this.channel = channel;
    }

    @Override
    public String id() {
        return inner.id() + "+secagg";
    }

    @Override
    public List<String> select(SelectionContext context) {
        List<String> wanted = inner.select(context);
        int round = context.round();
        server = new SecAggServer(params, round);
        selected = wanted.size();
        bytesUp = 0;
        bytesDown = 0;
        List<AdvertiseKeys> ads = new ArrayList<>();
        for (String name : wanted) {
            try {
                AdvertiseKeys a = channel.advertise(name, round);
                bytesUp += a.wireBytes();
                ads.add(a);
            } catch (Exception e) {
                // a participant that does not advertise keys simply is not part of this round
            }
        }
        KeyDirectory directory = server.collectKeys(ads);
        List<ShareKeys> shares = new ArrayList<>();
        for (AdvertiseKeys a : directory.keys()) {
            bytesDown += directory.wireBytes();
            try {
                ShareKeys s = channel.shareKeys(a.participant(), directory);
                bytesUp += s.wireBytes();
                shares.add(s);
            } catch (Exception e) {
                // dropped before sharing: its key is in the directory but nobody masks with it
            }
        }
        Map<String, ShareDelivery> deliveries = server.routeShares(shares);
        for (Map.Entry<String, ShareDelivery> d : deliveries.entrySet()) {
            bytesDown += d.getValue().wireBytes();
            try {
                channel.deliverShares(d.getKey(), d.getValue());
            } catch (Exception e) {
                // it will not be able to mask; it counts as dropped at the input step and is recovered there
            }
        }
        return server.sharers();
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        if (server == null || server.round() != context.round()) {
            throw new IllegalStateException("secure aggregation: aggregate called before select in this round");
        }
        int round = context.round();
        ModelVector global = context.global();
        Map<String, MaskedInput> inputs = new TreeMap<>();
        Map<String, ClientUpdate> byName = new TreeMap<>();
        Map<String, Integer> layout = null;
        UpdateKind kind = null;
        for (ClientUpdate u : updates) {
            if (!server.sharers().contains(u.participant())) {
                continue;
            }
            MaskedPayload.Received rec;
            try {
                rec = MaskedPayload.fromUpdate(u.update(), u.extras());
            } catch (IllegalArgumentException e) {
                throw new SecureAggregationException(round, u.participant() + " sent an update that is not masked; "
                        + "is it wrapped in SecureAggregationParticipant?");
            }
            if (layout == null) {
                layout = rec.layout();
                kind = u.kind();
            } else if (!layout.equals(rec.layout()) || kind != u.kind()) {
                throw new SecureAggregationException(round, u.participant() + " sent different reports ("
                        + rec.layout().keySet() + ") or update kind than the others (" + layout.keySet() + ")");
            }
            MaskedInput in = new MaskedInput(u.participant(), java.util.Arrays.stream(rec.values()).asLongStream()
                    .toArray(), params.bits()); // secagg-64: adapted at call site
            bytesUp += in.wireBytes();
            inputs.put(u.participant(), in);
            byName.put(u.participant(), u);
        }
        UnmaskRequest request = server.unmaskRequest(inputs.keySet());
        List<UnmaskResponse> responses = new ArrayList<>();
        for (String u : request.survivors()) {
            bytesDown += request.wireBytes();
            try {
                UnmaskResponse r = channel.unmask(u, request);
                bytesUp += r.wireBytes();
                responses.add(r);
            } catch (Exception e) {
                // one fewer helper; the server checks that the threshold still holds
            }
        }
        long[] sum = server.unmask(inputs, responses); // secagg-64: adapted at call site

        int n = server.directory().keys().size();
        Quantizer values = new Quantizer(params.bits(), params.range(), n);
        Quantizer reports = new Quantizer(params.bits(), params.extrasRange(), n);
        int dim = global.size();
        double[] sumDelta = new double[dim];
        for (int i = 0; i < dim; i++) {
            sumDelta[i] = values.decode(sum[i]);
        }
        Map<String, Double> reportSums = new TreeMap<>();
        int off = dim;
        for (String key : layout.keySet()) {
            reportSums.put(key, reports.decode(sum[off++]));
        }
        int contributors = request.survivors().size();
        double clippedFraction = reportSums.remove(MaskedPayload.CLAMPED) / contributors;
        Double weightSum = reportSums.remove(SecureAggregationParticipant.WEIGHT);
        if (weightSum != null && weightSum > 0) {
            // deltas arrived multiplied by their hospital's weight: rescale so that sum / contributors is the
            // weighted mean sum(w_i d_i) / sum(w_i)
            for (int i = 0; i < dim; i++) {
                sumDelta[i] *= contributors / weightSum;
            }
        }

        List<ClientUpdate> contributions = new ArrayList<>();
        for (String u : request.survivors()) {
            contributions.add(byName.get(u));
        }
        SecureSum secureSum = new SecureSum(VectorMath.fromDoubles(sumDelta), kind, contributors, reportSums);
        ModelVector next = inner.aggregate(context, List.of(secureSum.toUpdate(global, contributions)));

        Map<String, Double> d = new LinkedHashMap<>();
        d.put(PARTICIPANTS, (double) n);
        d.put(CONTRIBUTORS, (double) contributors);
        d.put(DROPPED, (double) (selected - contributors));
        d.put(BYTES_UP, (double) bytesUp);
        d.put(BYTES_DOWN, (double) bytesDown);
        double plain = 4.0 * dim * contributors;
        d.put(PLAIN_BYTES, plain);
        d.put(EXPANSION, (bytesUp + bytesDown) / plain);
        d.put(CLIPPED_FRACTION, Math.max(0, clippedFraction));
        d.put(MAX_ERROR, values.maxErrorPerValue());
        report(d);
        server = null;
        return next;
    }

    @Override
    protected void resetOwnState() {
        server = null;
    }
}
