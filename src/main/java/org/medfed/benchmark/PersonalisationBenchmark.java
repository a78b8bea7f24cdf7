package org.medfed.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.medfed.data.ExampleSet;
import org.medfed.data.split.HospitalSplitter;
import org.medfed.data.split.SplitRule;
import org.medfed.data.tabular.Normalization;
import org.medfed.data.tabular.TabularFederation;
import org.medfed.engine.AloneTraining;
import org.medfed.engine.Evaluation;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.PersonalResults;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunListener;
import org.medfed.engine.RunStatus;
import org.medfed.engine.Seeds;
import org.medfed.engine.strategy.StrategyCatalog;
import org.medfed.engine.strategy.StrategyIds;
import org.medfed.engine.strategy.personal.HeldOutChoice;
import org.medfed.metrics.Estimate;
import org.medfed.metrics.Proportion;
import org.medfed.model.ModelSpec;
import org.medfed.model.ModelTrainer;
import org.medfed.site.InProcessParticipant;
import org.medfed.transport.SameThreadTransport;

/**
 * Does personalising help each hospital? On Fed-Heart-Disease (FLamby's split, each centre z-scored with its own
 * statistics) and on BreastMNIST dealt into three hospitals with Dirichlet label skew, every hospital's test accuracy
 * of the shared model (FedAvg weighted by patients), of its own model trained alone, and of each personalised model
 * (FedAvg then fine-tuned, FedPer, Ditto, and the model each hospital chose on held-out rows), as the mean over
 * seeds with the 95% Wilson interval of a test set of that hospital's size. The verdict: is the best personalised method at least as good as the better of shared and alone
 * at every hospital, and better on average?
 *
 * <p>The shared model's figures come from the fine-tuning run (its rounds are weighted FedAvg's); participants train
 * one after another on the calling thread.
 */
public final class PersonalisationBenchmark {

    /** FLamby's fine-tuning on Fed-Heart-Disease (issue 16): mean accuracy over the 4 centres, before and after. */
    public static final double FLAMBY_BEFORE = 0.718;
    public static final double FLAMBY_AFTER = 0.735;

    public static final String SHARED = "Shared (FedAvg)";
    /** Far below a patient in any test set, far above the rounding of a mean of a few accuracies. */
    private static final double SAME = 1e-9;
    public static final String ALONE = "Alone";
    static final String FINE_TUNED = "Fine-tuned";
    static final String FEDPER = "FedPer";
    static final String DITTO = "Ditto";
    static final String CHOSEN = "Chosen";
    static final String FEDBN = "FedBN (CNN with batch norm)";
    /** FedBN's fair baselines: the same CNN with batch norm, shared (FedAvg weighted by patients) and alone. */
    static final String SHARED_BN = "Shared, CNN with batch norm";
    static final String ALONE_BN = "Alone, CNN with batch norm";

    /** One hospital's own training and test examples. */
    public record Hospital(String name, ExampleSet train, ExampleSet test) {
    }

    /**
     * A federation to personalise on, and how to train on it.
     *
     * @param federated  local training of each round (its seed is replaced per hospital and round)
     * @param alone      training of a hospital's own model on its rows only
     * @param methods    each personalising strategy's id and parameters, by the column they fill
     */
    public record Setting(String title, String description, ModelSpec spec, List<Hospital> hospitals, int rounds,
                          LocalTraining federated, LocalTraining alone, Map<String, Method> methods) {
    }

    /**
     * A personalising strategy of the catalogue with its parameters.
     *
     * @param batchNorm whether it trains the setting's CNN with a batch normalisation after each convolution (FedBN,
     *                  which keeps them at each hospital, needs them); the other columns train the CNN without
     */
    public record Method(String strategy, Map<String, Double> parameters, boolean batchNorm) {

        public Method(String strategy, Map<String, Double> parameters) {
            this(strategy, parameters, false);
        }

        String describe() {
            return strategy + (parameters.isEmpty() ? "" : " " + new TreeMap<>(parameters))
                    + (batchNorm ? " on the same CNN with a batch normalisation after each convolution" : "");
        }

        /** The model this method trains: the setting's, with batch norm when it needs it. */
        public ModelSpec spec(ModelSpec setting) {
            return batchNorm ? setting.withBatchNorm(true) : setting;
        }
    }

    /** A setting's accuracies: column (shared, alone, each method) -> hospital -> one accuracy per seed. */
    public record Result(Setting setting, List<Long> seeds, Map<String, Map<String, List<Double>>> accuracy,
                         Map<String, List<String>> choices) {

        public List<String> columns() {
            return List.copyOf(accuracy.keySet());
        }

        public List<String> hospitals() {
            return setting.hospitals().stream().map(Hospital::name).toList();
        }

        public int testSize(String hospital) {
            return setting.hospitals().stream().filter(h -> h.name().equals(hospital)).findFirst().orElseThrow()
                    .test().size();
        }

        /** Mean over seeds of {@code column}'s accuracy at {@code hospital}. */
        public double mean(String column, String hospital) {
            return BenchmarkRow.mean(accuracy.get(column).get(hospital));
        }

        /** That mean with the 95% Wilson interval of a test set of the hospital's size. */
        public Estimate estimate(String column, String hospital) {
            return Proportion.fromRate(mean(column, hospital), testSize(hospital)).wilson();
        }

        /** Mean over hospitals (unweighted, as FLamby's headline figure) of the per-hospital means. */
        public double overHospitals(String column) {
            return hospitals().stream().mapToDouble(h -> mean(column, h)).average().orElse(Double.NaN);
        }

        /** The personalised column with the highest mean over hospitals. */
        public String bestPersonalised() {
            return setting.methods().keySet().stream()
                    .max(java.util.Comparator.comparingDouble(this::overHospitals)).orElseThrow();
        }

        /** Hospitals where the best personalised method is below both the shared model and its own model. */
        public List<String> missedAt() {
            return missedAt(bestPersonalised());
        }

        /**
         * Hospitals where {@code column} is below both the shared model and the hospital's own model. Means of the
         * same patient counts summed in another order differ in their last bits: those are equal, not below.
         */
        public List<String> missedAt(String column) {
            return hospitals().stream()
                    .filter(h -> mean(column, h) < Math.max(mean(SHARED, h), mean(ALONE, h)) - SAME).toList();
        }

        /** Whether the best personalised method's mean beats the better of the shared and the alone means. */
        public boolean betterOnAverage() {
            return betterOnAverage(bestPersonalised());
        }

        public boolean betterOnAverage(String column) {
            return overHospitals(column) > Math.max(overHospitals(SHARED), overHospitals(ALONE));
        }

        public boolean targetMet() {
            return missedAt().isEmpty() && betterOnAverage();
        }
    }

    private PersonalisationBenchmark() {
    }

    /** Fed-Heart-Disease on FLamby's split with each centre's own z-scores, with FLamby's logistic model. */
    public static Setting heart(Path dir) {
        TabularFederation data = HeartDiseaseData.prepare(dir, Normalization.LOCAL);
        ModelSpec spec = ModelSpec.logistic(data.preprocessing().inputSize(), 2);
        return heartSetting("Fed-Heart-Disease, logistic regression (FLamby's model)", data, spec,
                Map.of(FINE_TUNED, new Method(StrategyIds.FEDAVG_FINETUNE, Map.of("epochs", 5.0, "learningRate", 0.01)),
                        DITTO, new Method(StrategyIds.DITTO, Map.of("lambda", 0.1)), CHOSEN, heartChoice()));
    }

    /** Fed-Heart-Disease with a hidden layer of 16, so that FedPer has a layer to keep at each hospital. */
    public static Setting heartMlp(Path dir) {
        TabularFederation data = HeartDiseaseData.prepare(dir, Normalization.LOCAL);
        ModelSpec spec = ModelSpec.mlp(data.preprocessing().inputSize(), 2, 16);
        return heartSetting("Fed-Heart-Disease, MLP with one hidden layer of 16", data, spec,
                Map.of(FINE_TUNED, new Method(StrategyIds.FEDAVG_FINETUNE, Map.of("epochs", 5.0, "learningRate", 0.01)),
                        FEDPER, new Method(StrategyIds.FEDPER, Map.of("personalLayers", 1.0)),
                        DITTO, new Method(StrategyIds.DITTO, Map.of("lambda", 0.1)), CHOSEN, heartChoice()));
    }

    /** The choice between shared, alone and fine-tuned, fine-tuning as the Fine-tuned column does. */
    private static Method heartChoice() {
        return new Method(StrategyIds.FEDAVG_CHOOSE, Map.of("folds", 5.0, "epochs", 5.0, "learningRate", 0.01));
    }

    private static Setting heartSetting(String title, TabularFederation data, ModelSpec spec,
                                        Map<String, Method> methods) {
        List<Hospital> hospitals = data.sites().stream().map(s -> new Hospital(s.name(), s.train(), s.test())).toList();
        return new Setting(title, "FLamby's split, each centre z-scored with its own training statistics; federated: "
                + "SGD lr 0.01, batch 4, 100 steps x 15 rounds; alone: Adam lr 0.001, batch 4, 50 epochs (FLamby's "
                + "local protocol)", spec, hospitals, FedHeartDiseaseBenchmark.FLAMBY_ROUNDS,
                FedHeartDiseaseBenchmark.ourTraining(),
                new LocalTraining(0, 50, FedHeartDiseaseBenchmark.FLAMBY_BATCH, LocalOptimizer.ADAM, 0.001, 0),
                ordered(methods));
    }

    /**
     * BreastMNIST's official train, validation and test images together dealt into {@code hospitals} hospitals with
     * Dirichlet(alpha) label skew; each hospital trains on its share of the official training images and is tested
     * on its share of the validation and test images, so that its test patients are skewed as its own.
     */
    public static Setting breastMnist(Path dir, int hospitals, double alpha, int rounds, long splitSeed) {
        BreastMnistBenchmark.Data data = BreastMnistBenchmark.Data.load(dir);
        ExampleSet all = data.train().concat(data.val()).concat(data.test());
        int trainSize = data.train().size();
        Map<String, int[]> split = HospitalSplitter.splitByLabels(all.labels(), hospitals,
                SplitRule.parse("dirichlet:" + alpha), splitSeed);
        List<Hospital> out = new ArrayList<>();
        split.forEach((name, rows) -> out.add(new Hospital(name,
                all.subset(Arrays.stream(rows).filter(r -> r < trainSize).toArray()),
                all.subset(Arrays.stream(rows).filter(r -> r >= trainSize).toArray()))));
        BreastMnistBenchmark.Settings cnn = BreastMnistBenchmark.Settings.reported();
        LocalTraining local = new LocalTraining(0, 1, cnn.batchSize(), LocalOptimizer.ADAM, cnn.learningRate(), 0);
        return new Setting("BreastMNIST, " + hospitals + " hospitals, Dirichlet alpha " + alpha + " label skew, CNN",
                "official train/val+test images dealt together (split seed " + splitSeed + "); CNN filters "
                        + Arrays.toString(cnn.filters()) + ", dense " + Arrays.toString(cnn.hidden()) + "; federated: Adam lr "
                        + cnn.learningRate() + ", batch " + cnn.batchSize() + ", " + rounds + " rounds x 1 epoch; alone: "
                        + rounds + " epochs", cnn.spec(), out, rounds, local,
                new LocalTraining(0, rounds, cnn.batchSize(), LocalOptimizer.ADAM, cnn.learningRate(), 0),
                ordered(Map.of(FINE_TUNED, new Method(StrategyIds.FEDAVG_FINETUNE,
                                Map.of("epochs", 3.0, "learningRate", cnn.learningRate())),
                        FEDPER, new Method(StrategyIds.FEDPER, Map.of("personalLayers", 1.0)),
                        DITTO, new Method(StrategyIds.DITTO, Map.of("lambda", 0.1)),
                        CHOSEN, new Method(StrategyIds.FEDAVG_CHOOSE,
                                Map.of("folds", 5.0, "epochs", 3.0, "learningRate", cnn.learningRate())),
                        FEDBN, new Method(StrategyIds.FEDBN, Map.of(), true))));
    }

    /**
     * {@code setting} with only the methods whose strategy id is in {@code strategies}, and fine-tuning, whose rounds
     * give the shared model's column; empty when none of them is in the setting.
     */
    public static java.util.Optional<Setting> only(Setting setting, java.util.Set<String> strategies) {
        Map<String, Method> kept = new LinkedHashMap<>();
        setting.methods().forEach((column, m) -> {
            if (column.equals(FINE_TUNED) || strategies.contains(m.strategy())) {
                kept.put(column, m);
            }
        });
        if (kept.size() == 1 && !strategies.contains(StrategyIds.FEDAVG_FINETUNE)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Setting(setting.title(), setting.description(), setting.spec(),
                setting.hospitals(), setting.rounds(), setting.federated(), setting.alone(), kept));
    }

    private static Map<String, Method> ordered(Map<String, Method> methods) {
        Map<String, Method> out = new LinkedHashMap<>();
        for (String c : List.of(FINE_TUNED, FEDPER, DITTO, CHOSEN, FEDBN)) {
            if (methods.containsKey(c)) {
                out.put(c, methods.get(c));
            }
        }
        return out;
    }

    /** Every column over every seed. */
    public static Result run(Setting setting, List<Long> seeds, Consumer<String> progress) {
        Map<String, Map<String, List<Double>>> accuracy = new LinkedHashMap<>();
        Map<String, List<String>> choices = new TreeMap<>();
        for (long seed : seeds) {
            for (Map.Entry<String, Method> m : setting.methods().entrySet()) {
                Personalised p = personalised(setting, m.getValue(), seed);
                if (m.getKey().equals(FINE_TUNED)) {
                    add(accuracy, SHARED, p.shared(), progress, seed);
                }
                add(accuracy, m.getKey(), p.personal(), progress, seed);
                p.chosen().forEach((h, c) -> choices.computeIfAbsent(h, x -> new ArrayList<>()).add(c));
            }
            add(accuracy, ALONE, alone(setting, setting.spec(), seed), progress, seed);
            if (setting.methods().values().stream().anyMatch(Method::batchNorm)) {
                Method shared = setting.methods().get(FINE_TUNED);
                add(accuracy, SHARED_BN, personalised(setting, new Method(shared.strategy(), shared.parameters(), true),
                        seed).shared(), progress, seed);
                add(accuracy, ALONE_BN, alone(setting, setting.spec().withBatchNorm(true), seed), progress, seed);
            }
        }
        Map<String, Map<String, List<Double>>> ordered = new LinkedHashMap<>();
        ordered.put(SHARED, accuracy.get(SHARED));
        ordered.put(ALONE, accuracy.get(ALONE));
        if (accuracy.containsKey(SHARED_BN)) {
            ordered.put(SHARED_BN, accuracy.get(SHARED_BN));
            ordered.put(ALONE_BN, accuracy.get(ALONE_BN));
        }
        setting.methods().keySet().forEach(c -> ordered.put(c, accuracy.get(c)));
        return new Result(setting, List.copyOf(seeds), ordered, choices);
    }

    private static void add(Map<String, Map<String, List<Double>>> accuracy, String column, Map<String, Double> byHospital,
                            Consumer<String> progress, long seed) {
        byHospital.forEach((h, a) -> accuracy.computeIfAbsent(column, c -> new LinkedHashMap<>())
                .computeIfAbsent(h, x -> new ArrayList<>()).add(a));
        progress.accept(String.format(Locale.ROOT, "seed %d  %-16s %s", seed, column, byHospital.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue())).toList()));
    }

    /**
     * Each hospital's accuracy of the final shared model and of its own personalised model, and, when the hospitals
     * chose between models, which each kept.
     */
    record Personalised(Map<String, Double> shared, Map<String, Double> personal, Map<String, String> chosen) {
    }

    static Personalised personalised(Setting setting, Method method, long seed) {
        ModelSpec spec = method.spec(setting.spec());
        List<InProcessParticipant> participants = new ArrayList<>();
        for (Hospital h : setting.hospitals()) {
            participants.add(InProcessParticipant.of(h.name(), 1.0, ModelTrainer.create(spec, h.train(), h.test())));
        }
        RunConfig config = new RunConfig(setting.rounds(), 1.0, 1, setting.federated(), seed, Duration.ofHours(1));
        FederatedRun run = new FederatedRun(config, StrategyCatalog.create(method.strategy(), method.parameters(),
                spec.layout()), participants, new SameThreadTransport(), RunListener.NONE);
        RunHistory h = run.execute(FedHeartDiseaseBenchmark.initial(spec, seed), RunControl.free());
        if (h.status() != RunStatus.FINISHED) {
            throw new IllegalStateException(method.strategy() + " did not finish: " + h.message());
        }
        PersonalResults personal = run.personalise(h.model(), aloneTraining(setting, spec, seed), RunControl.free());
        if (!personal.failures().isEmpty()) {
            throw new IllegalStateException(method.strategy() + ": " + personal.failures());
        }
        Map<String, String> chosen = new TreeMap<>();
        participants.forEach(p -> HeldOutChoice.chosen(p.site().state())
                .ifPresent(c -> chosen.put(p.name(), c.label())));
        return new Personalised(accuracies(h.lastRound().orElseThrow().test()), accuracies(personal.test()), chosen);
    }

    private static Map<String, Double> accuracies(Map<String, Evaluation> test) {
        Map<String, Double> out = new TreeMap<>();
        test.forEach((h, e) -> out.put(h, e.metric("accuracy")));
        return out;
    }

    /** How each hospital's own model is trained alone (the hospitals that choose make it too). */
    private static AloneTraining aloneTraining(Setting setting, ModelSpec spec, long seed) {
        return new AloneTraining(FedHeartDiseaseBenchmark.initial(spec, seed),
                setting.alone().withSeed(Seeds.derive(seed, "baseline", 0)));
    }

    /** Each hospital's own model of {@code spec}, trained on its rows only and tested on its own test rows. */
    static Map<String, Double> alone(Setting setting, ModelSpec spec, long seed) {
        Map<String, Double> out = new TreeMap<>();
        AloneTraining alone = aloneTraining(setting, spec, seed);
        for (Hospital h : setting.hospitals()) {
            ModelTrainer trainer = ModelTrainer.create(spec, h.train(), h.test());
            ModelVector model = trainer.train(alone.start(), alone.plan(), GradientAdjustment.NONE,
                    RunControl.free()).params();
            out.put(h.name(), trainer.evaluate(model, h.test()).metric("accuracy"));
        }
        return out;
    }

    /** One table per setting, the verdict under it, and FLamby's fine-tuning figure beside ours for Fed-Heart-Disease. */
    public static String markdown(String command, List<Result> results) {
        StringBuilder sb = new StringBuilder("Command: `").append(command).append("`\n\n");
        sb.append("Each cell: test accuracy, mean over seeds, with the 95% Wilson interval of a test set of that "
                + "hospital's size (n). Shared: the final FedAvg model (weighted by patients); Alone: the hospital's "
                + "own model on its rows only; then each personalised model, made and kept at its hospital (Chosen: the "
                + "hospital's pick among shared, alone and fine-tuned, made and scored fold by fold on its training "
                + "rows, never its test rows). FedBN keeps each hospital's batch normalisations, so it is for models "
                + "with batch norm only: its column trains the same CNN with a batch normalisation after each "
                + "convolution, while Shared, Alone and the other columns train it without; its own baselines, the "
                + "CNN with batch norm shared (FedAvg) and alone, are the columns \"" + SHARED_BN + "\" and \""
                + ALONE_BN + "\". The verdict compares every method with Shared and Alone.\n");
        for (Result r : results) {
            sb.append("\n### ").append(r.setting().title()).append("\n\n").append(r.setting().description())
                    .append("; seeds ").append(r.seeds()).append(". Methods: ");
            sb.append(String.join("; ", r.setting().methods().entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue().describe()).toList())).append(".\n\n");
            sb.append("| hospital | n |");
            r.columns().forEach(c -> sb.append(' ').append(c).append(" |"));
            sb.append("\n|---|---|");
            r.columns().forEach(c -> sb.append("---|"));
            sb.append('\n');
            for (String h : r.hospitals()) {
                sb.append("| ").append(h).append(" | ").append(r.testSize(h)).append(" |");
                for (String c : r.columns()) {
                    Estimate e = r.estimate(c, h);
                    sb.append(String.format(Locale.ROOT, " %.3f [%.3f, %.3f] |", r.mean(c, h), e.low(), e.high()));
                }
                sb.append('\n');
            }
            sb.append("| mean of hospitals | |");
            r.columns().forEach(c -> sb.append(String.format(Locale.ROOT, " %.3f |", r.overHospitals(c))));
            sb.append("\n\n");
            String best = r.bestPersonalised();
            sb.append(String.format(Locale.ROOT, "Target %s. Best personalised method: %s (mean %.3f, against shared "
                            + "%.3f and alone %.3f): %s; %s.\n", r.targetMet() ? "MET" : "MISSED", best,
                    r.overHospitals(best), r.overHospitals(SHARED), r.overHospitals(ALONE),
                    r.missedAt().isEmpty() ? "at least as good as the better of shared and alone at every hospital"
                            : "below the better of shared and alone at " + String.join(", ", r.missedAt()),
                    r.betterOnAverage() ? "better on average" : "not better on average"));
            if (r.columns().contains(CHOSEN)) {
                sb.append(String.format(Locale.ROOT, "Chosen (each hospital's pick by cross-validation on its training rows; mean %.3f): %s; %s. "
                                + "Kept per seed: %s.\n",
                        r.overHospitals(CHOSEN), r.missedAt(CHOSEN).isEmpty()
                                ? "at least as good as the better of shared and alone at every hospital"
                                : "below the better of shared and alone at " + String.join(", ", r.missedAt(CHOSEN)),
                        r.betterOnAverage(CHOSEN) ? "better on average" : "not better on average",
                        String.join("; ", r.choices().entrySet().stream()
                                .map(e -> e.getKey() + " " + String.join(", ", e.getValue())).toList())));
            }
            if (r.setting().title().startsWith("Fed-Heart-Disease") && r.columns().contains(FINE_TUNED)) {
                sb.append(String.format(Locale.ROOT, "FLamby, FedAvg then fine-tuning (mean of the 4 centres): %.3f -> "
                                + "%.3f; ours: %.3f -> %.3f.\n", FLAMBY_BEFORE, FLAMBY_AFTER, r.overHospitals(SHARED),
                        r.overHospitals(FINE_TUNED)));
            }
        }
        return sb.toString();
    }

    /** Long format: setting,column,hospital,n,mean,sd,ci_low,ci_high,seeds. */
    public static String csv(List<Result> results) {
        StringBuilder sb = new StringBuilder("setting,model,hospital,n,accuracy_mean,accuracy_sd,ci_low,ci_high,seeds\n");
        for (Result r : results) {
            for (String c : r.columns()) {
                for (String h : r.hospitals()) {
                    Estimate e = r.estimate(c, h);
                    sb.append(String.format(Locale.ROOT, "\"%s\",%s,%s,%d,%.6f,%.6f,%.6f,%.6f,%d%n", r.setting().title(),
                            c, h, r.testSize(h), r.mean(c, h), BenchmarkRow.sd(r.accuracy().get(c).get(h)), e.low(),
                            e.high(), r.seeds().size()));
                }
            }
        }
        return sb.toString();
    }
}
