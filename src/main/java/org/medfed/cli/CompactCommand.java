package org.medfed.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medfed.model.Compaction;
import org.medfed.project.ModelCard;
import org.medfed.study.Compactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medfed compact}: a smaller copy of an exported model (pruned, int8), with its cost measured. */
@Command(name = "compact", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Makes a compact copy of an exported model: magnitude pruning and/or int8 weights.",
                "Measures the ONNX file's size and the test accuracy (Dice for a U-Net) on the study's hospitals "
                        + "before and after, prints them, and records them in the copy's model card.",
                "Example: medfed compact --model run/model --study study.json --prune 0.5 --int8 --out run/model-compact"})
final class CompactCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "an exported model folder (run/model)")
    Path model;

    @Option(names = "--study", required = true, paramLabel = "STUDY.json",
            description = "the study the model was trained in: its hospitals' test sets measure the cost")
    Path study;

    @Option(names = "--prune", paramLabel = "FRACTION", defaultValue = "0",
            description = "share of each layer's weights set to zero, smallest magnitude first (e.g. 0.5)")
    double prune;

    @Option(names = "--int8", description = "store weights as int8 with one scale per output unit (about 4x smaller)")
    boolean int8;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the compact copy (default: MODEL-compact)")
    Path out;

    @Option(names = "--force", description = "replace the outputs of an earlier compact in the --out folder")
    boolean force;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path target = out != null ? out : model.toAbsolutePath().normalize().resolveSibling(
                model.toAbsolutePath().normalize().getFileName() + "-compact");
        String command = "java -jar target/medfed.jar compact --model " + model + " --study " + study
                + (prune > 0 ? " --prune " + prune : "") + (int8 ? " --int8" : "") + (out != null ? " --out " + out : "")
                + (force ? " --force" : "");
        ModelCard.CompactionInfo info = Compactor.compact(model, study, new Compaction(prune, int8), target, force, command)
                .info();
        PrintWriter o = spec.commandLine().getOut();
        o.println("compaction: " + info.method());
        o.printf(Locale.ROOT, "model.onnx: %,d bytes -> %,d bytes (gzip-compressed: %,d -> %,d)%n", info.onnxBytesBefore(),
                info.onnxBytesAfter(), info.gzipBytesBefore(), info.gzipBytesAfter());
        if (info.onnxBytesAfter() >= info.onnxBytesBefore()) {
            o.println("note: this model is so small that the file's structure (and the int8 scales) outweigh its "
                    + "weights, so compaction does not make it smaller; it pays off from a few thousand weights on");
        }
        o.printf(Locale.ROOT, "%-24s %10s %10s%n", "test set", info.metric() + " before", "after");
        for (Map.Entry<String, Double> e : info.before().entrySet()) {
            o.printf(Locale.ROOT, "%-24s %10.4f %10.4f%n", e.getKey(), e.getValue(), info.after().get(e.getKey()));
        }
        o.flush();
        err.println("written to " + target);
        return MedFedCommand.OK;
    }
}
