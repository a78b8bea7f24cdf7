package org.medfed.privacy.paillier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.Strategy;
import org.medfed.engine.StrategyDecorator;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.VectorMath;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.protocol.Value;
import org.medfed.privacy.SecureSum;
import org.medfed.privacy.random.RandomSource;

/**
 * Homomorphic aggregation with Paillier as a strategy decorator: each participant clips its delta to the packing
 * range, packs and encrypts it under the key holder's public key ({@link PaillierEncrypt}, at the hospital); the aggregator multiplies the ciphertexts and
 * asks the key holder (a {@link DecryptionService}, never the key itself) to decrypt the sum; the wrapped
 * strategy receives that sum as one {@link SecureSum}.
 *
 * <p>On the way the plain update field carries the global model unchanged (no information); the ciphertexts
 * travel as one byte block in the extra {@code paillier.ciphertexts}. Small reports of the participant's procedure (DP's
 * unclipped indicator, values in [-1, 1]) are encrypted with the update.
 */
public final class PaillierAggregation extends StrategyDecorator {

    public static final String CIPHERTEXTS = "paillier.ciphertexts";
    static final String REPORT_PREFIX = "paillier.report.";
    static final String CLIPPED = "#clipped";

    public static final String CONTRIBUTORS = "paillier.contributors";
    public static final String CIPHERTEXTS_PER_PARTICIPANT = "paillier.ciphertexts_per_participant";
    public static final String BYTES_UP = "paillier.bytes_up";
    public static final String PLAIN_BYTES = "paillier.plain_bytes";
    public static final String EXPANSION = "paillier.expansion";
    public static final String CLIPPED_FRACTION = "paillier.clipped_fraction";
    public static final String RESOLUTION = "paillier.resolution";

    private final PaillierPublicKey key;
    private final DecryptionService keyHolder;
    private final FixedPointPacking packing;
    private final RandomSource random;

    public PaillierAggregation(Strategy inner, PaillierPublicKey key, DecryptionService keyHolder,
                               FixedPointPacking packing, RandomSource random) {
        super(inner);
        this.key = key;
        this.keyHolder = keyHolder;
        this.packing = packing;
        this.random = random;
    }

    @Override
    public String id() {
        return inner.id() + "+paillier";
    }

    @Override
    public List<ProcedureCall> clientFilters(String participant) {
        return filtersThen(participant, PaillierEncrypt.call(key, packing, random));
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        if (updates.isEmpty()) {
            throw new IllegalStateException("no updates to aggregate");
        }
        ModelVector global = context.global();
        int dim = global.size();
        List<String> reportKeys = null;
        UpdateKind kind = null;
        HomomorphicAggregator aggregator = new HomomorphicAggregator(key, packing);
        List<EncryptedVector> encrypted = new ArrayList<>();
        long bytesUp = 0;
        for (ClientUpdate u : updates) {
            List<String> keys = new ArrayList<>();
            for (String name : new TreeMap<>(u.extras()).keySet()) {
                if (name.startsWith(REPORT_PREFIX)) {
                    keys.add(name.substring(REPORT_PREFIX.length()));
                }
            }
            if (reportKeys == null) {
                reportKeys = keys;
                kind = u.kind();
            } else if (!reportKeys.equals(keys) || kind != u.kind()) {
                throw new BadInputException(u.participant() + " sent different reports " + keys + " than the others "
                        + reportKeys);
            }
            if (!(u.extras().get(CIPHERTEXTS) instanceof Value.Bytes carried)) {
                throw new BadInputException(u.participant() + " sent no encrypted update; is it running this study's "
                        + "Paillier procedure?");
            }
            List<BigInteger> cs = CiphertextCodec.fromBytes(carried.bytes(), key.ciphertextBytes());
            int length = dim + keys.size() + 1;
            if (cs.size() != packing.plaintexts(length)) {
                throw new BadInputException(u.participant() + " sent " + cs.size() + " ciphertexts where "
                        + packing.plaintexts(length) + " were expected");
            }
            EncryptedVector ev = new EncryptedVector(cs, length, 1);
            bytesUp += ev.wireBytes(key.ciphertextBytes());
            encrypted.add(ev);
        }
        EncryptedVector sum = aggregator.sum(encrypted);
        BigInteger[] plain = keyHolder.decryptSum(sum);
        double[] values = packing.decode(plain, sum.length(), sum.contributors());
        double range = packing.range();
        double[] delta = new double[dim];
        System.arraycopy(values, 0, delta, 0, dim);
        Map<String, Double> reportSums = new TreeMap<>();
        int k = dim;
        for (String name : reportKeys) {
            reportSums.put(name, values[k++] / range);
        }
        int contributors = sum.contributors();
        double clippedFraction = values[k] / range / contributors;

        SecureSum secureSum = new SecureSum(VectorMath.fromDoubles(delta), kind, contributors, reportSums);
        ModelVector next = inner.aggregate(context, List.of(secureSum.toUpdate(global, updates)));

        Map<String, Double> d = new LinkedHashMap<>();
        d.put(CONTRIBUTORS, (double) contributors);
        d.put(CIPHERTEXTS_PER_PARTICIPANT, (double) packing.plaintexts(sum.length()));
        d.put(BYTES_UP, (double) bytesUp);
        double plainBytes = 4.0 * dim * contributors;
        d.put(PLAIN_BYTES, plainBytes);
        d.put(EXPANSION, bytesUp / plainBytes);
        d.put(CLIPPED_FRACTION, Math.max(0, clippedFraction));
        d.put(RESOLUTION, packing.resolution());
        report(d);
        return next;
    }

}
