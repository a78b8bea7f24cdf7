package org.medfed.engine.strategy.personal;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.FitResult;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.ModelVector;
import org.medfed.engine.PersonalModel;
import org.medfed.engine.SiteTraining;
import org.medfed.engine.TrainingOutcome;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.strategy.Updates;
import org.medfed.engine.strategy.Weighting;

/**
 * Positions of the flat parameter vector that each hospital trains and keeps for itself, never sending them: FedPer's
 * last layers, FedBN's batch normalisations. Ranges {@code [start, end)}, ascending and disjoint. The strategies
 * differ only in which positions; how a round goes with them is here, once.
 */
final class KeptParts {

    /** start0, end0, start1, end1, ... */
    private final int[] ranges;
    private final int count;

    private KeptParts(int[] ranges) {
        this.ranges = ranges.clone();
        int n = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            n += ranges[i + 1] - ranges[i];
        }
        this.count = n;
    }

    /**
     * The ranges, checked against a model of {@code size} parameters: inside it, ascending, disjoint, and leaving at
     * least one position shared.
     *
     * @throws ProtocolException when they do not fit (a request from a coordinator that got the model wrong)
     */
    static KeptParts of(int[] ranges, int size, String who) {
        boolean ok = ranges.length > 0 && ranges.length % 2 == 0;
        int previous = 0;
        int kept = 0;
        for (int i = 0; ok && i < ranges.length; i += 2) {
            ok = ranges[i] >= previous && ranges[i + 1] > ranges[i] && ranges[i + 1] <= size;
            kept += ranges[i + 1] - ranges[i];
            previous = ranges[i + 1];
        }
        if (!ok || kept >= size) {
            throw new ProtocolException(who + "'s own parts must be ascending, disjoint ranges inside the model of "
                    + size + " parameters that leave at least one shared; was asked for "
                    + java.util.Arrays.toString(ranges));
        }
        return new KeptParts(ranges);
    }

    /** Positions {@code from} to the end of a model of {@code size} parameters. */
    static KeptParts tail(int from, int size, String who) {
        return of(new int[] {from, size}, size, who);
    }

    static KeptParts of(List<int[]> ranges, int size, String who) {
        int[] flat = new int[ranges.size() * 2];
        for (int i = 0; i < ranges.size(); i++) {
            flat[2 * i] = ranges.get(i)[0];
            flat[2 * i + 1] = ranges.get(i)[1];
        }
        return of(flat, size, who);
    }

    /** The ranges as a request carries them. */
    long[] encoded() {
        return java.util.Arrays.stream(ranges).asLongStream().toArray();
    }

    static int[] decode(long[] encoded) {
        int[] out = new int[encoded.length];
        for (int i = 0; i < out.length; i++) {
            if (encoded[i] < 0 || encoded[i] > Integer.MAX_VALUE) {
                throw new ProtocolException("a position " + encoded[i] + " outside any model");
            }
            out[i] = (int) encoded[i];
        }
        return out;
    }

    /** How many positions are kept. */
    int count() {
        return count;
    }

    /** The kept positions' values of {@code model}, in order. */
    ModelVector take(ModelVector model) {
        float[] out = new float[count];
        int k = 0;
        for (int r = 0; r < ranges.length; r += 2) {
            for (int i = ranges[r]; i < ranges[r + 1]; i++) {
                out[k++] = model.get(i);
            }
        }
        return ModelVector.wrap(out);
    }

    /**
     * {@code model} with its kept positions replaced by {@code parts}: either another whole model (whose values at
     * those positions are taken) or just the kept values, as {@link #take} gives them.
     */
    ModelVector put(ModelVector model, ModelVector parts) {
        boolean whole = parts.size() == model.size();
        if (!whole && parts.size() != count) {
            throw new IllegalArgumentException(parts.size() + " kept values for " + count + " kept positions of a model of "
                    + model.size());
        }
        float[] out = model.toArray();
        int k = 0;
        for (int r = 0; r < ranges.length; r += 2) {
            for (int i = ranges[r]; i < ranges[r + 1]; i++) {
                out[i] = whole ? parts.get(i) : parts.get(k);
                k++;
            }
        }
        return ModelVector.wrap(out);
    }

    /** Weighted FedAvg of the shared positions; the kept ones stay as the global model had them. */
    ModelVector aggregate(List<ClientUpdate> updates, ModelVector global) {
        return put(Updates.averageModels(updates, Weighting.SAMPLES), global);
    }

    /**
     * The hospital's side of a round: the global model with the hospital's own parts (the global ones the first
     * time), trained; the new parts are kept under {@code stateKey}, and the reply carries the trained model with those
     * positions exactly as they were sent.
     *
     * @param where the kept positions, from the request's parameters and the model's size
     */
    static SiteTraining client(String stateKey, BiFunction<Params, Integer, KeptParts> where) {
        return (instruction, trainer, state, control) -> {
            ModelVector global = instruction.global();
            KeptParts kept = where.apply(instruction.params(), global.size());
            ModelVector start = own(state.get(stateKey), kept, global);
            TrainingOutcome out = trainer.train(start, instruction.training(), GradientAdjustment.NONE, control);
            state.put(stateKey, kept.take(out.params()));
            ModelVector sent = kept.put(out.params(), global);
            return FitResult.model(new TrainingOutcome(sent, out.steps(), out.meanLoss()), trainer.trainSize());
        };
    }

    /** The hospital's personal model: the final shared model with its own parts (the shared ones if it never trained). */
    static PersonalModel personal(String stateKey, BiFunction<Params, Integer, KeptParts> where) {
        return (instruction, trainer, state, control) -> {
            ModelVector global = instruction.global();
            return own(state.get(stateKey), where.apply(instruction.params(), global.size()), global);
        };
    }

    private static ModelVector own(Optional<ModelVector> parts, KeptParts kept, ModelVector global) {
        return parts.map(p -> kept.put(global, p)).orElse(global);
    }
}
