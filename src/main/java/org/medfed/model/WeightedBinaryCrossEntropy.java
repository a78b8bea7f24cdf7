package org.medfed.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Binary cross-entropy in which a foreground (label 1) output weighs {@code foregroundWeight} times a background
 * one: {@code -(w y log a + (1 - y) log(1 - a))} per output, summed over outputs like DL4J's own XENT. With
 * {@code w = 1} it is the plain binary cross-entropy. Written because DL4J 1.0.0-M2.1 has no positive-class
 * weight for XENT, and a per-pixel label mask on its CNN loss layer did not weight the pixels it was given
 * (the gradient matched no weighting when we checked it by finite differences).
 */
public final class WeightedBinaryCrossEntropy implements ILossFunction {

    /** Probabilities are clipped to [EPS, 1 - EPS] so that a saturated output gives a finite loss and gradient. */
    static final double EPS = 1e-7;

    @JsonProperty("foregroundWeight")
    private final double foregroundWeight;

    @JsonCreator
    public WeightedBinaryCrossEntropy(@JsonProperty("foregroundWeight") double foregroundWeight) {
        this.foregroundWeight = foregroundWeight;
    }

    public double foregroundWeight() {
        return foregroundWeight;
    }

    private INDArray clippedActivation(INDArray preOutput, IActivation activationFn) {
        INDArray a = activationFn.getActivation(preOutput.dup(), true);
        Transforms.max(a, EPS, false);
        Transforms.min(a, 1 - EPS, false);
        return a;
    }

    private INDArray scoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray a = clippedActivation(preOutput, activationFn);
        INDArray positive = labels.mul(foregroundWeight).muli(Transforms.log(a, true));
        INDArray negative = labels.rsub(1.0).muli(Transforms.log(a.rsub(1.0), false));
        INDArray score = positive.addi(negative).negi();
        if (mask != null) {
            LossUtil.applyMask(score, mask);
        }
        return score;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        double sum = scoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return scoreArray(labels, preOutput, activationFn, mask).sum(true, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray a = clippedActivation(preOutput, activationFn);
        // dL/da = -w y / a + (1 - y) / (1 - a), then back through the activation
        INDArray dLda = labels.rsub(1.0).divi(a.rsub(1.0)).subi(labels.mul(foregroundWeight).divi(a));
        INDArray grad = activationFn.backprop(preOutput.dup(), dLda).getFirst();
        if (mask != null) {
            LossUtil.applyMask(grad, mask);
        }
        return grad;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "WeightedBinaryCrossEntropy(" + foregroundWeight + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightedBinaryCrossEntropy w && w.foregroundWeight == foregroundWeight;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(foregroundWeight);
    }

    @Override
    public String toString() {
        return name();
    }
}
