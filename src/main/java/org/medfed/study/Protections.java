package org.medfed.study;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.attack.AttackSpec;
import org.medfed.attack.LabelFlip;
import org.medfed.data.ExampleSet;
import org.medfed.attack.SimulatedAttacker;
import org.medfed.engine.BadInputException;
import org.medfed.engine.Participant;
import org.medfed.engine.SampleLevelPrivacy;
import org.medfed.engine.Strategy;
import org.medfed.engine.strategy.FedAvg;
import org.medfed.engine.strategy.Weighting;
import org.medfed.engine.strategy.robust.DefenceSettings;
import org.medfed.privacy.dp.AdaptiveClipping;
import org.medfed.privacy.dp.DpFedAvg;
import org.medfed.privacy.dp.DpFedAvgSettings;
import org.medfed.privacy.dp.DpSgdPrivacy;
import org.medfed.privacy.dp.EpsilonConversion;
import org.medfed.privacy.dp.NoiseCalibration;
import org.medfed.privacy.dp.NoisePlacement;
import org.medfed.privacy.dp.RdpOrders;
import org.medfed.privacy.paillier.FixedPointPacking;
import org.medfed.privacy.paillier.PaillierAggregation;
import org.medfed.privacy.paillier.PaillierKeyHolder;
import org.medfed.privacy.random.RandomSource;
import org.medfed.privacy.secagg.SecureAggregation;
import org.medfed.privacy.secagg.SecAggParameters;
import org.medfed.project.DefenceSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.PrivacySection;
import org.medfed.project.Study;

/**
 * Puts a study's protections around its strategy and participants, from the inside out: simulated attackers
 * wrap their hospitals; a robust rule replaces the strategy's averaging; differential privacy wraps that;
 * secure aggregation or Paillier encryption wraps everything, so that the aggregator sees only sums.
 */
public final class Protections {

    /**
     * The strategy and participants to run, DP-SGD for local training (or null), and what the model card should
     * say about them.
     */
    public record Applied(Strategy strategy, SampleLevelPrivacy sampleLevel, Map<String, Object> card) {
    }

    private Protections() {
    }

    /**
     * @param participants the study's hospitals (simulated attackers among them are already built, see
     *                     {@link #attacker})
     */
    public static Applied apply(Study study, Strategy base, List<? extends Participant> participants, long seed) {
        ProtectionCompatibility.require(study, participants.size());
        Map<String, Object> card = new LinkedHashMap<>();
        describeAttacks(study, card);
        Strategy strategy = base;

        DefenceSection defence = study.defence();
        if (defence != null) {
            DefenceSettings settings = DefenceSettings.parse(defence.rule(), defence.clipBound());
            if (!settings.isNone()) {
                strategy = settings.apply(strategy);
                card.put("defence", Map.of("rule", settings.ruleText(), "clipBound", defence.clipBound()));
            }
        }

        PrivacySection privacy = study.privacy();
        if (privacy == null) {
            return new Applied(strategy, null, card);
        }
        RandomSource random = privacy.seeded() ? RandomSource.seeded(seed) : RandomSource.secure();
        DpSgdPrivacy dpSgd = null;
        if (privacy.dpSgd() != null) {
            var d = privacy.dpSgd();
            dpSgd = new DpSgdPrivacy(d.clipNorm(), d.noiseMultiplier(), d.targetEpsilon(), d.delta(),
                    study.training().rounds(), random);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("mechanism", "DP-SGD in each hospital's local training (Abadi et al. 2016): Poisson-sampled batches, "
                    + "per-example clipping, Gaussian noise; example-level guarantee per hospital");
            c.put("clipNorm", d.clipNorm());
            c.put("delta", d.delta());
            c.put("targetEpsilon", d.targetEpsilon());
            c.put("noiseMultiplier", d.noiseMultiplier());
            Map<String, Object> perHospital = new LinkedHashMap<>();
            var plan = study.training().localTraining();
            for (Participant p : participants) {
                var spent = dpSgd.spentBy(p.trainSize(), plan);
                perHospital.put(p.name(), Map.of("noiseMultiplier", dpSgd.noiseFor(p.trainSize(), plan),
                        "epsilonAfterPlannedRounds", spent.epsilon()));
            }
            c.put("perHospital", perHospital);
            card.put("dpSgd", c);
        }
        if (privacy.dp() != null) {
            DpFedAvgSettings settings = dpSettings(privacy.dp(), study, participants.size());
            strategy = new DpFedAvg(strategy, settings, random);
            Map<String, Object> dp = new LinkedHashMap<>();
            dp.put("mechanism", "DP-FedAvg, client-level (McMahan et al. 2018), Gaussian noise on the sum of clipped "
                    + "updates, Poisson sampling of participants");
            dp.put("clipNorm", settings.clipNorm());
            dp.put("adaptiveClipping", settings.adaptive() != null);
            dp.put("noiseMultiplier", settings.noiseMultiplier());
            dp.put("delta", settings.delta());
            dp.put("targetEpsilon", settings.hasTarget() ? settings.targetEpsilon() : null);
            dp.put("noisePlacement", settings.placement().name().toLowerCase(java.util.Locale.ROOT));
            dp.put("accountant", "Renyi DP of the sampled Gaussian, " + settings.conversion());
            dp.put("samplingRate", study.training().fraction());
            card.put("differentialPrivacy", dp);
        }
        if (privacy.secureAggregation() != null) {
            var s = privacy.secureAggregation();
            boolean weighted = weighting(base, privacy.dp() != null);
            double weightScale = weighted
                    ? participants.stream().mapToInt(Participant::trainSize).max().orElse(1) : 0;
            strategy = new SecureAggregation(strategy, SecAggParameters.of(s.range()).withBits(s.bits()), random,
                    weightScale);
            card.put("secureAggregation", Map.of("protocol", "Bonawitz et al. 2017 (semi-honest), pairwise and self "
                    + "masks, Shamir shares", "bits", s.bits(), "range", s.range()));
        }
        if (privacy.paillier() != null) {
            var p = privacy.paillier();
            SecureRandom keyRandom = random.secureRandom("paillier-key", 0);
            PaillierKeyHolder holder = PaillierKeyHolder.generate(p.modulusBits(), 2, keyRandom);
            FixedPointPacking packing = new FixedPointPacking(p.fractionBits(), p.range(), participants.size(),
                    p.modulusBits(), p.packed());
            strategy = new PaillierAggregation(strategy, holder.publicKey(), holder, packing, random);
            card.put("paillier", Map.of("modulusBits", p.modulusBits(), "fractionBits", p.fractionBits(),
                    "range", p.range(), "packed", p.packed()));
        }
        if (privacy.seeded()) {
            card.put("warning", "randomness was seeded for a reproducible demonstration: the noise and masks can be "
                    + "recomputed from the seed, so this run gives NO privacy");
        }
        return new Applied(strategy, dpSgd, card);
    }

    /**
     * Whether a protected sum should be weighted by training examples: yes for the strategies that weigh by
     * samples, no for plain FedAvg and under differential privacy (whose mean is over the expected participants).
     */
    static boolean weighting(Strategy base, boolean dp) {
        return !dp && !(base instanceof FedAvg f && f.weighting() == Weighting.EQUAL);
    }

    /** The study's DP settings; a target epsilon without a noise multiplier gets the multiplier that reaches it. */
    static DpFedAvgSettings dpSettings(PrivacySection.DpSection dp, Study study, int participants) {
        double q = study.training().fraction();
        int rounds = study.training().rounds();
        Double z = dp.noiseMultiplier();
        if (z == null) {
            if (dp.targetEpsilon() == null) {
                throw new BadInputException("differential privacy needs a noise multiplier or a target epsilon");
            }
            z = NoiseCalibration.noiseMultiplierFor(dp.targetEpsilon(), dp.delta(), q, rounds, RdpOrders.extended(),
                    EpsilonConversion.BALLE_2020);
        }
        DpFedAvgSettings s = DpFedAvgSettings.fixed(dp.clipNorm(), z, dp.delta());
        if (dp.targetEpsilon() != null) {
            s = s.withTargetEpsilon(dp.targetEpsilon());
        }
        if ("participants".equalsIgnoreCase(dp.noisePlacement())) {
            s = s.withPlacement(NoisePlacement.PARTICIPANTS);
        } else if (!"aggregator".equalsIgnoreCase(dp.noisePlacement())) {
            throw new BadInputException("noise placement must be aggregator or participants, was " + dp.noisePlacement());
        }
        if (dp.adaptiveClipping()) {
            s = s.withAdaptive(AdaptiveClipping.recommended());
        }
        if (dp.delta() >= 1.0 / Math.max(participants, 1)) {
            throw new BadInputException("delta " + dp.delta() + " is too large for " + participants + " hospitals: "
                    + "it must be well below 1/" + participants);
        }
        return s;
    }

    private static void describeAttacks(Study study, Map<String, Object> card) {
        Map<String, String> described = new LinkedHashMap<>();
        attacks(study).forEach((name, spec) -> described.put(name, spec.describe()));
        if (!described.isEmpty()) {
            card.put("simulatedAttacks", described);
        }
    }

    /**
     * The SIMULATED attacker of hospital {@code name} that corrupts updates, or null when it is honest or its
     * attack changes its data instead ({@link #trainingSet}).
     */
    public static SimulatedAttacker attacker(Map<String, AttackSpec> attacks, String name, long seed) {
        AttackSpec spec = attacks.get(name);
        return spec == null || spec.kind().changesData() ? null : new SimulatedAttacker(name, spec, seed);
    }

    /** The examples a hospital trains on: its own, or with flipped labels when it simulates a label-flip attack. */
    public static ExampleSet trainingSet(AttackSpec attack, ExampleSet train) {
        if (attack == null || !attack.kind().changesData()) {
            return train;
        }
        LabelFlip flip = LabelFlip.of(attack, train.classCount());
        return new ExampleSet(train.inputShape(), train.inputs(), flip.apply(train.labels()), train.classCount(),
                train.masks());
    }

    /** Each participant's simulated attack, by name. */
    public static Map<String, AttackSpec> attacks(Study study) {
        Map<String, AttackSpec> out = new LinkedHashMap<>();
        for (ParticipantEntry p : study.enabledParticipants()) {
            if (p.attack() != null && !p.attack().isBlank() && !p.attack().equalsIgnoreCase("none")) {
                try {
                    out.put(p.name(), AttackSpec.parse(p.attack()));
                } catch (BadInputException e) {
                    throw new BadInputException("participant '" + p.name() + "': " + e.getMessage(), e);
                }
            }
        }
        return out;
    }
}
