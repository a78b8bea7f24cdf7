package org.medfed.study;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.data.tabular.FittedPreprocessing;
import org.medfed.engine.BadInputException;
import org.medfed.io.OutputFolder;
import org.medfed.engine.ModelVector;
import org.medfed.model.Compaction;
import org.medfed.model.ModelFiles;
import org.medfed.model.ModelKind;
import org.medfed.model.ModelSpec;
import org.medfed.model.ModelTrainer;
import org.medfed.model.onnx.OnnxExport;
import org.medfed.project.ModelCard;
import org.medfed.project.ModelCardFile;
import org.medfed.project.StudyFile;

/**
 * Makes a compact copy of an exported model folder (pruned and/or int8, see {@link Compaction}) and measures what it
 * costs: the ONNX file's size, plain and gzip-compressed (pruned zeros only shrink a compressed file), and the
 * metric (accuracy, or Dice for the U-Net) on every hospital's test set of the study, before and after. The copy
 * has a {@code model.zip} with the weights the compact model computes with, a {@code model.onnx} with int8 weights
 * where asked, and a card that records all of it.
 */
public final class Compactor {

    /** The measured cost; {@code all} in the metric maps is over every hospital's test examples together. */
    public record Outcome(Path dir, ModelCard.CompactionInfo info) {
    }

    private Compactor() {
    }

    /**
     * @param replace whether an earlier output in {@code outDir} may be replaced (the user's {@code --force}); a
     *                folder holding anything else is refused, and one another command is writing
     */
    public static Outcome compact(Path modelDir, Path studyFile, Compaction compaction, Path outDir, boolean replace,
                                  String command) {
        if (compaction.isNone()) {
            throw new BadInputException("nothing to do: choose --prune FRACTION, --int8 or both");
        }
        if (outDir.toAbsolutePath().normalize().equals(modelDir.toAbsolutePath().normalize())) {
            throw new BadInputException(outDir, null, "is the model's own folder: the compact copy needs another one, "
                    + "so that the full model stays");
        }
        OutputFolder.requireFinishedPart(modelDir);
        ModelCard card = ModelCardFile.load(modelDir);
        ModelSpec spec = spec(card, modelDir);
        ModelVector params = ModelFiles.load(modelDir).parameters();
        if (params.size() != spec.parameterCount()) {
            throw new BadInputException(modelDir, null, "model.zip has " + params.size() + " parameters but its card "
                    + "describes a model of " + spec.parameterCount() + ": the folder's files do not belong together");
        }
        PreparedStudy prepared = PreparedStudy.prepare(StudyFile.load(studyFile), studyFile);
        if (!prepared.spec().equals(spec)) {
            throw new BadInputException(studyFile, null, "makes a " + prepared.spec() + " model, but the folder holds a "
                    + spec + " model: give the study the model was trained in");
        }
        if (prepared.data().sites().isEmpty()) {
            throw new BadInputException(studyFile, null, "is a study over nodes, whose test sets stay at the hospitals; "
                    + "measure a compact model on a study whose data this computer reads");
        }
        ModelVector compact = compaction.apply(spec, params);
        String metric = spec.kind() == ModelKind.UNET ? "dice" : "accuracy";
        FittedPreprocessing tables = prepared.data().tabularPreprocessing();
        List<String> classes = prepared.data().classes();
        byte[] full = OnnxFiles.main(spec, params, Compaction.NONE, tables, classes);
        byte[] small = OnnxFiles.main(spec, params, compaction, tables, classes);

        ModelCard.CompactionInfo info = new ModelCard.CompactionInfo(compaction.describe(), compaction.pruneFraction(),
                compaction.int8(), metric, metrics(prepared, spec, params, metric), metrics(prepared, spec, compact, metric),
                full.length, small.length, OnnxExport.gzippedSize(full), OnnxExport.gzippedSize(small), command);
        // the copy is an output folder like a run's: locked while written, marked finished once whole
        try (OutputFolder folder = OutputFolder.claim(outDir, "compact", replace ? OutputFolder.Mode.REPLACE
                : OutputFolder.Mode.NEW, List.of(ModelFiles.MODEL_FILE, ModelCardFile.NAME))) {
            ModelFiles.save(spec, compact, outDir);
            ModelCard.OnnxInfo onnx = OnnxFiles.write(spec, params, compaction, tables, classes, outDir);
            ModelCardFile.save(new ModelCard(card.schemaVersion(), card.software(), Instant.now().toString(),
                    card.study(), card.model(), card.input(), card.preprocessing(), card.imagePreprocessing(),
                    card.training(), card.participants(), card.metrics(), card.privacy(), card.communication(), onnx,
                    info, card.confidence()), outDir);
            folder.finish();
        }
        return new Outcome(outDir, info);
    }

    /** The metric per hospital test set and over all of them (a mean weighted by test examples). */
    private static Map<String, Double> metrics(PreparedStudy prepared, ModelSpec spec, ModelVector params, String metric) {
        Map<String, Double> out = new LinkedHashMap<>();
        double sum = 0;
        int n = 0;
        for (SiteData site : prepared.data().sites()) {
            if (site.test().size() == 0) {
                continue;
            }
            double v = ModelTrainer.create(spec, site.test(), site.test()).evaluate(params, site.test()).metric(metric);
            out.put(site.name(), v);
            sum += v * site.test().size();
            n += site.test().size();
        }
        out.put("all", n == 0 ? Double.NaN : sum / n);
        return out;
    }

    static ModelSpec spec(ModelCard card, Path modelDir) {
        ModelCard.ModelInfo m = card.model();
        if (m == null) {
            throw new BadInputException(modelDir, null, "its model card does not describe the model");
        }
        int[] shape = m.inputShape() != null ? m.inputShape().stream().mapToInt(Integer::intValue).toArray()
                : new int[] {m.inputSize()};
        int[] hidden = m.hidden() == null ? new int[0] : m.hidden().stream().mapToInt(Integer::intValue).toArray();
        int[] filters = m.filters() == null ? null : m.filters().stream().mapToInt(Integer::intValue).toArray();
        return new ModelSpec(ModelKind.parse(m.type()), shape, m.classCount(), hidden, filters,
                Boolean.TRUE.equals(m.batchNorm()));
    }

}
