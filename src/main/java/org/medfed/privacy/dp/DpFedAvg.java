package org.medfed.privacy.dp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.SelectionContext;
import org.medfed.engine.Strategy;
import org.medfed.engine.StrategyDecorator;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.VectorMath;
import org.medfed.engine.checkpoint.StateValues;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.privacy.SecureSum;
import org.medfed.privacy.random.CryptoRandom;
import org.medfed.privacy.random.RandomSource;

/**
 * Client-level differentially private federated averaging (McMahan et al. 2018, DP-FedAvg with the
 * fixed-denominator estimator), as a decorator around any strategy that averages.
 *
 * <p>Each round: every participant is selected independently with probability q (the study's participant
 * fraction; Poisson sampling, what the accountant assumes), drawn from the privacy random source rather than
 * the study seed so that nobody can tell who was sampled. Each selected participant's delta is clipped to L2
 * norm C. The clipped deltas are summed, Gaussian noise of standard deviation {@code z * C} is added to the SUM,
 * and the sum is divided by the EXPECTED number of participants {@code m = q * N} (not by how many answered, which
 * would itself depend on the data). The noise on the averaged delta therefore has standard deviation
 * {@code z * C / m}. The wrapped strategy receives that one noised average as if it were a single participant's
 * update; post-processing cannot weaken the guarantee, so FedAvg or a server optimiser may follow.
 *
 * <p>The accountant composes one sampled Gaussian mechanism (q, z) per round; epsilon after each round is in
 * {@link #roundDiagnostics()} under {@code dp.epsilon}. With a target epsilon the round that would exceed it
 * is refused ({@link PrivacyBudgetExhaustedException}). The guarantee is client-level: it covers adding or
 * removing one whole hospital, not just one patient.
 */
public final class DpFedAvg extends StrategyDecorator {

    public static final String EPSILON = "dp.epsilon";
    public static final String DELTA = "dp.delta";
    public static final String CLIP = "dp.clip";
    public static final String NEXT_CLIP = "dp.next_clip";
    public static final String NOISE_MULTIPLIER = "dp.noise_multiplier";
    public static final String NOISE_STD = "dp.noise_std";
    public static final String SAMPLED = "dp.sampled";
    public static final String CONTRIBUTORS = "dp.contributors";
    public static final String EXPECTED = "dp.expected_participants";
    public static final String UNCLIPPED_ESTIMATE = "dp.unclipped_estimate";
    public static final String TARGET_EPSILON = "dp.target_epsilon";
    public static final String ROUNDS_LEFT = "dp.rounds_left";
    /** The participant name of the noised average handed to the wrapped strategy. */
    public static final String AVERAGE_PARTICIPANT = "dp-average";

    // keys of the state saved in a checkpoint
    private static final String STATE_RDP = "accountant.rdp";
    private static final String STATE_STEPS = "accountant.steps";
    private static final String STATE_CLIP = "clip";
    private static final String STATE_ROUNDS = "completed_rounds";

    private final DpFedAvgSettings settings;
    private final RandomSource random;
    private final RdpAccountant accountant = new RdpAccountant();

    private double clip;
    private int completedRounds;
    private RoundPlan plan;

    /** What select() decided for the round, used by clientFilters() and aggregate(). */
    private record RoundPlan(int round, double q, double expected, int selected, double clip,
                             double deltaNoiseMultiplier) {
    }

    /**
     * @param inner    the averaging strategy to protect (FedAvg, a server optimiser)
     * @param settings clipping, noise and budget
     * @param random   {@link RandomSource#secure()} for real studies; {@link RandomSource#seeded(long)} only in
     *                 tests and demonstrations (then the noise can be recomputed, so there is no privacy)
     */
    public DpFedAvg(Strategy inner, DpFedAvgSettings settings, RandomSource random) {
        super(inner);
        this.settings = settings;
        this.random = random;
        this.clip = settings.clipNorm();
    }

    @Override
    public String id() {
        return inner.id() + "+dp";
    }

    public DpFedAvgSettings settings() {
        return settings;
    }

    /** Privacy spent so far (after the completed rounds). */
    public PrivacySpent spent() {
        return accountant.spent(settings.delta(), settings.conversion());
    }

    @Override
    public List<String> select(SelectionContext context) {
        double q = context.fraction();
        double z = settings.noiseMultiplier();
        if (settings.hasTarget()) {
            PrivacySpent next = accountant.spentAfter(q, z, 1, settings.delta(), settings.conversion());
            if (next.epsilon() > settings.targetEpsilon()) {
                throw new PrivacyBudgetExhaustedException(completedRounds, spent().epsilon(), next.epsilon(),
                        settings.targetEpsilon(), settings.delta());
            }
        }
        List<String> chosen;
        if (q >= 1) {
            chosen = context.available();
        } else {
            CryptoRandom r = random.stream("dp.sampling", context.round());
            chosen = new ArrayList<>();
            for (String name : context.available()) {
                if (r.nextDouble() < q) {
                    chosen.add(name);
                }
            }
        }
        double expected = q * context.available().size();
        double deltaZ = settings.adaptive() == null ? z
                : AdaptiveClipping.deltaNoiseMultiplier(z, settings.adaptive().countNoise(expected));
        plan = new RoundPlan(context.round(), q, expected, chosen.size(), clip, deltaZ);
        return chosen;
    }

    @Override
    public List<ProcedureCall> clientFilters(String participant) {
        RoundPlan p = requirePlan();
        double participantStd = settings.placement() == NoisePlacement.PARTICIPANTS
                ? p.deltaNoiseMultiplier() * p.clip() / Math.sqrt(Math.max(1, p.selected())) : 0;
        // the filter's parameters travel as floats in the old protocol; keep the same rounding so that results
        // stay bit-identical with the runs recorded before the protocol became data
        // the target travels so that a hospital whose policy caps epsilon can refuse a study declaring more
        return filtersThen(participant, DpClipNoise.call((float) p.clip(), (float) participantStd, random,
                settings.hasTarget() ? settings.targetEpsilon() : null));
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        RoundPlan p = requirePlan();
        ModelVector global = context.global();
        double c = p.clip();
        double[] sum;
        int contributors;
        double unclippedSum;
        UpdateKind kind;
        Optional<SecureSum> secure = SecureSum.from(updates);
        if (secure.isPresent()) {
            SecureSum s = secure.get();
            sum = VectorMath.toDoubles(s.sum());
            contributors = s.contributors();
            unclippedSum = s.extraSums().getOrDefault(DpClipNoise.UNCLIPPED_KEY, Double.NaN);
            kind = s.kind();
        } else {
            sum = new double[global.size()];
            contributors = updates.size();
            unclippedSum = 0;
            kind = updates.isEmpty() ? UpdateKind.MODEL : updates.get(0).kind();
            for (ClientUpdate u : updates) {
                unclippedSum += addClipped(sum, u, global, c);
            }
        }
        double sumNoiseStd = p.deltaNoiseMultiplier() * c;
        double addedStd = sumNoiseStd;
        if (settings.placement() == NoisePlacement.PARTICIPANTS) {
            // participants added (z C)^2 / selected each; top up the variance of those that did not contribute
            int missing = Math.max(0, p.selected() - contributors);
            addedStd = p.selected() == 0 ? sumNoiseStd : sumNoiseStd * Math.sqrt((double) missing / p.selected());
        }
        random.stream("dp.aggregator-noise", p.round()).addGaussian(sum, addedStd);
        double denominator = p.expected();
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= denominator;
        }
        ModelVector meanDelta = VectorMath.fromDoubles(sum);

        Map<String, Double> diag = new LinkedHashMap<>();
        if (settings.adaptive() != null) {
            double estimate = adaptClip(p, unclippedSum, contributors);
            diag.put(UNCLIPPED_ESTIMATE, estimate);
        }
        accountant.compose(p.q(), settings.noiseMultiplier(), 1);
        completedRounds++;
        PrivacySpent spent = spent();
        diag.put(EPSILON, spent.epsilon());
        diag.put(DELTA, settings.delta());
        diag.put(CLIP, c);
        diag.put(NEXT_CLIP, clip);
        diag.put(NOISE_MULTIPLIER, settings.noiseMultiplier());
        diag.put(NOISE_STD, sumNoiseStd / denominator);
        diag.put(SAMPLED, (double) p.selected());
        diag.put(CONTRIBUTORS, (double) contributors);
        diag.put(EXPECTED, p.expected());
        if (settings.hasTarget()) {
            diag.put(TARGET_EPSILON, settings.targetEpsilon());
            long allowed = NoiseCalibration.maxSteps(settings.targetEpsilon(), settings.delta(), p.q(),
                    settings.noiseMultiplier(), accountant.orders(), settings.conversion());
            diag.put(ROUNDS_LEFT, (double) Math.max(0, allowed - completedRounds));
        }
        report(diag);
        plan = null;

        ModelVector averaged = kind == UpdateKind.MODEL ? VectorMath.add(global, meanDelta) : meanDelta;
        int examples = 0;
        int steps = 0;
        double loss = 0;
        for (ClientUpdate u : updates) {
            examples += u.examples();
            steps = Math.max(steps, u.steps());
            loss += u.trainLoss() * u.examples();
        }
        ClientUpdate noised = new ClientUpdate(AVERAGE_PARTICIPANT, averaged, kind, examples, 1.0, steps,
                examples > 0 ? loss / examples : Double.NaN, Map.of());
        return inner.aggregate(context, List.of(noised));
    }

    /** Adds the clipped delta of {@code u} to {@code sum}; returns the participant's unclipped indicator. */
    private double addClipped(double[] sum, ClientUpdate u, ModelVector global, double c) {
        float[] v = u.update().toArray();
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = u.kind() == UpdateKind.MODEL ? (double) v[i] - global.get(i) : v[i];
        }
        double norm;
        if (settings.placement() == NoisePlacement.AGGREGATOR) {
            // clip again here: the bound must hold even for a participant that did not clip
            norm = L2Clip.clipInPlace(d, c);
        } else {
            norm = L2Clip.norm(d);
        }
        for (int i = 0; i < d.length; i++) {
            sum[i] += d[i];
        }
        if (u.extras().containsKey(DpClipNoise.UNCLIPPED_KEY)) {
            ModelVector reported = u.extra(DpClipNoise.UNCLIPPED_KEY);
            return reported.get(0) >= 0.5f ? 1 : 0;
        }
        return norm <= c ? 1 : 0;
    }

    /**
     * Andrew et al.'s geometric update from the noised share of unclipped deltas; returns that share.
     * Indicators are centred to +-1/2 before the noise, so one participant changes the count by at most 1/2.
     */
    private double adaptClip(RoundPlan p, double unclippedSum, int contributors) {
        if (Double.isNaN(unclippedSum)) {
            throw new IllegalStateException("adaptive clipping needs each participant's '"
                    + DpClipNoise.UNCLIPPED_KEY + "' report, which the secure aggregation did not carry");
        }
        AdaptiveClipping a = settings.adaptive();
        double countStd = a.countNoise(p.expected());
        double centred = unclippedSum - 0.5 * contributors;
        double noisy = centred + countStd * random.stream("dp.count-noise", p.round()).nextGaussian();
        double estimate = Math.min(1, Math.max(0, noisy / p.expected() + 0.5));
        clip = p.clip() * Math.exp(-a.learningRate() * (estimate - a.targetQuantile()));
        return estimate;
    }

    private RoundPlan requirePlan() {
        if (plan == null) {
            throw new IllegalStateException("DpFedAvg: aggregate or clientFilters called before select in this round");
        }
        return plan;
    }

    /**
     * The privacy spent so far (the accountant's Renyi divergences, exactly), the clip norm adaptive clipping has
     * reached and the rounds completed. The round plan made in select() is not saved: it lives within a round.
     */
    @Override
    protected Params saveOwnState() {
        return Params.builder().put(STATE_RDP, StateValues.doubles(accountant.rdp()))
                .longNumber(STATE_STEPS, accountant.steps()).number(STATE_CLIP, clip)
                .number(STATE_ROUNDS, completedRounds).build();
    }

    @Override
    protected void restoreOwnState(Params own) {
        accountant.restore(StateValues.doubles(own, STATE_RDP), own.longNumber(STATE_STEPS));
        clip = own.number(STATE_CLIP);
        completedRounds = own.integer(STATE_ROUNDS);
        plan = null;
    }

    @Override
    protected void resetOwnState() {
        accountant.reset();
        clip = settings.clipNorm();
        completedRounds = 0;
        plan = null;
    }
}
