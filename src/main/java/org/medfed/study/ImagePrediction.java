package org.medfed.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.medfed.data.csv.CsvWriter;
import org.medfed.data.image.ImageFiles;
import org.medfed.data.image.Preprocessing;
import org.medfed.data.image.RawImage;
import org.medfed.engine.BadInputException;
import org.medfed.metrics.ClassificationMetrics;
import org.medfed.model.ModelFiles;
import org.medfed.project.ImagingSection;
import org.medfed.project.ModelCard;

/**
 * Applies an exported image classifier to new images (one file, or a folder searched recursively; DICOM or anything
 * ImageIO reads) with exactly the preparation of training, which the model card records: window, channels, resize,
 * normalisation; augmentation never. Images in a folder named after one of the model's classes (as in a study's
 * class folders) count as labelled with it, and the summary gives the accuracy over them.
 */
final class ImagePrediction {

    /** Images decoded and prepared at once: a bound on memory for a large folder, whatever the image size. */
    private static final int BATCH = 256;

    private ImagePrediction() {
    }

    static Prediction.Summary predict(Path modelDir, ModelCard card, ModelFiles.TrainedModel model, Path input,
                                      Path output) {
        ModelCard.ImagePreprocessing images = card.imagePreprocessing();
        if (!ImagingSection.CLASSIFICATION.equals(images.task()) || model.isSegmentation()) {
            throw new BadInputException(modelDir, null, "holds a segmentation model; predict applies image "
                    + "classifiers (it writes no masks)");
        }
        List<Integer> shape = images.inputShape();
        if (!shape.equals(java.util.Arrays.stream(model.inputShape()).boxed().toList())) {
            throw new BadInputException(modelDir, null, "model.zip takes images of " + java.util.Arrays.toString(
                    model.inputShape()) + " but its card describes " + shape + ": the folder's files do not belong "
                    + "together");
        }
        Preprocessing preparation;
        try {
            preparation = images.settings().preprocessing();
        } catch (BadInputException e) {
            throw new BadInputException(modelDir, null, "the model card's imaging settings: " + e.getMessage(), e);
        }
        List<String> classes = images.classes();
        List<Path> files = files(input);
        List<String> columns = new ArrayList<>(List.of("file", "label", "predicted"));
        classes.forEach(c -> columns.add("probability_" + c));
        columns.add("note");
        List<String[]> rows = new ArrayList<>();
        int predicted = 0;
        int labelled = 0;
        int correct = 0;
        String firstSkip = null;
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH));
            List<float[]> inputs = new ArrayList<>();
            List<String[]> pending = new ArrayList<>();
            for (Path f : batch) {
                String[] row = new String[columns.size()];
                row[0] = name(input, f);
                row[1] = label(input, f, classes);
                String problem;
                try {
                    Optional<RawImage> image = ImageFiles.tryLoad(f);
                    problem = image.isEmpty() ? "not an image (neither DICOM nor PNG/JPEG/BMP/GIF)" : null;
                    if (image.isPresent()) {
                        inputs.add(preparation.apply(image.get(), 0L));
                        pending.add(row);
                    }
                } catch (BadInputException e) {
                    problem = e.getMessage();
                }
                if (problem != null) {
                    row[columns.size() - 1] = problem;
                    // a damaged file's message names it already
                    String named = problem.contains(f.getFileName().toString()) ? problem : row[0] + ": " + problem;
                    firstSkip = firstSkip == null ? named : firstSkip;
                }
                rows.add(row);
            }
            float[][] probabilities = inputs.isEmpty() ? new float[0][] : model.probabilities(inputs.toArray(float[][]::new));
            for (int k = 0; k < pending.size(); k++) {
                String[] row = pending.get(k);
                float[] p = probabilities[k];
                int c = ClassificationMetrics.predictedClass(p, classes.size());
                row[2] = classes.get(c);
                for (int j = 0; j < classes.size(); j++) {
                    double pj = p.length == 1 ? (j == 1 ? p[0] : 1 - p[0]) : p[j];
                    row[3 + j] = String.format(Locale.ROOT, "%.6f", pj);
                }
                predicted++;
                if (row[1] != null) {
                    labelled++;
                    correct += row[1].equals(row[2]) ? 1 : 0;
                }
            }
        }
        CsvWriter.write(output, columns, rows);
        return new Prediction.Summary(files.size(), predicted, files.size() - predicted, firstSkip,
                labelled > 0 ? (double) correct / labelled : null, null, "files",
                "the classes their folders name");
    }

    /** The file itself, or every file below the folder that is not hidden, in path order. */
    private static List<Path> files(Path input) {
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        if (!Files.isDirectory(input)) {
            throw new BadInputException(input, null, "not found: give an image file or a folder of images");
        }
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(input)) {
            walk.filter(Files::isRegularFile).filter(p -> !hidden(input.relativize(p))).sorted().forEach(out::add);
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(input, null, "could not be listed: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new BadInputException(input, null, "holds no files");
        }
        return out;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The file's path below the input folder (its name when a file was given), with forward slashes. */
    private static String name(Path input, Path file) {
        Path rel = Files.isDirectory(input) ? input.relativize(file) : file.getFileName();
        return rel.toString().replace('\\', '/');
    }

    /** The class its folder names, as a study's class folders do, or null. */
    private static String label(Path input, Path file, List<String> classes) {
        Path parent = file.getParent();
        String folder = parent == null || parent.getFileName() == null ? null : parent.getFileName().toString();
        return folder != null && classes.contains(folder) ? folder : null;
    }
}
