package org.medfed.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.medfed.data.ExampleSet;
import org.medfed.engine.Seeds;
import org.medfed.model.ModelSpec;
import org.medfed.model.ModelTrainer;
import org.medfed.site.HospitalSite;

/**
 * Made-up hospitals for benchmarks that measure the federation rather than the model: each has a few hundred rows
 * of 20 standard-normal features whose binary label follows one shared linear rule, shifted a little per hospital
 * so that their updates differ. The rows depend only on the seed and the hospital's number.
 */
final class SyntheticHospitals {

    static final int FEATURES = 20;

    /** One hospital's rows; {@link #site()} builds a fresh hospital over them each time it is called. */
    record Hospital(String name, ExampleSet train, ExampleSet test, ModelSpec model) {

        /** A new site with its own trainer and empty study state, so that two runs never share anything. */
        HospitalSite site() {
            return new HospitalSite(name, ModelTrainer.create(model, train, test));
        }
    }

    private SyntheticHospitals() {
    }

    /**
     * {@code count} hospitals named hospital-001, hospital-002, ... with {@code rows} rows each (3/4 for training),
     * whose sites train {@code model}.
     */
    static List<Hospital> generate(int count, int rows, long seed, ModelSpec model) {
        double[] rule = new double[FEATURES];
        SplittableRandom shared = new SplittableRandom(Seeds.derive(seed, "synthetic-rule", 0));
        for (int j = 0; j < FEATURES; j++) {
            rule[j] = shared.nextDouble(-1, 1);
        }
        List<Hospital> out = new ArrayList<>(count);
        for (int h = 1; h <= count; h++) {
            SplittableRandom random = new SplittableRandom(Seeds.derive(seed, "synthetic-hospital", h));
            double shift = random.nextDouble(-0.5, 0.5);
            float[][] x = new float[rows][FEATURES];
            int[] y = new int[rows];
            for (int i = 0; i < rows; i++) {
                double score = shift;
                for (int j = 0; j < FEATURES; j++) {
                    x[i][j] = (float) gaussian(random);
                    score += rule[j] * x[i][j];
                }
                y[i] = score + 0.5 * gaussian(random) > 0 ? 1 : 0;
            }
            ExampleSet all = ExampleSet.classification(new int[] {FEATURES}, x, y, 2);
            int trainRows = rows * 3 / 4;
            out.add(new Hospital(String.format("hospital-%03d", h), all.subset(range(0, trainRows)),
                    all.subset(range(trainRows, rows)), model));
        }
        return out;
    }

    private static int[] range(int from, int to) {
        int[] out = new int[to - from];
        for (int i = 0; i < out.length; i++) {
            out[i] = from + i;
        }
        return out;
    }

    /** Box-Muller: SplittableRandom has no nextGaussian in Java 17. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
