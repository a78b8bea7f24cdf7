package org.medfed.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.benchmark.BreastMnistBenchmark;
import org.medfed.benchmark.BreastMnistReport;
import org.medfed.benchmark.ImagingThroughput;
import picocli.CommandLine;

/** {@code medfed benchmark breastmnist}: runs the benchmark, measures speed, prints and writes the report. */
final class BreastMnistRun {

    private BreastMnistRun() {
    }

    static int run(Path data, List<Long> seeds, Path out, boolean force, CommandLine cl) throws IOException {
        PrintWriter err = cl.getErr();
        long t0 = System.nanoTime();
        BreastMnistBenchmark.Data loaded = BreastMnistBenchmark.Data.load(data);
        BreastMnistBenchmark.Settings settings = BreastMnistBenchmark.Settings.reported();
        List<BreastMnistBenchmark.Row> rows = BreastMnistBenchmark.run(loaded, settings, seeds, line -> {
            err.println(line);
            err.flush();
        });
        err.println("measuring decoding and training speed ...");
        err.flush();
        Path npz = Files.isDirectory(data) ? data.resolve("breastmnist.npz") : data;
        ImagingThroughput speed = ImagingThroughput.measure(npz, settings.spec(), loaded.train());
        double wall = (System.nanoTime() - t0) / 1e9;
        String command = "java -jar target/medfed.jar benchmark breastmnist --data " + data + " --seeds "
                + String.join(",", seeds.stream().map(String::valueOf).toList());
        String machine = Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", hospitals trained one after another";
        String markdown = BreastMnistReport.markdown(command, settings, seeds, rows, speed, machine, wall);
        PrintWriter stdout = cl.getOut();
        stdout.println(markdown);
        stdout.flush();
        if (out != null) {
            Map<String, String> files = new LinkedHashMap<>();
            files.put("breastmnist.md", markdown);
            files.put("breastmnist.csv", BreastMnistReport.csv(rows));
            BenchmarkCommand.write(out, force, files);
            err.println("written to " + out.toAbsolutePath());
        }
        return MedFedCommand.OK;
    }
}
