package org.medfed.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Value;

/**
 * What a participant sends back after local work: its update, how many examples and steps it is based on,
 * its mean training loss, and strategy-specific extras (SCAFFOLD's control-variate change as a vector, a masked
 * update as integers, ciphertexts as bytes). Travels as a reply ({@link #toReply()}).
 */
public record FitResult(ModelVector update, UpdateKind kind, int examples, int steps, double trainLoss,
                        Map<String, Value> extras) {

    private static final String UPDATE = "update";
    private static final String KIND = "kind";
    private static final String EXAMPLES = "examples";
    private static final String STEPS = "steps";
    private static final String TRAIN_LOSS = "train_loss";
    private static final String EXTRA = "extra.";

    public FitResult {
        extras = Map.copyOf(extras);
    }

    public static FitResult model(TrainingOutcome outcome, int examples) {
        return new FitResult(outcome.params(), UpdateKind.MODEL, examples, outcome.steps(), outcome.meanLoss(), Map.of());
    }

    public FitResult withExtras(Map<String, Value> newExtras) {
        return new FitResult(update, kind, examples, steps, trainLoss, newExtras);
    }

    /** These extras plus {@code name} as a vector. */
    public FitResult withExtra(String name, ModelVector vector) {
        Map<String, Value> all = new LinkedHashMap<>(extras);
        all.put(name, new Value.Floats(vector.toArray()));
        return withExtras(all);
    }

    public FitResult withUpdate(ModelVector newUpdate) {
        return new FitResult(newUpdate, kind, examples, steps, trainLoss, extras);
    }

    /** An extra that is a vector of numbers, or null when absent. */
    public ModelVector vectorExtra(String name) {
        Value v = extras.get(name);
        return v instanceof Value.Floats f ? ModelVector.wrap(f.values()) : null;
    }

    public Params toReply() {
        Params.Builder b = Params.builder()
                .floats(UPDATE, update.toArray())
                .text(KIND, kind.name())
                .number(EXAMPLES, examples)
                .number(STEPS, steps)
                .number(TRAIN_LOSS, trainLoss);
        extras.forEach((k, v) -> b.put(EXTRA + k, v));
        return b.build();
    }

    public static FitResult fromReply(Params reply) {
        UpdateKind kind;
        try {
            kind = UpdateKind.valueOf(reply.text(KIND));
        } catch (IllegalArgumentException e) {
            throw new org.medfed.engine.protocol.ProtocolException("unknown update kind '" + reply.text(KIND) + "'");
        }
        return new FitResult(ModelVector.wrap(reply.floats(UPDATE)), kind, reply.integer(EXAMPLES),
                reply.integer(STEPS), reply.number(TRAIN_LOSS), reply.under(EXTRA).asMap());
    }
}
