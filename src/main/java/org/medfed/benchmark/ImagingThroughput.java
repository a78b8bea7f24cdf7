package org.medfed.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.medfed.data.ExampleSet;
import org.medfed.data.image.ImageDatasetLoader;
import org.medfed.data.image.ImageFiles;
import org.medfed.data.image.Preprocessing;
import org.medfed.data.image.phantom.PhantomStudy;
import org.medfed.data.image.phantom.PhantomStudyGenerator;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;
import org.medfed.model.ModelSpec;
import org.medfed.model.ModelTrainer;

/**
 * How fast images are read and decoded, and how fast the CNN trains, on this machine: to show whether decoding
 * could hold training back. Each figure is the best of a few repetitions (the least disturbed by other work).
 *
 * @param dicomFilesPerSecond     phantom DICOM files read and decoded to modality values (no preprocessing)
 * @param dicomPreparedPerSecond  the same files through the study loader: decode, window, resize to 48x48
 * @param npzImagesPerSecond      BreastMNIST training images read from the .npz and scaled
 * @param trainImagesPerSecond    CNN training images per second (forward, backward, Adam step), batch 32
 * @param msPerStepBatch32        DL4J milliseconds per training step of 32 images
 * @param msPerStepBatch1         DL4J milliseconds per training step of 1 image: the fixed cost of a step
 */
public record ImagingThroughput(int dicomFiles, double dicomFilesPerSecond, double dicomPreparedPerSecond,
                                double npzImagesPerSecond, double trainImagesPerSecond, double msPerStepBatch32,
                                double msPerStepBatch1) {

    private static final int REPEATS = 3;

    public static ImagingThroughput measure(Path breastMnist, ModelSpec cnn, ExampleSet train) {
        Path dir;
        try {
            dir = Files.createTempDirectory("medfed-decode");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            PhantomStudy study = PhantomStudyGenerator.generate(dir, 1);
            List<Path> files;
            try (Stream<Path> s = Files.walk(dir)) {
                files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
            }
            double decode = best(() -> files.forEach(ImageFiles::load), files.size());
            Preprocessing prep = Preprocessing.grey(48, 48);
            double prepared = best(() -> study.hospitals().forEach(h -> ImageDatasetLoader.create(prep)
                    .fromClassFolders(h.images())), files.size());
            double npz = best(() -> BreastMnistBenchmark.Data.load(breastMnist), 780);
            double[] steps = trainingSteps(cnn, train);
            return new ImagingThroughput(files.size(), decode, prepared, npz, 32_000 / steps[0], steps[0], steps[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Milliseconds per step at batch 32 and at batch 1, after a warm-up. */
    private static double[] trainingSteps(ModelSpec cnn, ExampleSet train) {
        ModelTrainer trainer = ModelTrainer.create(cnn, train, train);
        ModelVector init = cnn.initialParameters(1);
        double[] out = new double[2];
        int[] batches = {32, 1};
        for (int b = 0; b < 2; b++) {
            LocalTraining plan = new LocalTraining(40, 0, batches[b], LocalOptimizer.ADAM, 0.001, 1);
            trainer.train(init, plan, GradientAdjustment.NONE, RunControl.free());
            double best = Double.MAX_VALUE;
            for (int r = 0; r < REPEATS; r++) {
                long t0 = System.nanoTime();
                trainer.train(init, plan, GradientAdjustment.NONE, RunControl.free());
                best = Math.min(best, (System.nanoTime() - t0) / 1e6 / plan.steps());
            }
            out[b] = best;
        }
        return out;
    }

    private static double best(Runnable work, int items) {
        work.run(); // warm-up: class loading, JIT
        double best = 0;
        for (int r = 0; r < REPEATS; r++) {
            long t0 = System.nanoTime();
            work.run();
            best = Math.max(best, items / ((System.nanoTime() - t0) / 1e9));
        }
        return best;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
