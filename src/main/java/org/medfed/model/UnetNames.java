package org.medfed.model;

/** Vertex names of the U-Net graph, shared by the layout formula and the DL4J builder so that they agree. */
final class UnetNames {

    static final String INPUT = "image";
    static final String LOGIT = "logit";
    static final String OUTPUT = "mask";

    private UnetNames() {
    }

    /** Convolution {@code which} ('a' or 'b') of encoder level {@code level} (0 = full resolution). */
    static String encoder(int level, char which) {
        return "enc" + level + which;
    }

    static String decoder(int level, char which) {
        return "dec" + level + which;
    }

    /** The resolution level (0 = full) of an encoder's or decoder's convolution; the logit is at full resolution. */
    static int level(String convolution) {
        if (convolution.equals(LOGIT)) {
            return 0;
        }
        if (!convolution.startsWith("enc") && !convolution.startsWith("dec")) {
            throw new IllegalArgumentException(convolution + " is not a U-Net convolution");
        }
        return Integer.parseInt(convolution.substring(3, convolution.length() - 1));
    }

    /** The batch normalisation after {@code convolution} (models with batch norm). */
    static String normalisation(String convolution) {
        return "bn_" + convolution;
    }

    static String pool(int level) {
        return "pool" + level;
    }

    static String up(int level) {
        return "up" + level;
    }

    static String merge(int level) {
        return "skip" + level;
    }
}
