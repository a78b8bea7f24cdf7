package org.medfed.privacy.dp;

import org.medfed.engine.BadInputException;

/**
 * Example-level privacy of DP-SGD inside one hospital: {@code epochs} passes over {@code datasetSize} examples
 * in batches sampled with rate {@code q = batchSize / datasetSize}, i.e. {@code ceil(epochs * n / batch)} steps
 * (the convention of TensorFlow Privacy's compute_dp_sgd_privacy), each a sampled Gaussian mechanism.
 */
public record DpSgdPlan(int datasetSize, int batchSize, double noiseMultiplier, double epochs) {

    public DpSgdPlan {
        if (datasetSize <= 0) {
            throw new BadInputException("the training set is empty");
        }
        if (batchSize <= 0 || batchSize > datasetSize) {
            throw new BadInputException("the batch size must be between 1 and the number of examples ("
                    + datasetSize + "), was " + batchSize);
        }
        if (!(epochs > 0)) {
            throw new BadInputException("the number of epochs must be positive, was " + epochs);
        }
    }

    public double samplingRate() {
        return (double) batchSize / datasetSize;
    }

    public long steps() {
        return (long) Math.ceil(epochs * datasetSize / batchSize);
    }

    public PrivacySpent epsilon(double delta, EpsilonConversion conversion) {
        return NoiseCalibration.epsilon(samplingRate(), noiseMultiplier, steps(), delta, RdpOrders.extended(),
                conversion);
    }

    /** The noise multiplier this plan needs to stay within {@code targetEpsilon}. */
    public double noiseFor(double targetEpsilon, double delta, EpsilonConversion conversion) {
        return NoiseCalibration.noiseMultiplierFor(targetEpsilon, delta, samplingRate(), steps(), RdpOrders.extended(),
                conversion);
    }
}
