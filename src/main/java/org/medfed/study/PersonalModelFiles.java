package org.medfed.study;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.medfed.data.tabular.FittedPreprocessing;
import org.medfed.engine.Evaluation;
import org.medfed.engine.ModelVector;
import org.medfed.engine.strategy.StrategyDescriptor;
import org.medfed.engine.strategy.StrategyCatalog;
import org.medfed.io.OutputFolder;
import org.medfed.model.Compaction;
import org.medfed.model.ModelFiles;
import org.medfed.model.ModelSpec;
import org.medfed.model.onnx.OnnxExport;
import org.medfed.project.ModelCard;
import org.medfed.project.ModelCardFile;
import org.medfed.project.Study;

/**
 * A model in a folder of its own: {@code model.zip}, {@code model.onnx} (with the table preprocessing in the graph)
 * and its card. The shared model of a run goes to {@code model/}; a hospital's personal model in a simulation to
 * the run's {@code personal/HOSPITAL/}, and over real nodes to the node's own state folder, from which it never
 * leaves.
 */
public final class PersonalModelFiles {

    private PersonalModelFiles() {
    }

    /** The model's files, then its card made knowing the ONNX file written. */
    static void write(Path dir, ModelSpec spec, ModelVector model, FittedPreprocessing tables, List<String> classes,
                      Function<ModelCard.OnnxInfo, ModelCard> card) {
        ModelFiles.save(spec, model, dir);
        ModelCard.OnnxInfo onnx = OnnxFiles.write(spec, model, Compaction.NONE, tables, classes, dir);
        ModelCardFile.save(card.apply(onnx), dir);
    }

    /**
     * The card's record of whose personal model it is and how it was made.
     *
     * @param kept the candidate the hospital kept when it chose between them, or null
     */
    static ModelCard.PersonalisationInfo how(String hospital, String method, String strategyId,
                                             Map<String, Double> sharedModelThere, String kept) {
        StrategyDescriptor d = StrategyCatalog.find(strategyId).orElse(null);
        return new ModelCard.PersonalisationInfo(hospital, method,
                d == null ? strategyId : d.name() + ": " + d.explanation(), sharedModelThere, kept);
    }

    /**
     * What a hospital's node knows of the study, for the card of the personal model it keeps.
     *
     * @param tables the table preprocessing the coordinator agreed (null for images)
     * @param images the images' preparation (null for tables)
     */
    public record AtNode(Study study, String hospital, ModelSpec spec, FittedPreprocessing tables,
                         ModelCard.ImagePreprocessing images, List<String> classes, int trainSize, int testSize) {
    }

    /**
     * A node's own personal model, into {@code dir} of its state folder (replacing the one of an earlier run, and
     * marked finished once whole, so that {@code medfed predict --model DIR} takes it), with a card of what the node
     * knows: the study's settings, this hospital's counts and its own test metrics.
     *
     * @param rounds the rounds of the federation the model was made after
     * @param kept   the candidate the hospital kept when it chose between them, or null
     */
    public static void writeAtNode(Path dir, AtNode node, ModelVector model, Evaluation own, String method, int rounds,
                                   String kept) {
        try (OutputFolder folder = OutputFolder.claim(dir, "personal model", OutputFolder.Mode.REPLACE,
                List.of(ModelFiles.MODEL_FILE, OnnxExport.FILE, ModelCardFile.NAME))) {
            Study study = node.study();
            Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
            metrics.put(node.hospital(), own.metrics());
            write(dir, node.spec(), model, node.tables(), node.classes(), onnx -> new ModelCard(
                    ModelCard.CURRENT_SCHEMA, new ModelCard.Software(RunOutputs.SOFTWARE, Version.current()),
                    Instant.now().toString(), new ModelCard.StudyRef(study.name(), null),
                    RunOutputs.modelInfo(node.spec(), node.classes(), study.data()), RunOutputs.inputFormat(study, node.images()), node.tables(),
                    node.images(), RunOutputs.trainingInfo(study, study.strategy().id(), rounds, "finished", study.seed()),
                    List.of(new ModelCard.ParticipantInfo(node.hospital(), node.trainSize(), node.testSize(), 1.0)),
                    metrics, null, null, onnx, null, null,
                    how(node.hospital(), method, study.strategy().id(), null, kept)));
            folder.finish();
        }
    }
}
