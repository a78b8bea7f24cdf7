package org.medfed.privacy.secagg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.SelectionContext;
import org.medfed.engine.Strategy;
import org.medfed.engine.StrategyDecorator;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.VectorMath;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.protocol.SiteGateway;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.privacy.SecureSum;
import org.medfed.privacy.random.RandomSource;
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
 * and nothing about any single one.
 *
 * <p>When a round starts ({@link #select}) the selected participants advertise fresh keys and exchange encrypted
 * Shamir shares through the aggregator: requests of the catalogue sent through the run's transport, concurrently
 * and under its time limit. The fit request then carries the masking filter ({@link SecAggSite#MASK}); in
 * {@link #aggregate} the remaining participants reveal the shares that remove the self masks of those who sent an
 * update and the pairwise masks of those who dropped out after sharing keys. If fewer than the threshold remain at
 * any step the round fails with a {@link SecureAggregationException}: a partial sum is never released.
 *
 * <p>The wrapped strategy receives one {@link SecureSum} update: the mean of the deltas, unweighted, or weighted by
 * training examples when the participants send their weight masked beside their scaled delta. Strategies that need
 * individual updates (median, Krum) cannot be combined with secure aggregation.
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
    private final RandomSource random;
    private final double weightScale;

    private SecAggServer server;
    private Map<String, ShareDelivery> deliveries = Map.of();
    private int selected;
    private long bytesUp;
    private long bytesDown;

    /**
     * @param random      the hospitals' randomness: secure in real studies, seeded only in tests and demonstrations
     * @param weightScale when positive, each hospital scales its delta by {@code examples / weightScale} (at most 1)
     *                    and sends that factor masked beside it, so that the mean is weighted by training examples;
     *                    0 for the plain mean
     */
    public SecureAggregation(Strategy inner, SecAggParameters params, RandomSource random, double weightScale) {
        super(inner);
        this.params = params;
        this.random = random;
        this.weightScale = weightScale;
    }

    @Override
    public String id() {
        return inner.id() + "+secagg";
    }

    @Override
    public List<String> select(SelectionContext context) {
        List<String> wanted = inner.select(context);
        int round = context.round();
        SiteGateway gateway = context.gateway();
        server = new SecAggServer(params, round);
        deliveries = Map.of();
        selected = wanted.size();
        bytesUp = 0;
        bytesDown = 0;
        Params settings = Params.builder().all(params.describe()).all(random.describe()).build();
        Map<String, SiteRequest> advertise = new TreeMap<>();
        wanted.forEach(name -> advertise.put(name, SiteRequest.of(round, Procedure.SECAGG_ADVERTISE, settings)));
        // a participant that does not advertise keys simply is not part of this round
        List<AdvertiseKeys> ads = new ArrayList<>();
        gateway.ask(advertise).replies().forEach((name, reply) -> {
            AdvertiseKeys a = SecAggCodec.advertise(name, reply);
            bytesUp += a.wireBytes();
            ads.add(a);
        });
        KeyDirectory directory = server.collectKeys(ads);
        Params directoryFields = SecAggCodec.directory(directory);
        Map<String, SiteRequest> share = new TreeMap<>();
        for (AdvertiseKeys a : directory.keys()) {
            bytesDown += directory.wireBytes();
            share.put(a.participant(), SiteRequest.of(round, Procedure.SECAGG_SHARE_KEYS, directoryFields));
        }
        // one that drops before sharing has its key in the directory, but nobody masks with it
        List<ShareKeys> shares = new ArrayList<>();
        gateway.ask(share).replies().forEach((name, reply) -> {
            ShareKeys s = SecAggCodec.shareKeys(name, reply);
            bytesUp += s.wireBytes();
            shares.add(s);
        });
        // the shares addressed to each hospital travel with its training request, in its masking filter, as in
        // Bonawitz et al.'s round 2: no call of its own
        deliveries = server.routeShares(shares);
        deliveries.values().forEach(d -> bytesDown += d.wireBytes());
        return server.sharers();
    }

    /**
     * The masking filter, with the encrypted shares the other hospitals made for {@code participant}. One that
     * misses them (its training request is lost) cannot mask; it counts as dropped at the input step and is
     * recovered there.
     */
    @Override
    public List<ProcedureCall> clientFilters(String participant) {
        ShareDelivery delivery = deliveries.get(participant);
        if (delivery == null) {
            throw new IllegalStateException("secure aggregation: " + participant + " did not share keys this round");
        }
        return filtersThen(participant, ProcedureCall.of(Procedure.SECAGG_MASK, Params.builder()
                .number(SecAggSite.WEIGHT_SCALE, weightScale).all(SecAggCodec.shares(delivery.shares(), false))
                .build()));
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
        List<String> layout = null;
        UpdateKind kind = null;
        for (ClientUpdate u : updates) {
            if (!server.sharers().contains(u.participant())) {
                continue;
            }
            MaskedPayload.Received rec;
            try {
                rec = MaskedPayload.from(u.extras(), global.size(), params.bits());
            } catch (IllegalArgumentException e) {
                throw new SecureAggregationException(round, u.participant() + " sent an update that is not masked ("
                        + e.getMessage() + "); is it running this study's secure aggregation?");
            }
            if (layout == null) {
                layout = rec.reports();
                kind = u.kind();
            } else if (!layout.equals(rec.reports()) || kind != u.kind()) {
                throw new SecureAggregationException(round, u.participant() + " sent different reports ("
                        + rec.reports() + ") or update kind than the others (" + layout + ")");
            }
            MaskedInput in = new MaskedInput(u.participant(), rec.values(), params.bits());
            bytesUp += in.wireBytes();
            inputs.put(u.participant(), in);
            byName.put(u.participant(), u);
        }
        UnmaskRequest request = server.unmaskRequest(inputs.keySet());
        Params requestFields = SecAggCodec.unmaskRequest(request);
        Map<String, SiteRequest> unmask = new TreeMap<>();
        for (String u : request.survivors()) {
            bytesDown += request.wireBytes();
            unmask.put(u, SiteRequest.of(round, Procedure.SECAGG_UNMASK, requestFields));
        }
        // one fewer helper per failure; the server checks that the threshold still holds
        List<UnmaskResponse> responses = new ArrayList<>();
        context.gateway().ask(unmask).replies().forEach((name, reply) -> {
            UnmaskResponse r = SecAggCodec.unmaskResponse(name, reply);
            bytesUp += r.wireBytes();
            responses.add(r);
        });
        long[] sum = server.unmask(inputs, responses);

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
        for (String key : layout) {
            reportSums.put(key, reports.decode(sum[off++]));
        }
        int contributors = request.survivors().size();
        double clippedFraction = reportSums.remove(MaskedPayload.CLAMPED) / contributors;
        Double weightSum = reportSums.remove(SecAggSite.WEIGHT);
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
