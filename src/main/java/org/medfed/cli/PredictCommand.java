package org.medfed.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.medfed.engine.BadInputException;
import org.medfed.study.Prediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medfed predict}: applies an exported model to the raw rows of a CSV file, or to images. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Applies an exported model (model folder or model.onnx) to a CSV file with the model card's preprocessing.",
                "An exported image model (model folder) is applied to an image or a folder of images (DICOM, PNG, JPEG).",
                "Writes the input columns (for images: the file, and the class its folder names) plus 'predicted' and "
                        + "one probability column per class.",
                "A segmentation model writes a mask per image (PNG) into the folder OUT-masks beside OUT.csv instead."})
final class PredictCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "DIR|FILE.onnx",
            description = "an exported model folder (model.zip and model-card.json), or an ONNX file exported by MedFed "
                    + "(model.onnx: it takes the raw columns and does the preprocessing itself)")
    Path model;

    @Option(names = "--input", required = true, paramLabel = "FILE.csv|IMAGES",
            description = "a CSV file for a model of table columns; for an image model an image, or a folder of "
                    + "images searched through its sub-folders (an image in a folder named after a class counts as "
                    + "that class, for the accuracy)")
    Path input;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "where to write predictions (default: beside the input, *.predictions.csv)")
    Path out;

    @Option(names = "--participant", paramLabel = "NAME",
            description = {"the hospital the file comes from: it is read with that hospital's import options and mapping "
                    + "(as the study read its file), and its own normalisation is used when the model was trained with "
                    + "each hospital's own statistics. Without it, a file that is one of the run's hospital files "
                    + "is read as that hospital's (for a model folder in its run folder)"})
    String participant;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Path target = out != null ? out : Prediction.defaultOutput(input);
        // a hospital's own file is read as that hospital's, as the workbench preselects it
        Optional<Prediction.OwnFile> own = Prediction.ownFile(model, input);
        boolean ownWay = participant == null && own.isPresent() && own.get().readItsOwnWay();
        boolean readAsOwn = ownWay && Prediction.readsFilesAsAHospital(model);
        Prediction.Summary summary;
        try {
            summary = Prediction.predictFile(model, input, readAsOwn ? own.get().hospital() : participant, target);
        } catch (BadInputException e) {
            if (!ownWay || readAsOwn) {
                throw e;
            }
            Path folder = model.toAbsolutePath().getParent();
            throw e.withAdvice("It is " + own.get().hospital() + "'s own file, which an ONNX file reads only in the "
                    + "study's common format: predict it with the model folder (--model " + folder + "), which reads "
                    + "it with that hospital's import options and mapping");
        }
        if (readAsOwn) {
            err.println("read as " + own.get().hospital() + "'s file, with that hospital's import options, mapping and "
                    + "statistics, as the study read it (--participant names another hospital)");
        }
        err.println(summary.describe());
        if (summary.accuracy() != null) {
            own.ifPresent(h -> err.println("note: " + Prediction.ownDataCaution(h.hospital())));
        }
        err.println("written to " + target.toAbsolutePath());
        return MedFedCommand.OK;
    }
}
