package org.medfed.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.medfed.benchmark.AttackBenchmark;
import org.medfed.benchmark.BenchmarkReport;
import org.medfed.benchmark.PersonalisationBenchmark;
import org.medfed.engine.strategy.StrategyCatalog;
import org.medfed.benchmark.TabularLoading;
import org.medfed.benchmark.PrivacyBenchmark;
import org.medfed.benchmark.TrainingTradeOffs;
import org.medfed.benchmark.BenchmarkRow;
import org.medfed.benchmark.BreastMnistBenchmark;
import org.medfed.benchmark.CompactionBenchmark;
import org.medfed.benchmark.EngineOverhead;
import org.medfed.benchmark.ImageTrainingSpeed;
import org.medfed.benchmark.MachineFacts;
import org.medfed.benchmark.FedHeartDiseaseBenchmark;
import org.medfed.benchmark.NetworkBenchmark;
import org.medfed.benchmark.NetworkReport;
import org.medfed.concurrency.Workers;
import org.medfed.data.ExampleSet;
import org.medfed.engine.BadInputException;
import org.medfed.io.AtomicFiles;
import org.medfed.io.FileProblem;
import org.medfed.io.OutputFolder;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.study.PreparedStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medfed benchmark}: reference benchmarks with published figures beside ours. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Runs a reference benchmark and prints our figures beside the published ones.",
                "fed-heart-disease: FLamby's protocol on the UCI heart-disease files of 4 hospitals.",
                "attacks: FedAvg and each robust rule against 0, 1 and 2 simulated attackers of each kind.",
                "privacy: accuracy against epsilon on Fed-Heart-Disease, beside FLamby's DP table.",
                "breastmnist: the CNN on BreastMNIST split over 3 simulated hospitals (IID and label-skewed): "
                        + "federated, each alone, pooled; --data is the folder of breastmnist.npz.",
                "compact: size and accuracy of pruned and int8 models (Fed-Heart MLP, BreastMNIST CNN); --data is the "
                        + "shared data folder holding uci-heart-disease and medmnist-breastmnist.",
                "network: per-round time and bytes of one FedAvg study in process and over loopback nodes (gRPC, "
                        + "mutual TLS), with and without secure aggregation; needs no data.",
                "async: synchronous FedAvg against FedAsync and FedBuff with one hospital ten times slower, on the "
                        + "simulated clock; --data is the heart-disease folder, --images the BreastMNIST one (optional).",
                "compression: accuracy against bytes for each update codec; --data and --images as for async.",
                "personalisation: each hospital's accuracy of the shared model, its own model alone and each "
                        + "personalised model (fine-tuned, FedPer, Ditto, chosen on held-out rows) with intervals, on Fed-Heart-Disease and "
                        + "label-skewed BreastMNIST; --data is the shared data folder holding uci-heart-disease and "
                        + "medmnist-breastmnist; --rounds sets the BreastMNIST rounds (default 30), which runs with the "
                        + "first seed only.",
                "engine-overhead: what the round loop adds to one hospital's training (20 rounds of 1 epoch against "
                        + "20 epochs alone, alternated; --repetitions, default 5); needs no data.",
                "image-training: the BreastMNIST CNN's images/s with 1, 2 and 4 hospitals training at once (--nodes), "
                        + "threads as the program sets them against ND4J's default; --data is the BreastMNIST folder "
                        + "(optional: random images otherwise); scripts/training-speed-benchmark.sh runs PyTorch beside "
                        + "it.",
                "tabular-loading: data preparation of synthetic CSVs (--rows over 4 hospitals, default 1,000,000; "
                        + "written once into --data, default target/tabular-loading) against a plain commons-csv parse "
                        + "of the same files, alternated (--repetitions, default 3), with the heap each needs; run it "
                        + "with -Xmx1g to hold it to issue 18's heap target."})
final class BenchmarkCommand implements Callable<Integer> {

    /** The benchmarks, for the help and for the message about an unknown name. */
    static final String NAMES = "fed-heart-disease, attacks, privacy, breastmnist, compact, network, async, compression, "
            + "personalisation, engine-overhead, image-training, tabular-loading";

    @Parameters(paramLabel = "NAME", description = "one of: " + NAMES)
    String name;

    @Option(names = "--study", paramLabel = "STUDY.json", defaultValue = "sample-projects/heart-4-hospitals/study.json",
            description = "attacks: the sample study attacked besides Fed-Heart-Disease")
    Path study;

    @Option(names = "--data", paramLabel = "DIR",
            description = "folder with the benchmark's data files (every benchmark but network)")
    Path data;

    @Option(names = "--images", paramLabel = "DIR",
            description = "async and compression: the BreastMNIST folder (breastmnist.npz); left out, only "
                    + "Fed-Heart-Disease is run")
    Path images;

    @Option(names = "--codecs", split = ",", paramLabel = "LIST",
            description = "compression: the rows to run besides float32, as codec ids (delta, quantise, topk, "
                    + "topk-quantise) with the bits after a colon if wanted, e.g. quantise:8 (default: every row)")
    List<String> codecs = new ArrayList<>();

    @Option(names = "--nodes", split = ",", paramLabel = "LIST",
            description = "network: the numbers of hospitals to measure (default 4,16,64); image-training: the numbers "
                    + "of hospitals training at once (default 1,2,4)")
    List<Integer> nodes = new ArrayList<>();

    @Option(names = "--rounds", paramLabel = "N", description = "network: FedAvg rounds per run (default "
            + NetworkBenchmark.Settings.DEFAULT_ROUNDS + "); compact and personalisation: FedAvg rounds of the "
            + "BreastMNIST CNN (default 30)")
    Integer rounds;

    @Option(names = "--hidden", split = ",", paramLabel = "LIST", description = "network: the synthetic hospitals "
            + "train an MLP with hidden layers of these widths instead of logistic regression (21 parameters); "
            + "256,256,128 gives 104,193 parameters, the size of issue 18's secure-aggregation target")
    List<Integer> hidden = new ArrayList<>();

    @Option(names = "--rows", paramLabel = "N", description = "tabular-loading: rows over all hospitals (default "
            + TabularLoading.DEFAULT_ROWS + ")")
    Integer rows;

    @Option(names = "--repetitions", paramLabel = "N", description = "network: timed runs of each variant per "
            + "number of hospitals, after warm-up runs (default " + NetworkBenchmark.Settings.DEFAULT_REPETITIONS + ")")
    Integer repetitions;

    @Option(names = "--seeds", split = ",", paramLabel = "LIST",
            description = "seeds (default 42,43,44,45,46; attacks and breastmnist: 42,43,44)")
    List<Long> seeds = new ArrayList<>();

    @Option(names = "--methods", split = ",", paramLabel = "IDS",
            description = "personalisation: only these personalising strategies (ids, e.g. fedbn), beside the shared "
                    + "model (from fine-tuning's rounds) and each hospital alone; default: all")
    List<String> methods = new ArrayList<>();

    @Option(names = "--image-seeds", split = ",", paramLabel = "LIST",
            description = "personalisation: seeds of the BreastMNIST CNN, minutes a run (default: the first of --seeds)")
    List<Long> imageSeeds = new ArrayList<>();

    @Option(names = "--splits", defaultValue = "10", paramLabel = "N",
            description = "further train/test splits to run beside the protocol's (0 for none; default 10)")
    int splits;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the table as .md and .csv")
    Path out;

    @Option(names = "--force", description = "replace the report already in the --out folder (otherwise a folder that "
            + "holds anything is refused)")
    boolean force;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final Workers workers;

    BenchmarkCommand(Workers workers) {
        this.workers = workers;
    }

    @Override
    public Integer call() throws Exception {
        if (data == null && !List.of("network", "engine-overhead", "image-training", "tabular-loading").contains(name)) {
            throw new BadInputException("benchmark " + name + " needs --data DIR, the folder of its data files");
        }
        if (name.equals("breastmnist")) {
            return BreastMnistRun.run(data, seeds.isEmpty() ? List.of(42L, 43L, 44L) : seeds, out, force, spec.commandLine());
        }
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> progress = line -> {
            err.println(line);
            err.flush();
        };
        String markdown;
        String csv = null;
        if (!methods.isEmpty() && !name.equals("personalisation")) {
            throw new BadInputException("--methods is an option of the personalisation benchmark, not of " + name);
        }
        switch (name) {
            case "fed-heart-disease" -> {
                List<Long> s = seeds.isEmpty() ? List.of(42L, 43L, 44L, 45L, 46L) : seeds;
                List<FedHeartDiseaseBenchmark.Method> methods = new ArrayList<>(FedHeartDiseaseBenchmark.flambyMethods());
                methods.addAll(FedHeartDiseaseBenchmark.ourMethods());
                List<BenchmarkRow> rows = FedHeartDiseaseBenchmark.run(data, methods, s, splits, progress);
                markdown = BenchmarkReport.markdown("Fed-Heart-Disease (FLamby protocol)", command(s, " --splits " + splits),
                        rows, s, splits, machine());
                csv = BenchmarkReport.csv(rows);
            }
            case "attacks" -> markdown = attacks(seeds.isEmpty() ? List.of(42L, 43L, 44L) : seeds, progress);
            case "privacy" -> {
                List<Long> s = seeds.isEmpty() ? List.of(42L, 43L, 44L, 45L, 46L) : seeds;
                var rows = PrivacyBenchmark.run(FedHeartDiseaseBenchmark.Data.load(data), PrivacyBenchmark.methods(), s,
                        progress);
                markdown = PrivacyBenchmark.markdown(command(s, ""), rows, s);
            }
            case "compact" -> {
                long seed = seeds.isEmpty() ? 42L : seeds.get(0);
                markdown = CompactionBenchmark.markdown("java -jar target/medfed.jar benchmark compact --data " + data
                        + " --seeds " + seed + (rounds != null ? " --rounds " + rounds : ""), seed,
                        CompactionBenchmark.run(data, seed, rounds, progress));
            }
            case "network" -> {
                NetworkBenchmark.Settings settings = networkSettings();
                NetworkReport report = QuietNodeLog.during(() -> NetworkBenchmark.run(workers, settings, progress));
                markdown = report.markdown(networkCommand(settings));
                csv = report.csv();
            }
            case "personalisation" -> {
                List<Long> s = seeds.isEmpty() ? List.of(42L, 43L, 44L) : seeds;
                int cnnRounds = rounds == null ? 30 : rounds;
                List<Long> cnnSeeds = imageSeeds.isEmpty() ? s.subList(0, 1) : imageSeeds;
                List<PersonalisationBenchmark.Setting> settings = new ArrayList<>(List.of(
                        PersonalisationBenchmark.heart(data.resolve("uci-heart-disease")),
                        PersonalisationBenchmark.heartMlp(data.resolve("uci-heart-disease")),
                        PersonalisationBenchmark.breastMnist(data.resolve("medmnist-breastmnist"), 3, 0.5, cnnRounds, 42)));
                if (!methods.isEmpty()) {
                    methods.forEach(StrategyCatalog::require);
                    settings = settings.stream().flatMap(st -> PersonalisationBenchmark.only(st,
                            java.util.Set.copyOf(methods)).stream()).toList();
                }
                List<PersonalisationBenchmark.Result> results = new ArrayList<>();
                for (PersonalisationBenchmark.Setting setting : settings) {
                    progress.accept(setting.title());
                    // the CNN takes minutes per run on 2 cores: by default its table uses the first seed only
                    results.add(PersonalisationBenchmark.run(setting, setting.spec().isImageModel() ? cnnSeeds : s,
                            progress));
                }
                markdown = PersonalisationBenchmark.markdown(command(s, (rounds == null ? "" : " --rounds " + rounds)
                        + (imageSeeds.isEmpty() ? "" : " --image-seeds " + String.join(",",
                        imageSeeds.stream().map(String::valueOf).toList()))
                        + (methods.isEmpty() ? "" : " --methods " + String.join(",", methods))), results);
                csv = PersonalisationBenchmark.csv(results);
            }
            case "engine-overhead" -> markdown = engineOverhead(progress);
            case "image-training" -> markdown = imageTraining(progress);
            case "tabular-loading" -> markdown = tabularLoading(progress);
            case "async", "compression" -> {
                List<Long> s = seeds.isEmpty() ? List.of(42L, 43L, 44L) : seeds;
                if (!codecs.isEmpty() && !name.equals("compression")) {
                    throw new BadInputException("--codecs is an option of the compression benchmark, not of " + name);
                }
                markdown = "Command: `" + command(s, (images == null ? "" : " --images " + images)
                        + (codecs.isEmpty() ? "" : " --codecs " + String.join(",", codecs))) + "`\n\n"
                        + TrainingTradeOffs.markdown(name, data, images, s, codecs, progress);
            }
            default -> throw new BadInputException("benchmark '" + name
                    + "' is unknown; available: " + NAMES);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(markdown);
        stdout.flush();
        if (out != null) {
            Map<String, String> files = new LinkedHashMap<>();
            files.put(name + ".md", markdown);
            if (csv != null) {
                files.put(name + ".csv", csv);
            }
            write(out, force, files);
            err.println("written to " + out.toAbsolutePath());
        }
        return MedFedCommand.OK;
    }

    /**
     * Writes a benchmark's report files into {@code dir} as an {@link OutputFolder}: locked, the earlier report's
     * files replaced only when {@code replace}, and marked finished once all are written.
     */
    static void write(Path dir, boolean replace, Map<String, String> files) {
        try (OutputFolder folder = OutputFolder.claim(dir, "benchmark", replace ? OutputFolder.Mode.REPLACE
                : OutputFolder.Mode.NEW, List.copyOf(files.keySet()))) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = dir.resolve(f.getKey());
                try {
                    AtomicFiles.write(file, f.getValue().getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw FileProblem.of(file, "could not be written", e);
                }
            }
            folder.finish();
        }
    }

    private String attacks(List<Long> s, Consumer<String> progress) {
        FedHeartDiseaseBenchmark.Data heart = FedHeartDiseaseBenchmark.Data.load(data);
        AttackBenchmark.Setting flamby = new AttackBenchmark.Setting("Fed-Heart-Disease",
                FedHeartDiseaseBenchmark.sites(heart.pooled()), heart.spec(), "weighted-fedavg",
                FedHeartDiseaseBenchmark.ourTraining(), FedHeartDiseaseBenchmark.FLAMBY_ROUNDS);
        String a = AttackBenchmark.markdown("Attacks on Fed-Heart-Disease", command(s, ""),
                AttackBenchmark.run(flamby, s, progress), s, "our recommended FedAvg (pooled z-scores, SGD lr 0.01, "
                        + "batch 4, 100 steps x 15 rounds)");
        PreparedStudy sample = PreparedStudy.prepare(StudyFile.load(study), study, workers);
        Study st = sample.study();
        AttackBenchmark.Setting own = new AttackBenchmark.Setting(st.name(), sample.data().sites(), sample.spec(),
                st.strategy().id(), st.training().localTraining(), st.training().rounds());
        String b = AttackBenchmark.markdown("Attacks on the sample study", command(s, " --study " + study),
                AttackBenchmark.run(own, s, progress), s, "the study's own settings (" + st.strategy().id() + ", "
                        + st.training().rounds() + " rounds)");
        return a + "\n" + b;
    }

    private String engineOverhead(Consumer<String> progress) {
        int n = repetitions == null ? 5 : repetitions;
        String before = MachineFacts.now().describe();
        EngineOverhead overhead = EngineOverhead.measure(workers, EngineOverhead.DEFAULT_ROWS, n, progress);
        return "Command: `java -jar target/medfed.jar benchmark engine-overhead --repetitions " + n + "`\n\n"
                + machineLines(before) + overhead.markdown();
    }

    private String tabularLoading(Consumer<String> progress) {
        int n = repetitions == null ? 3 : repetitions;
        int r = rows == null ? TabularLoading.DEFAULT_ROWS : rows;
        Path dir = data != null ? data : Path.of("target", "tabular-loading");
        String before = MachineFacts.now().describe();
        TabularLoading loading = TabularLoading.measure(workers, dir, r, 4, n, progress);
        return "Command: `java @target/jvm-options -Xmx1g -jar target/medfed.jar benchmark tabular-loading --rows " + r + " --repetitions "
                + n + "`\n\n" + machineLines(before) + loading.markdown();
    }

    private String imageTraining(Consumer<String> progress) {
        int n = repetitions == null ? 5 : repetitions;
        List<Integer> counts = nodes.isEmpty() ? List.of(1, 2, 4) : nodes;
        String before = MachineFacts.now().describe();
        String source;
        ExampleSet images;
        if (data != null) {
            images = BreastMnistBenchmark.Data.load(data).train();
            source = "BreastMNIST training images (" + images.size() + ")";
        } else {
            images = ImageTrainingSpeed.randomImages(1024, 1);
            source = "random 28x28 images";
        }
        ImageTrainingSpeed cnn = ImageTrainingSpeed.measure(workers, source, images, counts, 40, n, progress);
        return "Command: `java -jar target/medfed.jar benchmark image-training" + (data == null ? "" : " --data " + data)
                + " --nodes " + String.join(",", counts.stream().map(String::valueOf).toList()) + " --repetitions " + n
                + "`\n\n" + machineLines(before) + cnn.markdown();
    }

    private static String machineLines(String before) {
        return "Machine at the start: " + before + "  \nat the end: " + MachineFacts.now().describe() + "\n\n";
    }

    private NetworkBenchmark.Settings networkSettings() {
        NetworkBenchmark.Settings s = NetworkBenchmark.Settings.defaults();
        if (!nodes.isEmpty()) {
            s = s.withHospitals(nodes);
        }
        if (rounds != null) {
            s = s.withRounds(rounds);
        }
        if (repetitions != null) {
            s = s.withRepetitions(repetitions);
        }
        if (!hidden.isEmpty()) {
            s = s.withHidden(hidden);
        }
        return s;
    }

    private static String networkCommand(NetworkBenchmark.Settings s) {
        return "java -jar target/medfed.jar benchmark network --nodes "
                + String.join(",", s.hospitals().stream().map(String::valueOf).toList()) + " --rounds " + s.rounds()
                + " --repetitions " + s.repetitions()
                + (s.hidden().isEmpty() ? "" : " --hidden " + String.join(",", s.hidden().stream().map(String::valueOf)
                .toList()));
    }

    private String command(List<Long> s, String extra) {
        return "java -jar target/medfed.jar benchmark " + name + " --data " + data + " --seeds "
                + String.join(",", s.stream().map(String::valueOf).toList()) + extra;
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", participants trained one after another";
    }
}
