package org.medfed.data.image;

import java.util.List;

/**
 * Preprocessed images of one hospital (or one split), held in memory.
 *
 * @param classNames label names; an example's label indexes this list
 * @param channels channels of every example
 * @param height height of every example
 * @param width width of every example
 * @param examples the examples, in a stable order (sorted paths, or file order for arrays)
 * @param skippedFiles files found that were neither DICOM nor a readable image
 */
public record ImageDataset(List<String> classNames, int channels, int height, int width, List<ImageExample> examples,
        int skippedFiles) {

    public ImageDataset {
        classNames = List.copyOf(classNames);
        examples = List.copyOf(examples);
    }

    public int size() {
        return examples.size();
    }

    /** Examples per class, indexed like {@link #classNames()}. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (ImageExample e : examples) {
            counts[e.label()]++;
        }
        return counts;
    }

    public boolean hasMasks() {
        return !examples.isEmpty() && examples.stream().allMatch(e -> e.mask() != null);
    }
}
