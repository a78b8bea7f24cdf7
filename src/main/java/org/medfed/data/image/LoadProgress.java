package org.medfed.data.image;

import java.nio.file.Path;

/** Progress of loading a dataset: after each file (or array entry), how many of how many. */
public record LoadProgress(int done, int total, Path current) {
}
