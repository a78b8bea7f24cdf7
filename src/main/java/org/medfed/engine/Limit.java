package org.medfed.engine;

import java.util.List;
import java.util.Locale;

/**
 * The documented bounds of every setting a study can be given, in one place: the study file, the command line
 * and the workbench all build the same settings objects, whose constructors check them here, so the three agree
 * and a setting out of range is refused in words before anything runs (rounds of 10^9, hidden layers of 100,000
 * units, a learning rate of infinity). The workbench's controls take their ranges from here as well.
 *
 * <p>The bounds are wide enough for any study MedFed is meant for and narrow enough that a mistyped value fails
 * at once instead of running for days or exhausting memory; docs/robustness.md lists them.
 *
 * @param name  the setting as the study file calls it ("training.rounds")
 * @param min   smallest allowed value
 * @param max   largest allowed value
 * @param whole whether only whole numbers are allowed
 * @param minExclusive whether {@code min} itself is refused (a learning rate of 0)
 */
public record Limit(String name, double min, double max, boolean whole, boolean minExclusive) {

    public static final Limit ROUNDS = whole("training.rounds", 1, 10_000);
    public static final Limit LOCAL_EPOCHS = whole("training.localEpochs", 0, 1_000);
    public static final Limit LOCAL_STEPS = whole("training.localSteps", 0, 1_000_000);
    public static final Limit BATCH_SIZE = whole("training.batchSize", 1, 65_536);
    public static final Limit LEARNING_RATE = new Limit("training.learningRate", 0, 10, false, true);
    public static final Limit FRACTION = new Limit("training.fraction", 0, 1, false, true);
    public static final Limit MIN_PARTICIPANTS = whole("training.minParticipants", 1, 1_000);
    public static final Limit TIMEOUT_SECONDS = whole("training.timeoutSeconds", 1, 7 * 24 * 3600);
    public static final Limit HIDDEN_UNITS = whole("model.hidden", 1, 4_096);
    public static final Limit HIDDEN_LAYERS = whole("model.hidden (number of layers)", 0, 16);
    public static final Limit FILTERS = whole("model.filters", 1, 1_024);
    public static final Limit CLASSES = whole("number of classes", 2, 1_000);
    public static final Limit INPUT_SIZE = whole("number of model inputs", 1, 16_777_216);
    public static final Limit PAILLIER_BITS = whole("privacy.paillier.modulusBits", 512, 8_192);
    public static final Limit SECURE_AGGREGATION_BITS = whole("privacy.secureAggregation.bits", 8, 62);
    public static final Limit CLIP_NORM = new Limit("privacy clipNorm", 0, 1e6, false, true);
    public static final Limit NOISE_MULTIPLIER = new Limit("privacy noiseMultiplier", 0, 1e4, false, false);

    /** Every limit, for the documentation and its test. */
    public static List<Limit> all() {
        return List.of(ROUNDS, LOCAL_EPOCHS, LOCAL_STEPS, BATCH_SIZE, LEARNING_RATE, FRACTION, MIN_PARTICIPANTS,
                TIMEOUT_SECONDS, HIDDEN_UNITS, HIDDEN_LAYERS, FILTERS, CLASSES, INPUT_SIZE, PAILLIER_BITS,
                SECURE_AGGREGATION_BITS, CLIP_NORM, NOISE_MULTIPLIER);
    }

    /** The bounds of hidden layer sizes and filter counts, and of how many there are. */
    public static void checkLayers(int[] hidden, int[] filters) {
        HIDDEN_LAYERS.check(hidden.length);
        for (int h : hidden) {
            HIDDEN_UNITS.check(h);
        }
        HIDDEN_LAYERS.check(filters.length);
        for (int f : filters) {
            FILTERS.check(f);
        }
    }

    private static Limit whole(String name, long min, long max) {
        return new Limit(name, min, max, true, false);
    }

    /** The same bounds under another name: a command-line option ("--lr") that sets this setting. */
    public Limit named(String option) {
        return new Limit(option, min, max, whole, minExclusive);
    }

    /** Whether {@code v} is allowed. */
    public boolean allows(double v) {
        return Double.isFinite(v) && (minExclusive ? v > min : v >= min) && v <= max && (!whole || v == Math.rint(v));
    }

    /** {@code v}, or a {@link BadInputException} naming the setting, the value and the allowed range. */
    public double check(double v) {
        if (!allows(v)) {
            throw new BadInputException(name + " is " + show(v) + "; it must be " + range());
        }
        return v;
    }

    /** {@code v} as an int, when allowed. */
    public int checkInt(long v) {
        return (int) check(v);
    }

    /** "a whole number from 1 to 10,000", as the messages and the documentation say it. */
    public String range() {
        String kind = whole ? "a whole number" : "a number";
        if (minExclusive) {
            return kind + " above " + show(min) + " and at most " + show(max);
        }
        return kind + " from " + show(min) + " to " + show(max);
    }

    private static String show(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.valueOf(v);
    }
}
