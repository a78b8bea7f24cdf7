package org.medfed.data.dicom;

/** Turns the pixel data of one frame into stored sample values, interleaved per pixel (R,G,B,R,G,B...). */
interface FrameDecoder {

    /** Stored values (masked and sign-extended), {@code rows * columns * samplesPerPixel} of them. */
    int[] decode(int frame);
}
