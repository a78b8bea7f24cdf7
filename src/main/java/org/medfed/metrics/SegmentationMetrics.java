package org.medfed.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Overlap of predicted and true binary masks: Dice = 2|P ∩ T| / (|P| + |T|) and IoU (Jaccard) = |P ∩ T| / |P ∪ T|,
 * per image and averaged over images, plus pixel accuracy and the mean per-pixel binary cross-entropy.
 *
 * <p>A pixel is predicted foreground when its probability is at least 0.5; a true mask pixel is foreground when
 * its value is at least 0.5. Empty masks: when neither the prediction nor the truth has a foreground pixel the
 * image scores Dice = IoU = 1 (nothing to find and nothing found, the convention of MONAI's
 * {@code ignore_empty=False} and of most challenge scorers); when only one of them is empty it scores 0. Because
 * that convention rewards predicting nothing on images without a lesion, {@code dice_nonempty} also reports
 * the mean Dice over the images whose true mask is not empty (absent when there is none).
 */
public final class SegmentationMetrics {

    /** Probabilities are clipped to [EPS, 1 - EPS] in the loss, as in {@link ClassificationMetrics}. */
    static final double EPS = ClassificationMetrics.EPS;

    private SegmentationMetrics() {
    }

    /** Dice of one image: predicted foreground = probability at least 0.5. */
    public static double dice(float[] probabilities, float[] truth) {
        int[] c = counts(probabilities, truth);
        int predicted = c[0];
        int actual = c[1];
        int both = c[2];
        return predicted + actual == 0 ? 1.0 : 2.0 * both / (predicted + actual);
    }

    /** IoU (Jaccard index) of one image. */
    public static double iou(float[] probabilities, float[] truth) {
        int[] c = counts(probabilities, truth);
        int union = c[0] + c[1] - c[2];
        return union == 0 ? 1.0 : (double) c[2] / union;
    }

    /**
     * {@code dice}, {@code iou} (means over images), {@code dice_nonempty}, {@code pixel_accuracy} and {@code loss}
     * (mean binary cross-entropy over all pixels of all images).
     *
     * @param truth         true masks, one value per pixel
     * @param probabilities foreground probability per pixel, same layout
     */
    public static Map<String, Double> compute(float[][] truth, float[][] probabilities) {
        if (truth.length != probabilities.length) {
            throw new IllegalArgumentException(truth.length + " masks for " + probabilities.length + " predictions");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (truth.length == 0) {
            return out;
        }
        double diceSum = 0;
        double iouSum = 0;
        double diceNonEmpty = 0;
        int nonEmpty = 0;
        long correct = 0;
        long pixels = 0;
        double loss = 0;
        for (int i = 0; i < truth.length; i++) {
            float[] p = probabilities[i];
            float[] t = truth[i];
            if (p.length != t.length) {
                throw new IllegalArgumentException("image " + i + ": " + p.length + " predicted pixels for a mask of "
                        + t.length);
            }
            double d = dice(p, t);
            diceSum += d;
            iouSum += iou(p, t);
            if (counts(p, t)[1] > 0) {
                diceNonEmpty += d;
                nonEmpty++;
            }
            for (int k = 0; k < p.length; k++) {
                boolean fg = t[k] >= 0.5f;
                correct += (p[k] >= 0.5f) == fg ? 1 : 0;
                double q = Math.min(1 - EPS, Math.max(EPS, p[k]));
                loss -= fg ? Math.log(q) : Math.log(1 - q);
            }
            pixels += p.length;
        }
        out.put("dice", diceSum / truth.length);
        out.put("iou", iouSum / truth.length);
        if (nonEmpty > 0) {
            out.put("dice_nonempty", diceNonEmpty / nonEmpty);
        }
        out.put("pixel_accuracy", (double) correct / pixels);
        out.put("loss", loss / pixels);
        return out;
    }

    /** [predicted foreground, true foreground, both]. */
    private static int[] counts(float[] probabilities, float[] truth) {
        int predicted = 0;
        int actual = 0;
        int both = 0;
        for (int k = 0; k < probabilities.length; k++) {
            boolean p = probabilities[k] >= 0.5f;
            boolean t = truth[k] >= 0.5f;
            predicted += p ? 1 : 0;
            actual += t ? 1 : 0;
            both += p && t ? 1 : 0;
        }
        return new int[] {predicted, actual, both};
    }
}
