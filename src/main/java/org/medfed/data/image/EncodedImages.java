package org.medfed.data.image;

import org.medfed.data.ExampleSet;

/**
 * A hospital's images as the model sees them: its training examples (augmented copies after the originals) and its
 * test examples, with a note for the researcher (how many copies were added, files skipped).
 */
public record EncodedImages(ExampleSet train, ExampleSet test, String note) {
}
