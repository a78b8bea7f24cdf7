package org.medfed.data.image.phantom;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link PhantomStudyGenerator} wrote, with the ground truth of every image.
 *
 * @param root the output folder
 * @param seed the seed used
 * @param hospitals one entry per hospital
 */
public record PhantomStudy(Path root, long seed, List<Hospital> hospitals) {

    public PhantomStudy {
        hospitals = List.copyOf(hospitals);
    }

    /**
     * One hospital's data.
     *
     * @param profile its scanner
     * @param folder its folder (root/hospital)
     * @param images class folders ({@code lesion/}, {@code no-lesion/}) under this folder
     * @param masks one PNG mask per image, same file name stem
     * @param manifest {@code file,label} CSV, files relative to the hospital folder
     * @param cases every image with its ground truth
     */
    public record Hospital(ScannerProfile profile, Path folder, Path images, Path masks, Path manifest,
            List<Case> cases) {

        public Hospital {
            cases = List.copyOf(cases);
        }
    }

    /**
     * One image's ground truth.
     *
     * @param file path relative to the hospital folder
     * @param mask mask path relative to the hospital folder
     * @param label 1 when a lesion is present
     * @param lesionRow lesion centre row (NaN when none)
     * @param lesionColumn lesion centre column (NaN when none)
     * @param lesionRadius lesion radius in pixels (0 when none)
     * @param lesionPixels pixels in the mask
     */
    public record Case(String file, String mask, int label, double lesionRow, double lesionColumn,
            double lesionRadius, int lesionPixels) {
    }
}
