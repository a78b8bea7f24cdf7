package org.medfed.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.engine.BadInputException;
import org.medfed.engine.Limit;
import org.medfed.project.DataSection;
import org.medfed.project.ModelSection;
import org.medfed.project.DefenceSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.PrivacySection;
import org.medfed.project.StrategySection;
import org.medfed.project.Study;
import org.medfed.project.TrainingSection;
import org.medfed.engine.strategy.StrategyCatalog;
import org.medfed.engine.strategy.StrategyDescriptor;
import org.medfed.engine.strategy.robust.RobustRuleCatalog;
import org.medfed.engine.strategy.robust.RobustRuleDescriptor;
import picocli.CommandLine.Option;

/** The options that describe or override a study on the command line. */
final class StudyFlags {

    @Option(names = "--participant", paramLabel = "NAME=FILE", description = "a hospital and its CSV file (repeat)")
    List<String> participants = new ArrayList<>();

    @Option(names = "--label", paramLabel = "COLUMN", description = "the column to predict")
    String label;

    @Option(names = "--model", paramLabel = "logistic|mlp", description = "model family (default logistic)")
    String model;

    @Option(names = "--hidden", paramLabel = "SIZES", split = ",", description = "MLP hidden layer sizes, e.g. 32,16")
    List<Integer> hidden;

    @Option(names = "--strategy", paramLabel = "ID", completionCandidates = StrategyIdList.class,
            description = "one of: ${COMPLETION-CANDIDATES}")
    String strategy;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "a strategy parameter, e.g. mu=0.01 (repeat)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--local-steps", description = "mini-batch updates per participant per round")
    Integer localSteps;

    @Option(names = "--local-epochs", description = "passes over local data per round (when no --local-steps)")
    Integer localEpochs;

    @Option(names = "--batch-size")
    Integer batchSize;

    @Option(names = "--lr", description = "local learning rate")
    Double learningRate;

    @Option(names = "--optimizer", paramLabel = "sgd|adam")
    String optimizer;

    @Option(names = "--fraction", description = "share of participants sampled each round, in (0, 1]")
    Double fraction;

    @Option(names = "--min-participants")
    Integer minParticipants;

    @Option(names = "--normalization", paramLabel = "none|local|pooled")
    String normalization;

    @Option(names = "--separator", description = "CSV separator (default ,; 'tab' for tabs)")
    String separator;

    @Option(names = "--header", paramLabel = "auto|yes|no")
    String header;

    @Option(names = "--categorical", split = ",", paramLabel = "COLUMNS", description = "columns to treat as categories")
    List<String> categorical;

    @Option(names = "--drop", split = ",", paramLabel = "COLUMNS", description = "columns to leave out")
    List<String> drop;

    @Option(names = "--missing", paramLabel = "drop-rows|impute")
    String missing;

    @Option(names = "--label-rule", paramLabel = "as-is|nonzero-positive")
    String labelRule;

    @Option(names = "--train-fraction", description = "share of each hospital's rows used for training (default 0.8)")
    Double trainFraction;

    @Option(names = "--dp-noise", paramLabel = "Z", description = "client-level DP: noise multiplier")
    Double dpNoise;

    @Option(names = "--dp-epsilon", paramLabel = "EPS",
            description = "client-level DP: target epsilon (derives the noise when --dp-noise is not given)")
    Double dpEpsilon;

    @Option(names = "--dp-clip", paramLabel = "C", description = "client-level DP: clipping norm of an update (default 1)")
    Double dpClip;

    @Option(names = "--dp-delta", paramLabel = "D",
            description = "delta of the DP that is on (client-level, DP-SGD or both); on its own, client-level DP "
                    + "(default 0.001)")
    Double dpDelta;

    @Option(names = "--dp-adaptive-clipping", description = "client-level DP: adapt the clipping norm to the median update")
    boolean dpAdaptive;

    @Option(names = "--dp-noise-at-hospitals",
            description = "client-level DP: each hospital adds its share of the noise before its update leaves (what "
                    + "a hospital whose node requires DP checks; with --secure-aggregation the coordinator sees only "
                    + "the noised sum)")
    boolean dpAtHospitals;

    @Option(names = "--dp-sgd-epsilon", paramLabel = "EPS",
            description = "example-level DP-SGD in each hospital: target epsilon per hospital")
    Double dpSgdEpsilon;

    @Option(names = "--dp-sgd-noise", paramLabel = "Z", description = "example-level DP-SGD: noise multiplier")
    Double dpSgdNoise;

    @Option(names = "--dp-sgd-clip", paramLabel = "C", description = "example-level DP-SGD: per-example clipping norm")
    Double dpSgdClip;

    @Option(names = "--secure-aggregation", description = "the aggregator sees only the sum of the updates")
    boolean secureAggregation;

    @Option(names = "--paillier", description = "homomorphic (Paillier) aggregation of encrypted updates")
    boolean paillier;

    @Option(names = "--seeded-randomness",
            description = "reproducible privacy noise and masks, for teaching (gives no real privacy)")
    boolean seededRandomness;

    @Option(names = "--defence", paramLabel = "RULE", completionCandidates = DefenceForms.class,
            description = "robust rule, one of: ${COMPLETION-CANDIDATES}")
    String defence;

    @Option(names = "--clip-bound", paramLabel = "X", description = "robustness: clip each update's change to this norm")
    Double clipBound;

    @Option(names = "--attack", paramLabel = "NAME=SPEC", completionCandidates = AttackForms.class,
            description = "SIMULATION: make a hospital attack, e.g. hospital-b=scale:10; SPEC is one of: "
                    + "${COMPLETION-CANDIDATES}")
    Map<String, String> attacks = new LinkedHashMap<>();

    /** A study from the participant flags alone (no study file). */
    Study fromFlags() {
        if (participants.isEmpty()) {
            throw new BadInputException("give a study file, or at least one --participant NAME=FILE with --label COLUMN");
        }
        if (label == null) {
            throw new BadInputException("--label COLUMN is needed: the column the model should predict ('medfed "
                    + "inspect FILE' names the columns that could be it)");
        }
        List<ParticipantEntry> entries = new ArrayList<>();
        for (String p : participants) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new BadInputException("--participant " + p + ": expected NAME=FILE, e.g. hospital-a=data/a.csv");
            }
            entries.add(new ParticipantEntry(p.substring(0, eq), Path.of(p.substring(eq + 1)).toAbsolutePath().toString()));
        }
        return apply(Study.empty().withName("Command-line study").withParticipants(entries)
                .withData(DataSection.forLabel(label)));
    }

    /** {@code study} with every given flag applied over it. */
    Study apply(Study study) {
        checkNumbers();
        Study s = study;
        if (label != null || separator != null || header != null || categorical != null || drop != null
                || missing != null || labelRule != null || trainFraction != null || normalization != null) {
            DataSection d = s.data() == null ? DataSection.forLabel(label) : s.data();
            Map<String, String> types = new LinkedHashMap<>(d.types());
            if (categorical != null) {
                categorical.forEach(c -> types.put(c, "categorical"));
            }
            d = new DataSection(or(separator, d.separator()), or(header, d.header()), d.missingValues(), d.columnNames(),
                    or(label, d.label()), d.features(), drop == null ? d.drop() : drop, types, or(missing, d.missing()),
                    d.dropFirstLevel(), or(normalization, d.normalization()), or(labelRule, d.labelRule()),
                    trainFraction == null ? d.trainFraction() : trainFraction, d.splitSeed(), d.stratify(), d.keep(),
                    d.classNames());
            s = s.withData(d);
        }
        if (model != null || hidden != null) {
            s = s.withModel(new ModelSection(or(model, hidden != null ? "mlp" : s.model().type()),
                    hidden == null ? s.model().hidden() : hidden));
        }
        if (strategy != null || !params.isEmpty()) {
            Map<String, Double> values = new LinkedHashMap<>(strategy == null ? s.strategy().parameters() : Map.of());
            params.forEach((k, v) -> {
                try {
                    values.put(k, Double.parseDouble(v));
                } catch (NumberFormatException e) {
                    throw new BadInputException("--param " + k + "=" + v + ": the value must be a number");
                }
            });
            s = s.withStrategy(new StrategySection(or(strategy, s.strategy().id()), values));
        }
        s = protections(s);
        TrainingSection t = s.training();
        if (localSteps != null || localEpochs != null || batchSize != null || learningRate != null || optimizer != null
                || fraction != null || minParticipants != null) {
            Integer steps = localSteps != null ? localSteps : (localEpochs != null ? Integer.valueOf(0) : t.localSteps());
            Integer epochs = localEpochs != null ? localEpochs : (localSteps != null ? Integer.valueOf(0) : t.localEpochs());
            s = s.withTraining(new TrainingSection(t.rounds(), steps, epochs, or(batchSize, t.batchSize()),
                    or(learningRate, t.learningRate()), or(optimizer, t.optimizer()), or(fraction, t.fraction()),
                    or(minParticipants, t.minParticipants()), t.timeoutSeconds()));
        }
        return s;
    }

    private Study protections(Study study) {
        Study s = study;
        if (dpNoise != null || dpEpsilon != null || dpClip != null || dpDelta != null || dpAdaptive || dpAtHospitals
                || secureAggregation || paillier || seededRandomness || dpSgdEpsilon != null || dpSgdNoise != null
                || dpSgdClip != null) {
            PrivacySection p = s.privacy() == null ? new PrivacySection(null, null, null, null) : s.privacy();
            PrivacySection.DpSection dp = p.dp();
            boolean clientLevelFlags = dpNoise != null || dpEpsilon != null || dpClip != null || dpAdaptive
                    || dpAtHospitals;
            boolean dpSgdFlags = dpSgdEpsilon != null || dpSgdNoise != null || dpSgdClip != null;
            // --dp-delta is the delta of whichever DP is on; only on its own does it stand for client-level DP
            boolean deltaForClientLevel = dpDelta != null && (dp != null || !dpSgdFlags && p.dpSgd() == null);
            if (clientLevelFlags || deltaForClientLevel) {
                PrivacySection.DpSection old = dp == null ? new PrivacySection.DpSection(null, null, null, null, null, null) : dp;
                dp = new PrivacySection.DpSection(or(dpClip, old.clipNorm()), dpNoise != null ? dpNoise
                        : (dpEpsilon != null ? null : old.noiseMultiplier()), or(dpDelta, old.delta()),
                        or(dpEpsilon, old.targetEpsilon()), dpAtHospitals ? "participants" : old.noisePlacement(),
                        dpAdaptive || old.adaptiveClipping());
            }
            p = new PrivacySection(dp, p.dpSgd(),
                    secureAggregation && p.secureAggregation() == null ? new PrivacySection.SecureAggregationSection(null, null)
                            : p.secureAggregation(),
                    paillier && p.paillier() == null ? new PrivacySection.PaillierSection(null, null, null, null) : p.paillier(),
                    seededRandomness ? "seeded" : p.randomness());
            if (dpSgdFlags || dpDelta != null && p.dpSgd() != null) {
                var old = p.dpSgd() == null ? new PrivacySection.DpSgdSection(null, null, null, null) : p.dpSgd();
                p = p.withDpSgd(new PrivacySection.DpSgdSection(or(dpSgdClip, old.clipNorm()),
                        dpSgdNoise != null ? dpSgdNoise : (dpSgdEpsilon != null ? null : old.noiseMultiplier()),
                        or(dpSgdEpsilon, old.targetEpsilon()), or(dpDelta, old.delta())));
            }
            s = s.withPrivacy(p);
        }
        if (defence != null || clipBound != null) {
            DefenceSection d = s.defence() == null ? new DefenceSection(null, null) : s.defence();
            s = s.withDefence(new DefenceSection(or(defence, d.rule()), or(clipBound, d.clipBound())));
        }
        if (!attacks.isEmpty()) {
            List<ParticipantEntry> entries = new ArrayList<>();
            Map<String, String> remaining = new LinkedHashMap<>(attacks);
            for (ParticipantEntry e : s.participants()) {
                String a = remaining.remove(e.name());
                entries.add(a == null ? e : new ParticipantEntry(e.name(), e.data(), e.weight(), e.enabled(), a));
            }
            if (!remaining.isEmpty()) {
                throw new BadInputException("--attack names unknown participants: " + String.join(", ", remaining.keySet()));
            }
            s = s.withParticipants(entries);
        }
        return s;
    }

    /**
     * The numbers given as options, against the same limits as the study file's, but named as the user typed them
     * and before anything is read or written.
     */
    private void checkNumbers() {
        check(Limit.LEARNING_RATE, "--lr", learningRate);
        check(Limit.FRACTION, "--fraction", fraction);
        check(Limit.LOCAL_STEPS, "--local-steps", localSteps);
        check(Limit.LOCAL_EPOCHS, "--local-epochs", localEpochs);
        check(Limit.BATCH_SIZE, "--batch-size", batchSize);
        check(Limit.MIN_PARTICIPANTS, "--min-participants", minParticipants);
        if (hidden != null) {
            hidden.forEach(h -> check(Limit.HIDDEN_UNITS, "--hidden", h));
        }
    }

    static void check(Limit limit, String option, Number value) {
        if (value != null) {
            limit.named(option).check(value.doubleValue());
        }
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

    /** The strategies of the catalogue, for the help text. */
    static final class StrategyIdList implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return StrategyCatalog.all().stream().map(StrategyDescriptor::id).iterator();
        }
    }

    /** The robust rules of the catalogue as they are written, for the help text. */
    static final class DefenceForms implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return RobustRuleCatalog.all().stream().map(RobustRuleDescriptor::syntax).iterator();
        }
    }

    /** The attacks of the catalogue as they are written, for the help text. */
    static final class AttackForms implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return org.medfed.attack.AttackCatalog.all().stream()
                    .map(org.medfed.attack.AttackKind::syntax).iterator();
        }
    }
}
