package org.medfed.data.dicom;

import java.nio.file.Path;
import org.medfed.engine.BadInputException;

/** The file is not DICOM at all (as opposed to a damaged DICOM file); folder scans skip and count these. */
public final class NotDicomException extends BadInputException {

    public NotDicomException(Path file, String problem) {
        super(file, null, problem);
    }
}
