package org.medfed.data.dicom;

import java.nio.file.Path;
import org.medfed.engine.BadInputException;

/**
 * The errors of decoding one frame, each naming the file, the pixel data tag and the frame (counted from 1, as a
 * person counts), so that every part of a decoder words its location the same way.
 */
record FrameErrors(Path source, int frame) {

    BadInputException bad(String problem) {
        return new BadInputException(source, "tag " + Tag.describe(Tag.PixelData) + " frame " + (frame + 1), problem);
    }
}
