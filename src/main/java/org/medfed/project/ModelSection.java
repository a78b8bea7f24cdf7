package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;
import org.medfed.model.ModelKind;
import org.medfed.model.ModelSpec;

/**
 * The model family, its hidden layer sizes and, for the image models (cnn, unet), the convolution filters per
 * level and whether a batch normalisation follows each convolution ({@code "batchNorm": true}), as written in the
 * study file. Older files have no "filters": the image models then take [8, 16]; nor "batchNorm": off.
 *
 * @param batchNorm {@code true}, or null for off (so that a study without it is written as before)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ModelSection(String type, List<Integer> hidden, List<Integer> filters, Boolean batchNorm) {

    /** The filters of an image model whose study gives none. */
    public static final List<Integer> DEFAULT_FILTERS = List.of(8, 16);

    public ModelSection {
        type = type == null ? ModelKind.LOGISTIC.id() : type;
        hidden = hidden == null ? List.of() : List.copyOf(hidden);
        filters = filters == null ? List.of() : List.copyOf(filters);
        batchNorm = Boolean.TRUE.equals(batchNorm) ? Boolean.TRUE : null;
    }

    /** A model without batch normalisation. */
    public ModelSection(String type, List<Integer> hidden, List<Integer> filters) {
        this(type, hidden, filters, null);
    }

    /** A dense model (logistic regression or MLP). */
    public ModelSection(String type, List<Integer> hidden) {
        this(type, hidden, null);
    }

    /** Whether each convolution of an image model is followed by a batch normalisation. */
    public boolean hasBatchNorm() {
        return batchNorm != null;
    }

    public ModelSection withBatchNorm(boolean on) {
        return new ModelSection(type, hidden, filters, on);
    }

    public static ModelSection logistic() {
        return new ModelSection("logistic", List.of());
    }

    public ModelSpec toSpec(int inputSize, int classCount) {
        return toSpec(new int[] {inputSize}, classCount);
    }

    /**
     * The model for inputs of {@code inputShape}: [features], or [channels, height, width] for images. Logistic
     * regression and MLPs take images as flat vectors of their pixels.
     */
    public ModelSpec toSpec(int[] inputShape, int classCount) {
        ModelKind kind = ModelKind.parse(type);
        int[] h = hidden.stream().mapToInt(Integer::intValue).toArray();
        if (kind == ModelKind.LOGISTIC || kind == ModelKind.MLP) {
            if (hasBatchNorm()) {
                throw new org.medfed.engine.BadInputException("model: \"batchNorm\" normalises the convolutions of an "
                        + "image model (cnn or unet); " + kind.id() + " has none");
            }
            return new ModelSpec(kind, Arrays.stream(inputShape).reduce(1, (a, b) -> a * b), classCount, h);
        }
        int[] f = (filters.isEmpty() ? DEFAULT_FILTERS : filters).stream().mapToInt(Integer::intValue).toArray();
        return new ModelSpec(kind, inputShape, classCount, h, f, hasBatchNorm());
    }
}
