package org.medfed.privacy.paillier;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ClientState;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.FitResult;
import org.medfed.engine.ModelVector;
import org.medfed.engine.UpdateFilter;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.protocol.Value;
import org.medfed.privacy.random.RandomSource;

/**
 * The hospital's half of Paillier aggregation, a filter: clips the delta to the packing range, packs it with the
 * procedure's small reports (DP's unclipped indicator, values in [-1, 1]) and the share of clipped values, and
 * encrypts it under the study's public key. The plain update field then carries the global model unchanged (no
 * information).
 */
public final class PaillierEncrypt implements UpdateFilter {

    private static final String MODULUS = "modulus";
    private static final String PACKING = "packing.";

    /** The filter call: the public key and packing travel as numbers; the private key never leaves its holder. */
    public static ProcedureCall call(PaillierPublicKey key, FixedPointPacking packing, RandomSource random) {
        return ProcedureCall.of(Procedure.PAILLIER_ENCRYPT, Params.builder()
                .bytes(MODULUS, key.modulus().toByteArray())
                .all(PACKING, packing.describe())
                .all(random.describe()).build());
    }

    @Override
    public FitResult apply(FitResult r, FitInstruction instruction, Params params, ClientState state) {
        PaillierPublicKey key = new PaillierPublicKey(new BigInteger(1, params.bytes(MODULUS)));
        FixedPointPacking packing = FixedPointPacking.fromParams(params.under(PACKING));
        ModelVector global = instruction.global();
        int dim = global.size();
        if (r.update().size() != dim || !r.update().isFinite()) {
            throw new BadInputException("local training returned an update that cannot be encrypted (wrong size "
                    + "or values that are not finite)");
        }
        Map<String, Value> reports = new TreeMap<>(r.extras());
        double[] values = new double[dim + reports.size() + 1];
        int clipped = 0;
        double range = packing.range();
        for (int i = 0; i < dim; i++) {
            double d = r.kind() == UpdateKind.MODEL ? (double) r.update().get(i) - global.get(i)
                    : r.update().get(i);
            if (!(Math.abs(d) <= range)) {
                clipped++;
                d = Math.max(-range, Math.min(range, d));
            }
            values[i] = d;
        }
        Map<String, Value> extras = new LinkedHashMap<>();
        int k = dim;
        for (Map.Entry<String, Value> e : reports.entrySet()) {
            float x = e.getValue() instanceof Value.Floats f && f.values().length == 1 ? f.values()[0] : Float.NaN;
            if (!(Math.abs(x) <= 1)) {
                throw new BadInputException("Paillier aggregation can only carry single-number reports in [-1, 1] "
                        + "besides the update; '" + e.getKey() + "' does not fit");
            }
            values[k++] = x * range;
            extras.put(PaillierAggregation.REPORT_PREFIX + e.getKey(), new Value.Floats(new float[0]));
        }
        values[k] = dim == 0 ? 0 : range * clipped / dim;
        EncryptedVector ev = new PaillierEncryptor(key, packing).encrypt(values,
                RandomSource.from(params).stream("paillier.encryption", instruction.training().seed()));
        extras.put(PaillierAggregation.CIPHERTEXTS,
                new Value.Bytes(CiphertextCodec.toBytes(ev.ciphertexts(), key.ciphertextBytes())));
        return r.sealedIn(global, extras);
    }
}
