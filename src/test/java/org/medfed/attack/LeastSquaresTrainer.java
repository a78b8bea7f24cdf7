package org.medfed.attack;

import java.util.Map;
import java.util.Random;
import org.medfed.engine.DataSplit;
import org.medfed.engine.Evaluation;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.LocalTrainer;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;
import org.medfed.engine.TrainingOutcome;

/**
 * A pure-Java hospital model for federation tests: linear least squares {@code y ~ x . w}, trained by full-batch
 * gradient descent on the mean squared error. Its optimum is known in closed form, so a test can say how far
 * a federated result is from it.
 */
final class LeastSquaresTrainer implements LocalTrainer {

    private final double[][] x;
    private final double[] y;

    LeastSquaresTrainer(double[][] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    /**
     * {@code n} rows: an intercept column of 1, then features drawn N(shift, 1); targets {@code x . w} plus
     * N(0, noise^2).
     */
    static LeastSquaresTrainer synthetic(int n, double[] w, double shift, double noise, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][w.length];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = 1;
            for (int j = 1; j < w.length; j++) {
                x[i][j] = shift + r.nextGaussian();
            }
            double t = 0;
            for (int j = 0; j < w.length; j++) {
                t += x[i][j] * w[j];
            }
            y[i] = t + noise * r.nextGaussian();
        }
        return new LeastSquaresTrainer(x, y);
    }

    double[][] features() {
        return x;
    }

    double[] targets() {
        return y;
    }

    @Override
    public int trainSize() {
        return y.length;
    }

    @Override
    public int testSize() {
        return y.length;
    }

    @Override
    public int parameterCount() {
        return x[0].length;
    }

    @Override
    public TrainingOutcome train(ModelVector start, LocalTraining plan, GradientAdjustment adjustment,
                                 RunControl control) {
        float[] w = start.toArray();
        int steps = plan.stepsFor(trainSize());
        double lossSum = 0;
        for (int s = 0; s < steps; s++) {
            control.checkpoint();
            lossSum += mse(w);
            float[] g = gradientAt(w);
            adjustment.adjust(w, g);
            for (int j = 0; j < w.length; j++) {
                w[j] = (float) (w[j] - plan.learningRate() * g[j]);
            }
        }
        return new TrainingOutcome(ModelVector.wrap(w), steps, lossSum / steps);
    }

    @Override
    public ModelVector gradient(ModelVector at, int batchSize, long seed) {
        return ModelVector.wrap(gradientAt(at.toArray()));
    }

    @Override
    public Evaluation evaluate(ModelVector params, DataSplit split) {
        return new Evaluation(y.length, Map.of("loss", mse(params.toArray())));
    }

    /** d/dw of mean (x.w - y)^2 = 2/n X^T (Xw - y). */
    private float[] gradientAt(float[] w) {
        double[] g = new double[w.length];
        for (int i = 0; i < y.length; i++) {
            double r = dot(x[i], w) - y[i];
            for (int j = 0; j < w.length; j++) {
                g[j] += 2 * r * x[i][j] / y.length;
            }
        }
        float[] out = new float[w.length];
        for (int j = 0; j < w.length; j++) {
            out[j] = (float) g[j];
        }
        return out;
    }

    private double mse(float[] w) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double r = dot(x[i], w) - y[i];
            s += r * r;
        }
        return s / y.length;
    }

    private static double dot(double[] a, float[] w) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * w[j];
        }
        return s;
    }

    /** The pooled least-squares optimum of several hospitals' data: solves X^T X w = X^T y by elimination. */
    static double[] pooledOptimum(LeastSquaresTrainer... hospitals) {
        int d = hospitals[0].parameterCount();
        double[][] a = new double[d][d + 1];
        for (LeastSquaresTrainer h : hospitals) {
            for (int i = 0; i < h.y.length; i++) {
                for (int r = 0; r < d; r++) {
                    for (int c = 0; c < d; c++) {
                        a[r][c] += h.x[i][r] * h.x[i][c];
                    }
                    a[r][d] += h.x[i][r] * h.y[i];
                }
            }
        }
        for (int p = 0; p < d; p++) {
            int best = p;
            for (int r = p + 1; r < d; r++) {
                if (Math.abs(a[r][p]) > Math.abs(a[best][p])) {
                    best = r;
                }
            }
            double[] tmp = a[p];
            a[p] = a[best];
            a[best] = tmp;
            for (int r = 0; r < d; r++) {
                if (r != p) {
                    double f = a[r][p] / a[p][p];
                    for (int c = p; c <= d; c++) {
                        a[r][c] -= f * a[p][c];
                    }
                }
            }
        }
        double[] w = new double[d];
        for (int r = 0; r < d; r++) {
            w[r] = a[r][d] / a[r][r];
        }
        return w;
    }
}
