package org.medfed.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.medfed.data.tabular.FittedPreprocessing;
import org.medfed.data.tabular.Normalization;
import org.medfed.data.tabular.Standardization;
import org.medfed.engine.ModelVector;
import org.medfed.model.Compaction;
import org.medfed.model.ModelSpec;
import org.medfed.model.onnx.OnnxExport;
import org.medfed.project.ModelCard;

/**
 * The ONNX files of an exported model folder, written beside {@code model.zip}: {@code model.onnx}, and for a table
 * study standardised with each hospital's own statistics one file per hospital with that hospital's z-scores
 * ({@code model.onnx} then uses the pooled ones, as {@code medfed predict} does without {@code --participant}).
 */
final class OnnxFiles {

    private OnnxFiles() {
    }

    /** The bytes of {@code model.onnx}. */
    static byte[] main(ModelSpec spec, ModelVector params, Compaction compaction, FittedPreprocessing tables,
                       List<String> classes) {
        String version = Version.current();
        if (tables != null) {
            Standardization z = tables.normalization() == Normalization.NONE ? null : tables.pooled();
            return OnnxExport.tabular(spec, params, compaction, tables, z, version);
        }
        return spec.isImageModel() ? OnnxExport.images(spec, params, compaction, classes, version)
                : OnnxExport.features(spec, params, compaction, classes, version);
    }

    /**
     * @param tables  the card's table preprocessing, or null for image and genotype models
     * @param classes class names in label order (ignored by the U-Net)
     */
    static ModelCard.OnnxInfo write(ModelSpec spec, ModelVector params, Compaction compaction, FittedPreprocessing tables,
                                    List<String> classes, Path dir) {
        String version = Version.current();
        byte[] main = main(spec, params, compaction, tables, classes);
        Map<String, String> perParticipant = new TreeMap<>();
        if (tables != null && tables.normalization() == Normalization.LOCAL) {
            tables.perParticipant().forEach((name, own) -> {
                String file = "model-" + name.replaceAll("[^A-Za-z0-9._-]", "_") + ".onnx";
                OnnxExport.write(dir.resolve(file), OnnxExport.tabular(spec, params, compaction, tables, own, version));
                perParticipant.put(name, file);
            });
        }
        OnnxExport.write(dir.resolve(OnnxExport.FILE), main);
        return new ModelCard.OnnxInfo(OnnxExport.FILE, OnnxExport.OPSET,
                OnnxExport.inputs(main).stream().map(p -> new ModelCard.OnnxInput(p.name(), p.type(), p.description()))
                        .toList(),
                OnnxExport.outputs(main).stream().map(OnnxExport.Port::name).toList(), perParticipant);
    }
}
