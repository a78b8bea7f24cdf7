package org.medfed.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.medfed.benchmark.BenchmarkReport;
import org.medfed.benchmark.BenchmarkRow;
import org.medfed.benchmark.FedHeartDiseaseBenchmark;
import org.medfed.engine.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medfed benchmark}: reference benchmarks with published figures beside ours. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Runs a reference benchmark and prints our figures beside the published ones.",
                "fed-heart-disease: FLamby's protocol on the UCI heart-disease files of 4 hospitals.",
                "breastmnist: the CNN on BreastMNIST split over 3 simulated hospitals (IID and label-skewed): "
                        + "federated, each alone, pooled; --data is the folder of breastmnist.npz."})
final class BenchmarkCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "fed-heart-disease or breastmnist")
    String name;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "folder with the benchmark's data files")
    Path data;

    @Option(names = "--seeds", split = ",", paramLabel = "LIST",
            description = "seeds (default 42,43,44,45,46 for fed-heart-disease, 42,43,44 for breastmnist)")
    List<Long> seeds;

    @Option(names = "--splits", defaultValue = "10", paramLabel = "N",
            description = "further train/test splits to run beside the protocol's (0 for none; default 10)")
    int splits;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the table as .md and .csv")
    Path out;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (name.equals("breastmnist")) {
            return BreastMnistRun.run(data, seeds == null ? List.of(42L, 43L, 44L) : seeds, out, spec.commandLine());
        }
        if (!name.equals("fed-heart-disease")) {
            throw new BadInputException("benchmark '" + name + "' is unknown; available: fed-heart-disease, breastmnist");
        }
        if (seeds == null) {
            seeds = List.of(42L, 43L, 44L, 45L, 46L);
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        List<FedHeartDiseaseBenchmark.Method> methods = new ArrayList<>(FedHeartDiseaseBenchmark.flambyMethods());
        methods.addAll(FedHeartDiseaseBenchmark.ourMethods());
        List<BenchmarkRow> rows = FedHeartDiseaseBenchmark.run(data, methods, seeds, splits, line -> {
            err.println(line);
            err.flush();
        });
        String command = "java -jar target/medfed.jar benchmark fed-heart-disease --data " + data
                + " --seeds " + String.join(",", seeds.stream().map(String::valueOf).toList()) + " --splits " + splits;
        String machine = Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", participants trained one after another";
        String markdown = BenchmarkReport.markdown("Fed-Heart-Disease (FLamby protocol)", command, rows, seeds, splits,
                machine);
        stdout.println(markdown);
        stdout.flush();
        if (out != null) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("fed-heart-disease.md"), markdown, StandardCharsets.UTF_8);
            Files.writeString(out.resolve("fed-heart-disease.csv"), BenchmarkReport.csv(rows), StandardCharsets.UTF_8);
            err.println("written to " + out.toAbsolutePath());
        }
        return MedFedCommand.OK;
    }
}
