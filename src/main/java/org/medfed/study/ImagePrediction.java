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
import org.medfed.data.image.Resize;
import org.medfed.engine.BadInputException;
import org.medfed.io.AtomicFiles;
import org.medfed.io.FileProblem;
import org.medfed.io.FileTrees;
import org.medfed.io.OutputFolder;
import org.medfed.metrics.ClassificationMetrics;
import org.medfed.model.ModelFiles;
import org.medfed.project.ImagingSection;
import org.medfed.project.ModelCard;

/**
 * Applies an exported image model to new images (one file, or a folder searched recursively; DICOM or anything
 * ImageIO reads) with exactly the preparation of training, which the model card records: window, channels, resize,
 * normalisation; augmentation never. A classifier's images in a folder named after one of its classes (as in a
 * study's class folders) count as labelled with it, and the summary gives the accuracy over them; a segmentation
 * model writes a mask per image ({@link #segment}).
 */
final class ImagePrediction {

    /** The command a masks folder is marked as written by. */
    private static final String PREDICT = "predict";

    /** Images decoded and prepared at once: a bound on memory for a large folder, whatever the image size. */
    private static final int BATCH = 256;

    private ImagePrediction() {
    }

    static Prediction.Summary predict(Path modelDir, ModelCard card, ModelFiles.TrainedModel model, Path input,
                                      Path output) {
        ModelCard.ImagePreprocessing images = card.imagePreprocessing();
        boolean segmentation = ImagingSection.SEGMENTATION.equals(images.task());
        if (segmentation != model.isSegmentation()) {
            throw new BadInputException(modelDir, null, "model.zip is " + (model.isSegmentation() ? "a segmentation"
                    : "a classifier") + " but its card describes a " + images.task() + ": the folder's files do not "
                    + "belong together");
        }
        List<Integer> shape = images.inputShape();
        // the U-Net's file records no image size (any size fits a fully convolutional network): the card's is used
        if (!segmentation && !shape.equals(java.util.Arrays.stream(model.inputShape()).boxed().toList())) {
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
        if (segmentation) {
            return segment(input, files, preparation, shape.stream().mapToInt(Integer::intValue).toArray(), model,
                    output);
        }
        List<String> columns = new ArrayList<>(List.of("file", "label", "predicted"));
        classes.forEach(c -> columns.add("probability_" + c));
        columns.add("note");
        List<String[]> rows = new ArrayList<>();
        int predicted = 0;
        int labelled = 0;
        int correct = 0;
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Pending> pending = readBatch(files.subList(from, Math.min(files.size(), from + BATCH)), input,
                    preparation, columns.size(), rows, (f, row) -> row[1] = label(f, classes));
            float[][] probabilities = pending.isEmpty() ? new float[0][] : model.probabilities(inputs(pending));
            for (int k = 0; k < pending.size(); k++) {
                String[] row = pending.get(k).row();
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
        return new Prediction.Summary(files.size(), predicted, files.size() - predicted, firstSkip(rows),
                labelled > 0 ? (double) correct / labelled : null, null, "files",
                "the classes their folders name");
    }

    /**
     * A segmentation model's masks: each image's foreground probabilities, resized back from the model's input to the
     * image's own size and thresholded at 0.5, as a PNG (255 foreground, 0 background) in the folder beside
     * {@code output} ({@link #masksFolder}), under the image's own path; {@code output} lists them with each
     * image's foreground share. The masks folder is an output folder of its own: marked finished once every mask
     * is in it.
     */
    private static Prediction.Summary segment(Path input, List<Path> files, Preprocessing preparation, int[] shape,
                                              ModelFiles.TrainedModel model, Path output) {
        Path masks = masksFolder(output);
        List<String> maskNames = files.stream().map(f -> maskName(input, f)).toList();
        if (OutputFolder.isFinished(masks)) {
            String command = OutputFolder.finished(masks).command();
            if (!PREDICT.equals(command)) {
                throw new BadInputException(masks, null, "holds the finished output of '" + command + "', which the "
                        + "masks would replace: choose another output file (its masks go into a folder named after it)");
            }
            try {
                FileTrees.delete(masks); // an earlier prediction's masks: none of them may mix with these
            } catch (IOException e) {
                throw FileProblem.of(masks, "the earlier masks could not be removed", e);
            }
        }
        List<String> columns = List.of("file", "mask", "foreground_pixels", "foreground_share", "note");
        List<String[]> rows = new ArrayList<>();
        int predicted = 0;
        try (OutputFolder folder = OutputFolder.claim(masks, PREDICT, OutputFolder.Mode.REPLACE, maskNames)) {
            for (int from = 0; from < files.size(); from += BATCH) {
                List<Pending> pending = readBatch(files.subList(from, Math.min(files.size(), from + BATCH)), input,
                        preparation, columns.size(), rows, (f, row) -> { });
                float[][] probabilities = pending.isEmpty() ? new float[0][] : model.segment(inputs(pending), shape);
                for (int k = 0; k < pending.size(); k++) {
                    String[] row = pending.get(k).row();
                    RawImage original = pending.get(k).read().image();
                    float[] p = Resize.bilinear(probabilities[k], 1, shape[1], shape[2], original.height(),
                            original.width());
                    String mask = maskName(input, pending.get(k).file());
                    int foreground = writeMask(masks.resolve(mask), p, original.height(), original.width());
                    row[1] = masks.getFileName() + "/" + mask;
                    row[2] = String.valueOf(foreground);
                    row[3] = String.format(Locale.ROOT, "%.6f", (double) foreground / p.length);
                    predicted++;
                }
            }
            folder.finish();
        }
        CsvWriter.write(output, columns, rows);
        return new Prediction.Summary(files.size(), predicted, files.size() - predicted, firstSkip(rows), null,
                "the masks are in " + masks + " (a PNG per image at its own size, foreground 255)", "files", "");
    }

    /** A file of a batch that could be read, and its row of the output. */
    private record Pending(Path file, Read read, String[] row) {
    }

    /**
     * Reads the files of a batch: a row of {@code width} cells per file added to {@code rows} in order (its name, what
     * {@code fill} adds, and in the last cell why it could not be read); returns the files that could be.
     */
    private static List<Pending> readBatch(List<Path> batch, Path input, Preprocessing preparation, int width,
                                           List<String[]> rows, java.util.function.BiConsumer<Path, String[]> fill) {
        List<Pending> pending = new ArrayList<>();
        for (Path f : batch) {
            String[] row = new String[width];
            row[0] = name(input, f);
            fill.accept(f, row);
            Read read = read(f, preparation);
            if (read.problem() == null) {
                pending.add(new Pending(f, read, row));
            } else {
                row[width - 1] = read.problem();
            }
            rows.add(row);
        }
        return pending;
    }

    private static float[][] inputs(List<Pending> pending) {
        return pending.stream().map(p -> p.read().input()).toArray(float[][]::new);
    }

    /** The first file left without a prediction, for the summary: named, unless its message names it already. */
    private static String firstSkip(List<String[]> rows) {
        for (String[] row : rows) {
            String problem = row[row.length - 1];
            if (problem != null) {
                String fileName = row[0].substring(row[0].lastIndexOf('/') + 1);
                return problem.contains(fileName) ? problem : row[0] + ": " + problem;
            }
        }
        return null;
    }

    /** A file read and prepared for the model, or why it could not be. */
    private record Read(RawImage image, float[] input, String problem) {
    }

    private static Read read(Path file, Preprocessing preparation) {
        try {
            Optional<RawImage> image = ImageFiles.tryLoad(file);
            return image.isEmpty() ? new Read(null, null, "not an image (neither DICOM nor PNG/JPEG/BMP/GIF)")
                    : new Read(image.get(), preparation.apply(image.get(), 0L), null);
        } catch (BadInputException e) {
            return new Read(null, null, e.getMessage());
        }
    }

    /** Where a segmentation's masks go: beside {@code output}, named after it ({@code x.csv} -> {@code x-masks}). */
    static Path masksFolder(Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return output.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-masks");
    }

    /** The image's path below the input with {@code .png} added ({@code a.dcm} and {@code a.png} stay apart). */
    private static String maskName(Path input, Path file) {
        return name(input, file) + ".png";
    }

    /** Writes {@code probabilities >= 0.5} as a grey PNG; returns how many pixels are foreground. */
    private static int writeMask(Path target, float[] probabilities, int height, int width) {
        java.awt.image.BufferedImage png = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((java.awt.image.DataBufferByte) png.getRaster().getDataBuffer()).getData();
        int foreground = 0;
        for (int i = 0; i < pixels.length; i++) {
            boolean on = probabilities[i] >= 0.5f;
            pixels[i] = (byte) (on ? 255 : 0);
            foreground += on ? 1 : 0;
        }
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(png, "png", bytes);
            Files.createDirectories(target.getParent());
            AtomicFiles.write(target, bytes.toByteArray());
        } catch (IOException e) {
            throw FileProblem.of(target, "the mask could not be written", e);
        }
        return foreground;
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
        // files() lists a given file as the input itself: no need to ask the file system again for each file
        Path rel = file.equals(input) ? file.getFileName() : input.relativize(file);
        return rel.toString().replace('\\', '/');
    }

    /** The class its folder names, as a study's class folders do, or null. */
    private static String label(Path file, List<String> classes) {
        Path parent = file.getParent();
        String folder = parent == null || parent.getFileName() == null ? null : parent.getFileName().toString();
        return folder != null && classes.contains(folder) ? folder : null;
    }
}
