package org.medfed.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.medfed.engine.codec.CompressedVector;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Value;

/**
 * What a participant sends back after local work: its update, how many examples and steps it is based on,
 * its mean training loss, and strategy-specific extras (SCAFFOLD's control-variate change as a vector, a masked
 * update as integers, ciphertexts as bytes). Travels as a reply ({@link #toReply()}).
 *
 * @param encoded the update compressed by a codec (see {@code org.medfed.engine.codec}): the change from the global
 *                model (or the gradient) in a compressed form, sent instead of the float vector; null when the update
 *                travels as plain floats. {@code update} then holds what the coordinator will decode.
 * @param sealed  whether the update travels sealed in the extras (masked, encrypted) and nothing in the clear:
 *                {@code update} is then the model the participant was sent (for a model) or zeros (for a gradient),
 *                which the reply leaves out and the coordinator puts back, since it knows them already
 */
public record FitResult(ModelVector update, UpdateKind kind, int examples, int steps, double trainLoss,
                        Map<String, Value> extras, Value.Bytes encoded, boolean sealed) {

    private static final String UPDATE = "update";
    private static final String ENCODED = "update.encoded";
    private static final String SEALED = "update.sealed";
    private static final String KIND = "kind";
    private static final String EXAMPLES = "examples";
    private static final String STEPS = "steps";
    private static final String TRAIN_LOSS = "train_loss";
    private static final String EXTRA = "extra.";

    public FitResult {
        extras = Map.copyOf(extras);
    }

    public FitResult(ModelVector update, UpdateKind kind, int examples, int steps, double trainLoss,
                     Map<String, Value> extras) {
        this(update, kind, examples, steps, trainLoss, extras, null, false);
    }

    /** This result sent as {@code bytes} of a codec, which decode to {@code decoded}. */
    public FitResult withEncoded(ModelVector decoded, byte[] bytes) {
        return new FitResult(decoded, kind, examples, steps, trainLoss, extras, new Value.Bytes(bytes), false);
    }

    /**
     * This result with its update sealed in {@code sealedExtras} (which replace the extras): nothing of the update
     * travels in the clear, and the plain update is {@code base}, the model the participant trained from, unchanged
     * (zeros for a gradient).
     */
    public FitResult sealedIn(ModelVector base, Map<String, Value> sealedExtras) {
        return new FitResult(unchanged(kind, base), kind, examples, steps, trainLoss, sealedExtras, null, true);
    }

    private static ModelVector unchanged(UpdateKind kind, ModelVector base) {
        return kind == UpdateKind.MODEL ? base : ModelVector.zeros(base.size());
    }

    public static FitResult model(TrainingOutcome outcome, int examples) {
        return new FitResult(outcome.params(), UpdateKind.MODEL, examples, outcome.steps(), outcome.meanLoss(), Map.of());
    }

    public FitResult withExtras(Map<String, Value> newExtras) {
        return new FitResult(update, kind, examples, steps, trainLoss, newExtras, encoded, sealed);
    }

    /** These extras plus {@code name} as a vector. */
    public FitResult withExtra(String name, ModelVector vector) {
        Map<String, Value> all = new LinkedHashMap<>(extras);
        all.put(name, new Value.Floats(vector.toArray()));
        return withExtras(all);
    }

    public FitResult withUpdate(ModelVector newUpdate) {
        return new FitResult(newUpdate, kind, examples, steps, trainLoss, extras, null, false);
    }

    /** An extra that is a vector of numbers, or null when absent. */
    public ModelVector vectorExtra(String name) {
        Value v = extras.get(name);
        return v instanceof Value.Floats f ? ModelVector.wrap(f.values()) : null;
    }

    public Params toReply() {
        Params.Builder b = Params.builder();
        if (sealed) {
            b.number(SEALED, 1);
        } else if (encoded == null) {
            b.floats(UPDATE, update.toArray());
        } else {
            b.put(ENCODED, encoded);
        }
        b.text(KIND, kind.name())
                .number(EXAMPLES, examples)
                .number(STEPS, steps)
                .number(TRAIN_LOSS, trainLoss);
        extras.forEach((k, v) -> b.put(EXTRA + k, v));
        return b.build();
    }

    /**
     * Reads a reply to a training request that sent {@code base}: a compressed update is decoded, and a compressed
     * change of the model is added to {@code base}; a sealed one gets {@code base} (zeros for a gradient) as its
     * plain update.
     */
    public static FitResult fromReply(Params reply, ModelVector base) {
        UpdateKind kind;
        try {
            kind = UpdateKind.valueOf(reply.text(KIND));
        } catch (IllegalArgumentException e) {
            throw new org.medfed.engine.protocol.ProtocolException("unknown update kind '" + reply.text(KIND) + "'");
        }
        ModelVector update;
        Value.Bytes encoded = null;
        boolean sealed = reply.has(SEALED);
        if (sealed) {
            update = unchanged(kind, base);
        } else if (reply.has(ENCODED)) {
            encoded = new Value.Bytes(reply.bytes(ENCODED));
            float[] decoded = CompressedVector.decode(encoded.bytes(), base.size());
            update = kind == UpdateKind.MODEL ? VectorMath.add(base, ModelVector.wrap(decoded)) : ModelVector.wrap(decoded);
        } else {
            update = ModelVector.wrap(reply.floats(UPDATE));
        }
        return new FitResult(update, kind, reply.integer(EXAMPLES), reply.integer(STEPS), reply.number(TRAIN_LOSS),
                reply.under(EXTRA).asMap(), encoded, sealed);
    }
}
