package org.medfed.study;

import java.util.ArrayList;
import java.util.List;
import org.medfed.data.ExampleSet;
import org.medfed.engine.ModelVector;
import org.medfed.metrics.SegmentationMetrics;
import org.medfed.model.ModelKind;
import org.medfed.model.ModelTrainer;

/**
 * A few of a hospital's test images of a segmentation study with the true mask, the model's foreground
 * probabilities and the Dice of each image, so that a person can look at what the model outlines. The images are
 * the model inputs (after windowing, resizing and normalisation), the same the run evaluated.
 */
public final class SegmentationSamples {

    /**
     * One test image.
     *
     * @param index position in the hospital's test split
     * @param height rows of the model input
     * @param width columns of the model input
     * @param image first channel of the model input, row-major
     * @param truth true mask, 0/1 per pixel
     * @param probability foreground probability per pixel
     * @param dice Dice of this image (foreground = probability at least 0.5)
     */
    public record Sample(int index, int height, int width, float[] image, float[] truth, float[] probability,
                         double dice) {
    }

    private SegmentationSamples() {
    }

    /** Whether a run is a segmentation whose images and masks can be shown. */
    public static boolean applies(PreparedStudy prepared) {
        return prepared.spec().kind() == ModelKind.UNET && prepared.data() instanceof ImagingStudyData;
    }

    /** The first {@code count} test images of {@code hospital} under the run's final global model. */
    public static List<Sample> of(StudyResult result, String hospital, int count) {
        return of(result.prepared(), result.history().model(), hospital, count);
    }

    /** The first {@code count} test images of {@code hospital} under {@code model}. */
    public static List<Sample> of(PreparedStudy prepared, ModelVector model, String hospital, int count) {
        if (!applies(prepared)) {
            throw new IllegalArgumentException("not a segmentation study: its model is " + prepared.spec().kind().id());
        }
        SiteData site = prepared.data().sites().stream().filter(s -> s.name().equals(hospital)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no hospital '" + hospital + "' in this run"));
        ExampleSet test = site.test();
        int n = Math.min(Math.max(count, 0), test.size());
        int[] first = new int[n];
        for (int i = 0; i < n; i++) {
            first[i] = i;
        }
        ExampleSet chosen = test.subset(first);
        float[][] probabilities = ModelTrainer.create(prepared.spec(), chosen, chosen).predict(model, chosen);
        int[] shape = prepared.spec().inputShape();
        int pixels = shape[1] * shape[2];
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] image = java.util.Arrays.copyOf(chosen.inputs()[i], pixels);
            float[] truth = chosen.masks()[i];
            out.add(new Sample(i, shape[1], shape[2], image, truth, probabilities[i],
                    SegmentationMetrics.dice(probabilities[i], truth)));
        }
        return out;
    }
}
