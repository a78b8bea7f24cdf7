package org.medfed.study;

import java.util.List;
import org.medfed.data.ExampleSet;

/**
 * A study's data once every hospital has read, checked and encoded its own files: what the runner, the
 * baselines and the outputs need, for tables and images alike.
 */
public interface StudyData {

    /** The hospitals in participant order, with their prepared examples (a simulation holds them all). */
    List<SiteData> sites();

    /** Each hospital's name and example counts, in participant order: what the coordinator may know. */
    default List<SiteCounts> counts() {
        return sites().stream().map(s -> new SiteCounts(s.name(), s.train().size(), s.test().size(), s.note()))
                .toList();
    }

    /** The agreed table preprocessing, for the model card; null for images. */
    default org.medfed.data.tabular.FittedPreprocessing tabularPreprocessing() {
        return null;
    }

    /** What the model card records about the images' preprocessing; null for tables. */
    default org.medfed.project.ModelCard.ImagePreprocessing imagePreprocessing() {
        return null;
    }

    /** Every hospital's training examples together, prepared as pooled training wants (simulation only). */
    ExampleSet pooledTraining();

    /** Class names, in class-index order. */
    List<String> classes();

    /** Shape of one model input: [features] for tables, [channels, height, width] for images. */
    int[] inputShape();

    /** Problems worth showing that did not stop the preparation. */
    List<String> warnings();
}
