package org.medfed.sample;

import java.nio.file.Path;
import org.medfed.data.image.phantom.PhantomStudy;
import org.medfed.data.image.phantom.PhantomStudyGenerator;

/**
 * Writes the data of the imaging sample project, {@code sample-projects/phantom-4-hospitals/data}: four MR
 * "hospitals" of phantom slices with and without a lesion, as DICOM files with PNG lesion masks (see
 * {@link PhantomStudyGenerator}). The same seed writes the same bytes, which a test checks against the files
 * in the repository.
 */
public final class PhantomSampleProject {

    /** The seed of the files in the repository. */
    public static final long SEED = 20261125L;

    private PhantomSampleProject() {
    }

    public static PhantomStudy generate(Path dataDir) {
        return PhantomStudyGenerator.generate(dataDir, SEED);
    }

    /** {@code java -cp ... org.medfed.sample.PhantomSampleProject [DIR]}: regenerates the sample's data. */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-projects/phantom-4-hospitals/data");
        PhantomStudy study = generate(dir);
        System.out.println("wrote " + study.hospitals().size() + " hospitals to " + dir.toAbsolutePath());
    }
}
