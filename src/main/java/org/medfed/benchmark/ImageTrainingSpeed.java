package org.medfed.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.medfed.concurrency.Workers;
import org.medfed.data.ExampleSet;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;
import org.medfed.model.ComputeThreads;
import org.medfed.model.ModelSpec;
import org.medfed.model.ModelTrainer;

/**
 * Images per second of the BreastMNIST CNN (28x28 grey, batch 32, Adam), for one hospital and for several training
 * at once as a study runs them (at most one per core at a time), each with its share of the cores for its native
 * math against ND4J's default of every core for each. Repetitions alternate the settings.
 *
 * @param rows one per setting, in the order measured
 */
public record ImageTrainingSpeed(String data, int steps, List<Row> rows) {

    public static final int BATCH = 32;

    /**
     * One setting's figures.
     *
     * @param hospitals     hospitals training
     * @param atOnce        how many of them train at the same time
     * @param threadsEach   native math threads of each
     * @param imagesPerSecond all hospitals' images per second of wall time, per repetition
     */
    public record Row(String label, int hospitals, int atOnce, int threadsEach, List<Double> imagesPerSecond) {
    }

    /** {@code forced} threads for every trainer, or 0 for the threads the program chooses. */
    private record Setting(String label, int hospitals, int forced) {
    }

    /** The CNN of the BreastMNIST benchmark (two 3x3 convolutions of 8 and 16 filters, a dense layer of 32). */
    public static ModelSpec cnn() {
        return BreastMnistBenchmark.Settings.reported().spec();
    }

    /** {@code count} random 28x28 images with random labels: speed does not depend on what the pixels show. */
    public static ExampleSet randomImages(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] x = new float[count][28 * 28];
        int[] y = new int[count];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = (float) random.nextDouble();
            }
            y[i] = random.nextInt(2);
        }
        return ExampleSet.classification(new int[] {1, 28, 28}, x, y, 2);
    }

    /**
     * Measures each hospital count of {@code hospitalCounts} with the threads the program sets, and with every
     * hospital's native math using every core (ND4J's default).
     */
    public static ImageTrainingSpeed measure(Workers workers, String data, ExampleSet train, List<Integer> hospitalCounts,
                                             int steps, int repetitions, Consumer<String> progress) {
        int cores = workers.cores();
        List<Setting> settings = new ArrayList<>();
        for (int k : hospitalCounts) {
            String hospitals = k + (k == 1 ? " hospital" : " hospitals");
            settings.add(new Setting(hospitals + ", threads as the program sets them", k, 0));
            settings.add(new Setting(hospitals + ", every core each (ND4J's default)", k, cores));
        }
        ModelSpec spec = cnn();
        ModelVector initial = spec.initialParameters(1);
        int most = hospitalCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
        List<ModelTrainer> trainers = new ArrayList<>();
        for (int i = 0; i < most; i++) {
            trainers.add(ModelTrainer.create(spec, train, train));
        }
        LocalTraining plan = new LocalTraining(steps, 0, BATCH, LocalOptimizer.ADAM, 0.001, 3);
        int[] threads = new int[settings.size()];
        int before = ComputeThreads.shared();
        List<List<Double>> figures = new ArrayList<>();
        settings.forEach(s -> figures.add(new ArrayList<>()));
        try {
            for (int r = 0; r <= repetitions; r++) {
                for (int i = 0; i < settings.size(); i++) {
                    Setting s = settings.get((i + r) % settings.size());
                    int atOnce = Math.min(s.hospitals(), cores);
                    // as the study runner does: the hospitals at once share the cores, a model takes what it can use
                    ComputeThreads.share(workers.computeThreads(atOnce));
                    ComputeThreads.force(s.forced());
                    threads[(i + r) % settings.size()] = ComputeThreads.forModel(spec);
                    double ips = imagesPerSecond(workers, trainers.subList(0, s.hospitals()), atOnce, initial, plan);
                    if (r > 0) { // repetition 0 warms up
                        figures.get((i + r) % settings.size()).add(ips);
                        progress.accept(String.format(Locale.ROOT, "images %d/%d: %s: %.0f images/s", r, repetitions,
                                s.label(), ips));
                    }
                }
            }
        } finally {
            ComputeThreads.force(0);
            ComputeThreads.share(before);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            Setting s = settings.get(i);
            rows.add(new Row(s.label(), s.hospitals(), Math.min(s.hospitals(), cores), threads[i], figures.get(i)));
        }
        return new ImageTrainingSpeed(data, steps, rows);
    }

    private static double imagesPerSecond(Workers workers, List<ModelTrainer> trainers, int atOnce,
                                          ModelVector initial, LocalTraining plan) {
        ExecutorService pool = workers.fixed("participant", atOnce);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> jobs = new ArrayList<>();
            for (ModelTrainer t : trainers) {
                jobs.add(pool.submit(() -> t.train(initial, plan, GradientAdjustment.NONE, RunControl.free())));
            }
            for (Future<?> f : jobs) {
                f.get();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return (double) trainers.size() * plan.steps() * plan.batchSize() / seconds;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public String markdown() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "CNN %s, batch %d, Adam; %s; each hospital %d steps per repetition; %d "
                + "repetitions, alternated.%n%n", describe(), BATCH, data, steps, rows.get(0).imagesPerSecond().size()));
        b.append("| setting | at once | threads each | images/s min | median | max |\n");
        b.append("|---|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            Spread s = Spread.of(r.imagesPerSecond());
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %.0f |%n", r.label(), r.atOnce(),
                    r.threadsEach(), s.min(), s.median(), s.max()));
        }
        return b.toString();
    }

    private static String describe() {
        BreastMnistBenchmark.Settings s = BreastMnistBenchmark.Settings.reported();
        return "filters " + java.util.Arrays.toString(s.filters()) + ", dense " + java.util.Arrays.toString(s.hidden())
                + " (" + s.spec().parameterCount() + " parameters)";
    }
}
