package org.medfed.data.dicom;

/** Moves colour samples between planar (RRR..GGG..BBB..) and interleaved (RGBRGB...) order. */
final class Interleave {

    private Interleave() {
    }

    static int[] fromPlanar(int[] planar, int samples) {
        int pixels = planar.length / samples;
        int[] out = new int[planar.length];
        for (int s = 0; s < samples; s++) {
            for (int p = 0; p < pixels; p++) {
                out[p * samples + s] = planar[s * pixels + p];
            }
        }
        return out;
    }
}
