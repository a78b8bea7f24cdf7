package org.medfed.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.medfed.engine.ModelVector;
import org.medfed.engine.VectorMath;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * FedAvg's weighted mean against the memory bandwidth of the same process: a STREAM triad over float arrays of
 * the model's size runs in the same JMH run, and the report's bandwidth of each is bytes moved per second
 * (triad: 3 x 4 bytes per element; weighted mean: (hospitals + 1) x 4 bytes per parameter, each update read
 * once and the mean written once). Not a test: run on demand, see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class AggregationBenchmark {

    @Param("10")
    int hospitals;

    @Param("10000000")
    int parameters;

    List<ModelVector> updates;
    float[][] raw;
    double[] weights;
    /** weights[k] / sum(weights), as weightedMean scales them. */
    double[] scaled;
    float[] a;
    float[] b;
    float[] c;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        updates = new ArrayList<>();
        raw = new float[hospitals][];
        weights = new double[hospitals];
        for (int k = 0; k < hospitals; k++) {
            float[] v = new float[parameters];
            for (int i = 0; i < parameters; i++) {
                v[i] = (float) random.nextGaussian();
            }
            updates.add(ModelVector.wrap(v));
            raw[k] = v;
            weights[k] = 100 + k;
        }
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        scaled = new double[hospitals];
        for (int k = 0; k < hospitals; k++) {
            scaled[k] = weights[k] / total;
        }
        a = new float[parameters];
        b = updates.get(0).toArray();
        c = updates.get(1).toArray();
    }

    @Benchmark
    public ModelVector weightedMean() {
        return VectorMath.weightedMean(updates, weights);
    }

    /** The weighted mean as it was before the tiles: a double sum of the whole length, one pass per hospital. */
    @Benchmark
    public float[] wholeVectorsInOrder() {
        double[] acc = new double[parameters];
        for (int k = 0; k < hospitals; k++) {
            float[] v = raw[k];
            double w = scaled[k];
            for (int i = 0; i < parameters; i++) {
                acc[i] += w * v[i];
            }
        }
        float[] out = new float[parameters];
        for (int i = 0; i < parameters; i++) {
            out[i] = (float) acc[i];
        }
        return out;
    }

    /** a = b + s * c: the memory bandwidth a plain Java loop reaches here. */
    @Benchmark
    public float[] triad() {
        float s = 0.5f;
        for (int i = 0; i < a.length; i++) {
            a[i] = b[i] + s * c[i];
        }
        return a;
    }

    /** The tiled mean as it was before vectors were added four at a time: one pass over the tile per hospital. */
    @Benchmark
    public float[] tilesOneVectorPerPass() {
        float[] out = new float[parameters];
        double[] acc = new double[2048];
        for (int start = 0; start < parameters; start += 2048) {
            int len = Math.min(2048, parameters - start);
            java.util.Arrays.fill(acc, 0, len, 0.0);
            for (int k = 0; k < hospitals; k++) {
                float[] v = raw[k];
                double w = scaled[k];
                for (int i = 0; i < len; i++) {
                    acc[i] += w * v[start + i];
                }
            }
            for (int i = 0; i < len; i++) {
                out[start + i] = (float) acc[i];
            }
        }
        return out;
    }

    /**
     * The mean as the previous version computed it: tiles of 2,048 parameters (sized for the L1 cache), four vectors
     * per pass and the rest one by one.
     */
    @Benchmark
    public float[] smallTilesFourPerPass() {
        float[] out = new float[parameters];
        double[] acc = new double[2048];
        for (int start = 0; start < parameters; start += 2048) {
            int len = Math.min(2048, parameters - start);
            java.util.Arrays.fill(acc, 0, len, 0.0);
            int k = 0;
            for (; k + 4 <= hospitals; k += 4) {
                float[] v0 = raw[k];
                float[] v1 = raw[k + 1];
                float[] v2 = raw[k + 2];
                float[] v3 = raw[k + 3];
                double w0 = scaled[k];
                double w1 = scaled[k + 1];
                double w2 = scaled[k + 2];
                double w3 = scaled[k + 3];
                for (int i = 0; i < len; i++) {
                    int j = start + i;
                    acc[i] = acc[i] + w0 * v0[j] + w1 * v1[j] + w2 * v2[j] + w3 * v3[j];
                }
            }
            for (; k < hospitals; k++) {
                float[] v = raw[k];
                double w = scaled[k];
                for (int i = 0; i < len; i++) {
                    acc[i] += w * v[start + i];
                }
            }
            for (int i = 0; i < len; i++) {
                out[start + i] = (float) acc[i];
            }
        }
        return out;
    }

    /** Only the float-to-double conversion of one hospital's update, tile by tile: what bounds the mean. */
    @Benchmark
    public double[] conversionOnly() {
        double[] d = new double[2048];
        float[] v = raw[0];
        for (int start = 0; start + 2048 <= parameters; start += 2048) {
            for (int i = 0; i < 2048; i++) {
                d[i] = v[start + i];
            }
        }
        return d;
    }
}
