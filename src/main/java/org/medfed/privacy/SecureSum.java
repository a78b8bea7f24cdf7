package org.medfed.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.VectorMath;
import org.medfed.engine.protocol.Value;

/**
 * The one update a protected aggregation (secure aggregation, Paillier) hands to the strategy it wraps: the
 * aggregator learned only the SUM of the participants' deltas, never one of them.
 *
 * <p>To a plain strategy such as FedAvg it looks like a single participant whose update is the unweighted
 * mean ({@code global + sum / contributors} for model updates), so averaging it returns that mean. A
 * DP-aware strategy ({@link org.medfed.privacy.dp.DpFedAvg}) reads the sum itself from the extras, because
 * differential privacy divides by the EXPECTED number of participants, not by the number that answered.
 *
 * @param sum          the sum of the deltas (or gradients) of the contributors
 * @param contributors how many participants the sum covers
 * @param extraSums    sums of the participants' scalar extras, such as DP's {@code dp.unclipped} indicator
 */
public record SecureSum(ModelVector sum, UpdateKind kind, int contributors, Map<String, Double> extraSums) {

    /** The participant name of the single update that carries a secure sum. */
    public static final String PARTICIPANT = "secure-sum";
    /** Extra holding the summed vector. */
    public static final String SUM_KEY = "secure.sum";
    /** Extra holding {@code [contributors]}. */
    public static final String COUNT_KEY = "secure.count";
    /** Prefix of extras that hold sums of participants' scalar extras. */
    public static final String EXTRA_PREFIX = "secure.extra.";

    public SecureSum {
        extraSums = Map.copyOf(extraSums);
    }

    /** The update handed to the wrapped strategy. */
    public ClientUpdate toUpdate(ModelVector global, List<ClientUpdate> contributions) {
        ModelVector mean = VectorMath.scale(sum, 1.0 / Math.max(1, contributors));
        ModelVector update = kind == UpdateKind.MODEL ? VectorMath.add(global, mean) : mean;
        Map<String, Value> extras = new LinkedHashMap<>();
        extras.put(SUM_KEY, new Value.Floats(sum.toArray()));
        extras.put(COUNT_KEY, new Value.Number(contributors));
        for (Map.Entry<String, Double> e : new TreeMap<>(extraSums).entrySet()) {
            extras.put(EXTRA_PREFIX + e.getKey(), new Value.Number(e.getValue().floatValue()));
        }
        int examples = 0;
        int steps = 0;
        double loss = 0;
        for (ClientUpdate c : contributions) {
            examples += c.examples();
            steps = Math.max(steps, c.steps());
            loss += c.trainLoss() * c.examples();
        }
        double meanLoss = examples > 0 ? loss / examples : Double.NaN;
        return new ClientUpdate(PARTICIPANT, update, kind, examples, contributors, steps, meanLoss, extras);
    }

    /** The secure sum carried by {@code updates}, if they are the single update of a protected aggregation. */
    public static Optional<SecureSum> from(List<ClientUpdate> updates) {
        if (updates.size() != 1 || !PARTICIPANT.equals(updates.get(0).participant())
                || !updates.get(0).extras().containsKey(SUM_KEY)) {
            return Optional.empty();
        }
        ClientUpdate u = updates.get(0);
        Map<String, Double> extraSums = new TreeMap<>();
        for (Map.Entry<String, Value> e : u.extras().entrySet()) {
            if (e.getKey().startsWith(EXTRA_PREFIX) && e.getValue() instanceof Value.Number n) {
                extraSums.put(e.getKey().substring(EXTRA_PREFIX.length()), n.value());
            }
        }
        int count = u.extras().get(COUNT_KEY) instanceof Value.Number n ? (int) n.value() : 0;
        return Optional.of(new SecureSum(u.extra(SUM_KEY), u.kind(), count, extraSums));
    }
}
