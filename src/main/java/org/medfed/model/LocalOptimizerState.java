package org.medfed.model;

import org.medfed.engine.LocalOptimizer;

/**
 * The local optimiser's step for the hand-written dense trainer: plain SGD, or Adam as PyTorch (and so FLamby)
 * computes it, with bias-corrected moments and epsilon added to the square root of the corrected second moment.
 */
final class LocalOptimizerState {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final LocalOptimizer kind;
    private final double learningRate;
    private final double[] m;
    private final double[] v;
    private int step;

    LocalOptimizerState(LocalOptimizer kind, double learningRate, int size) {
        this.kind = kind;
        this.learningRate = learningRate;
        this.m = kind == LocalOptimizer.ADAM ? new double[size] : null;
        this.v = kind == LocalOptimizer.ADAM ? new double[size] : null;
    }

    /** Moves {@code params} against {@code gradient}. */
    void apply(double[] params, double[] gradient) {
        step++;
        if (kind == LocalOptimizer.SGD) {
            for (int i = 0; i < params.length; i++) {
                params[i] -= learningRate * gradient[i];
            }
            return;
        }
        double c1 = 1 - StrictMath.pow(BETA1, step);
        double c2 = 1 - StrictMath.pow(BETA2, step);
        for (int i = 0; i < params.length; i++) {
            double g = gradient[i];
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
            params[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON);
        }
    }
}
