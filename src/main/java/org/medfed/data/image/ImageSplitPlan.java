package org.medfed.data.image;

import java.util.List;

/**
 * How a hospital turns its prepared images into training and test examples, identically at every hospital: a
 * split per hospital (stratified by class), then augmented copies of the training images only.
 *
 * @param segmentation  whether each example carries a mask (a segmentation study)
 * @param trainFraction share of the images used for training
 * @param splitSeed     seed of the split
 * @param copies        the transforms of augmented copy 1, 2, ...; empty for no augmentation
 */
public record ImageSplitPlan(boolean segmentation, double trainFraction, long splitSeed, List<Augmentation> copies) {

    public ImageSplitPlan {
        copies = List.copyOf(copies);
    }
}
