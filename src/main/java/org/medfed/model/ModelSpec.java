package org.medfed.model;

import java.util.Arrays;
import org.medfed.engine.BadInputException;

/**
 * The shape of a model: its family, input size, number of classes and hidden layer sizes. Together with the
 * parameter vector it is everything needed to rebuild the network.
 */
public record ModelSpec(ModelKind kind, int inputSize, int classCount, int[] hidden) {

    public ModelSpec {
        if (inputSize <= 0) {
            throw new BadInputException("the model needs at least one input feature");
        }
        if (classCount < 2) {
            throw new BadInputException("the label has " + classCount + " class; at least 2 are needed to train a classifier");
        }
        hidden = hidden == null ? new int[0] : hidden.clone();
        if (kind == ModelKind.LOGISTIC && hidden.length > 0) {
            throw new BadInputException("logistic regression has no hidden layers; choose mlp for " + Arrays.toString(hidden));
        }
        if (kind == ModelKind.MLP && hidden.length == 0) {
            throw new BadInputException("an MLP needs at least one hidden layer size");
        }
        for (int h : hidden) {
            if (h <= 0) {
                throw new BadInputException("hidden layer sizes must be positive, got " + Arrays.toString(hidden));
            }
        }
    }

    public static ModelSpec logistic(int inputSize, int classCount) {
        return new ModelSpec(ModelKind.LOGISTIC, inputSize, classCount, new int[0]);
    }

    public static ModelSpec mlp(int inputSize, int classCount, int... hidden) {
        return new ModelSpec(ModelKind.MLP, inputSize, classCount, hidden);
    }

    /** Binary models have one sigmoid output; multi-class ones a softmax over the classes. */
    public int outputSize() {
        return classCount == 2 ? 1 : classCount;
    }

    /** Layer widths from input to output. */
    public int[] layerWidths() {
        int[] widths = new int[hidden.length + 2];
        widths[0] = inputSize;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = outputSize();
        return widths;
    }

    /** Number of parameters: weights and biases of every layer. */
    public int parameterCount() {
        int[] w = layerWidths();
        int n = 0;
        for (int i = 1; i < w.length; i++) {
            n += w[i - 1] * w[i] + w[i];
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSpec s && s.kind == kind && s.inputSize == inputSize && s.classCount == classCount
                && Arrays.equals(s.hidden, hidden);
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + inputSize) * 31 + classCount * 17 + Arrays.hashCode(hidden);
    }

    @Override
    public String toString() {
        return kind.id() + (hidden.length > 0 ? Arrays.toString(hidden) : "") + " " + inputSize + " -> " + classCount + " classes";
    }
}
