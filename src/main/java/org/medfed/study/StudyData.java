package org.medfed.study;

import java.util.List;
import org.medfed.data.ExampleSet;

/**
 * A study's data once every hospital has read, checked and encoded its own files: what the runner, the
 * baselines and the outputs need, for tables and images alike.
 */
public interface StudyData {

    /** The hospitals in participant order. */
    List<SiteData> sites();

    /** Every hospital's training examples together, prepared as pooled training wants (simulation only). */
    ExampleSet pooledTraining();

    /** Class names, in class-index order. */
    List<String> classes();

    /** Shape of one model input: [features] for tables, [channels, height, width] for images. */
    int[] inputShape();

    /** Problems worth showing that did not stop the preparation. */
    List<String> warnings();
}
