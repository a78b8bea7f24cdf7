package org.medfed.engine.codec;

import java.util.Locale;
import java.util.SplittableRandom;
import org.medfed.engine.BadInputException;
import org.medfed.engine.protocol.Params;

/**
 * How a hospital compresses its update before it leaves: always the change from the global model it was sent
 * (a "delta update"; a gradient as it is), then
 * <ul>
 *   <li>{@code delta}: as float32, lossless;</li>
 *   <li>{@code quantise}: every value as a {@code bits}-bit stochastically rounded code (unbiased);</li>
 *   <li>{@code topk}: only the {@code fraction} of values of largest magnitude, as float32;</li>
 *   <li>{@code topk-quantise}: those values, quantised.</li>
 * </ul>
 * With {@code errorFeedback} the hospital keeps what compression left out and adds it to its next update
 * (Stich et al. 2018; Karimireddy et al. 2019), so that nothing is lost for good, only delayed.
 */
public record UpdateCodec(String id, int bits, double fraction, boolean errorFeedback) {

    public static final String DELTA = "delta";
    public static final String QUANTISE = "quantise";
    public static final String TOPK = "topk";
    public static final String TOPK_QUANTISE = "topk-quantise";

    /** The codecs, in the order they are offered. */
    public static final java.util.List<String> IDS = java.util.List.of(DELTA, QUANTISE, TOPK, TOPK_QUANTISE);

    /** Bits per value quantisation takes. */
    public static final java.util.List<Integer> BITS = java.util.List.of(2, 4, 8);

    public UpdateCodec {
        id = id == null ? "" : id.toLowerCase(Locale.ROOT);
        switch (id) {
            case DELTA -> {
                bits = 32;
                fraction = 1;
            }
            case QUANTISE -> {
                checkBits(bits);
                fraction = 1;
            }
            case TOPK -> {
                checkFraction(fraction);
                bits = 32;
            }
            case TOPK_QUANTISE -> {
                checkBits(bits);
                checkFraction(fraction);
            }
            default -> throw new BadInputException("compression '" + id + "' is unknown; choose " + DELTA + ", "
                    + QUANTISE + ", " + TOPK + " or " + TOPK_QUANTISE);
        }
        if (errorFeedback && (id.equals(DELTA) || id.equals(QUANTISE))) {
            // nothing is left out systematically: quantisation's error is already zero in expectation
            throw new BadInputException("error feedback only applies to top-k compression (" + TOPK + ", "
                    + TOPK_QUANTISE + "), not to '" + id + "'");
        }
    }

    private static void checkBits(int bits) {
        if (!BITS.contains(bits)) {
            throw new BadInputException("quantisation takes 2, 4 or 8 bits per value, not " + bits);
        }
    }

    private static void checkFraction(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new BadInputException("the share of values top-k keeps must be in (0, 1], was " + fraction);
        }
    }

    /** The compressed form of {@code v}; stochastic rounding draws from {@code seed}. */
    public byte[] encode(float[] v, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int k = (int) Math.ceil(fraction * v.length - 1e-9);
        return switch (id) {
            case DELTA -> CompressedVector.dense(v);
            case QUANTISE -> CompressedVector.quantised(v, bits, random);
            case TOPK -> CompressedVector.sparse(v, k, 32, random);
            default -> CompressedVector.sparse(v, k, bits, random);
        };
    }

    /** Whether codec {@code id} quantises, and so takes a number of bits. */
    public static boolean takesBits(String id) {
        return QUANTISE.equals(id) || TOPK_QUANTISE.equals(id);
    }

    /** Whether codec {@code id} keeps only a share of the values (top-k), and so takes that share. */
    public static boolean takesFraction(String id) {
        return TOPK.equals(id) || TOPK_QUANTISE.equals(id);
    }

    /** The codec {@code id} by name, for the workbench. */
    public static String name(String id) {
        return switch (id) {
            case DELTA -> "Delta updates (32-bit, lossless)";
            case QUANTISE -> "Quantisation";
            case TOPK -> "Top-k sparsification";
            case TOPK_QUANTISE -> "Top-k, quantised";
            default -> throw new BadInputException("compression '" + id + "' is unknown; choose one of " + IDS);
        };
    }

    /** What the codec {@code id} does, in one plain sentence for the workbench. */
    public static String explanation(String id) {
        return switch (id) {
            case DELTA -> "Each hospital sends the change from the model it was sent, as 32-bit numbers: nothing is "
                    + "lost, and nothing is saved either (the baseline for the others).";
            case QUANTISE -> "Each value of the change is rounded at random to one of 2^bits levels (unbiased on "
                    + "average): 8 bits take about a quarter of the bytes of 32-bit numbers.";
            case TOPK -> "Only the largest values of the change are sent, with their positions; with error feedback "
                    + "the hospital keeps what it left out and adds it to its next update.";
            case TOPK_QUANTISE -> "The largest values of the change, each quantised: the smallest updates.";
            default -> throw new BadInputException("compression '" + id + "' is unknown; choose one of " + IDS);
        };
    }

    /** Whether the codec loses information (all but {@code delta}). */
    public boolean lossy() {
        return !id.equals(DELTA);
    }

    /** In words, for the model card and benchmark tables. */
    public String describe() {
        String what = switch (id) {
            case DELTA -> "delta updates as float32";
            case QUANTISE -> bits + "-bit stochastic quantisation";
            case TOPK -> "top-" + percent() + " sparsification";
            default -> "top-" + percent() + " sparsification, " + bits + "-bit quantised";
        };
        return what + (errorFeedback ? " with error feedback" : "");
    }

    private String percent() {
        return String.format(Locale.ROOT, "%.3g %%", fraction * 100);
    }

    public Params toParams() {
        return Params.builder().text("codec", id).number("bits", bits).number("fraction", fraction)
                .flag("errorFeedback", errorFeedback).build();
    }

    public static UpdateCodec fromParams(Params p) {
        return new UpdateCodec(p.text("codec"), p.integer("bits"), p.number("fraction"), p.flag("errorFeedback"));
    }
}
