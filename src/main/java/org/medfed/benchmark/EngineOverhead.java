package org.medfed.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.medfed.concurrency.Workers;
import org.medfed.engine.BadInputException;
import org.medfed.engine.DataSplit;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunListener;
import org.medfed.engine.RunStatus;
import org.medfed.engine.checkpoint.CheckpointStore;
import org.medfed.engine.strategy.FedAvg;
import org.medfed.model.ModelSpec;
import org.medfed.model.ModelTrainer;
import org.medfed.project.CheckpointFile;
import org.medfed.site.InProcessParticipant;
import org.medfed.transport.InProcessTransport;

/**
 * What the round loop adds to local training: one hospital trains {@value #ROUNDS} rounds of one epoch through the
 * engine (FedAvg, the in-process transport, a test evaluation each round), against the same trainer running
 * {@value #ROUNDS} epochs in one call, in the same JVM; and, to tell the loop's own cost from the evaluation the
 * engine does each round, against the trainer's {@value #ROUNDS} one-epoch calls each followed by the same test
 * evaluation, called directly. The engine is measured twice: leaving no checkpoint, and writing one after every
 * round as {@code medfed run} does. Repetitions alternate the four, so that a slow moment of a shared machine falls
 * on all of them; ratios are taken within a repetition.
 *
 * @param rows            the hospital's training rows (its test rows are a third of that)
 * @param epochMillis     the median time of one epoch alone
 * @param alone           seconds of {@value #ROUNDS} epochs in one call, per repetition
 * @param evaluated       seconds of {@value #ROUNDS} one-epoch calls, each followed by a test evaluation
 * @param engine          seconds of {@value #ROUNDS} rounds through the engine, no checkpoint
 * @param checkpointed    the same, writing a checkpoint after every round
 * @param aloneCpu        the process's CPU seconds of each, which another program's load disturbs far less than
 *                        wall time (likewise the other three)
 */
public record EngineOverhead(ModelSpec spec, int rows, double epochMillis, List<Double> alone, List<Double> evaluated,
                             List<Double> engine, List<Double> checkpointed, List<Double> aloneCpu,
                             List<Double> evaluatedCpu, List<Double> engineCpu, List<Double> checkpointedCpu) {

    public static final int ROUNDS = 20;
    /** 20 features, two hidden layers: one epoch of 20,000 rows takes about 150 ms on a quiet core. */
    static final ModelSpec SPEC = ModelSpec.mlp(SyntheticHospitals.FEATURES, 2, 64, 32);
    public static final int DEFAULT_ROWS = 20_000;
    private static final LocalTraining EPOCH = new LocalTraining(0, 1, 32, LocalOptimizer.SGD, 0.01, 0);

    /** Measures {@code repetitions} alternations after one untimed warm-up of each. */
    public static EngineOverhead measure(Workers workers, int rows, int repetitions, Consumer<String> progress) {
        SyntheticHospitals.Hospital h = SyntheticHospitals.generate(1, rows * 4 / 3, 42, SPEC).get(0);
        ModelTrainer trainer = ModelTrainer.create(SPEC, h.train(), h.test());
        ModelVector initial = SPEC.initialParameters(1);
        List<Double> alone = new ArrayList<>();
        List<Double> evaluated = new ArrayList<>();
        List<Double> engine = new ArrayList<>();
        List<Double> checkpointed = new ArrayList<>();
        List<List<Double>> cpu = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Path dir;
        try {
            dir = Files.createTempDirectory("medfed-engine-overhead");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            CheckpointFile file = CheckpointFile.in(dir);
            for (int r = 0; r <= repetitions; r++) {
                // the order turns each repetition: none of the four always runs right after the same other
                for (int k = 0; k < 4; k++) {
                    int which = (k + r) % 4;
                    if (which == 3) {
                        // as medfed run starts each run: without the checkpoint of the one before
                        file.delete();
                    }
                    long cpu0 = ProcessCpu.nanos();
                    double wall = switch (which) {
                        case 0 -> timeAlone(trainer, initial);
                        case 1 -> timeEvaluated(trainer, initial);
                        case 2 -> timeEngine(workers, h.name(), trainer, initial, CheckpointStore.NONE);
                        default -> timeEngine(workers, h.name(), trainer, initial, file);
                    };
                    double cpuSeconds = (ProcessCpu.nanos() - cpu0) / 1e9;
                    record(r, List.of(alone, evaluated, engine, checkpointed).get(which), wall);
                    record(r, cpu.get(which), cpuSeconds);
                }
                if (r > 0) {
                    progress.accept(String.format(Locale.ROOT, "engine overhead %d/%d: alone %.2f s, evaluated each "
                            + "epoch %.2f s, engine %.2f s, with checkpoints %.2f s", r, repetitions, alone.get(r - 1),
                            evaluated.get(r - 1), engine.get(r - 1),
                            checkpointed.get(r - 1)));
                }
            }
        } finally {
            try {
                CheckpointFile.in(dir).delete();
                Files.deleteIfExists(dir);
            } catch (IOException | BadInputException ignored) {
                // a temporary folder left behind is harmless
            }
        }
        double epoch = Spread.of(alone).median() / ROUNDS * 1000;
        return new EngineOverhead(SPEC, h.train().size(), epoch, alone, evaluated, engine, checkpointed, cpu.get(0),
                cpu.get(1), cpu.get(2), cpu.get(3));
    }

    /** Keeps the measurement unless it is the warm-up (repetition 0). */
    private static void record(int repetition, List<Double> into, double seconds) {
        if (repetition > 0) {
            into.add(seconds);
        }
    }

    private static double timeAlone(ModelTrainer trainer, ModelVector initial) {
        LocalTraining plan = new LocalTraining(0, ROUNDS, EPOCH.batchSize(), EPOCH.optimizer(), EPOCH.learningRate(), 7);
        long t0 = System.nanoTime();
        trainer.train(initial, plan, GradientAdjustment.NONE, RunControl.free());
        return (System.nanoTime() - t0) / 1e9;
    }

    /** What the engine computes, without it: one epoch per call from the last call's model, then its test metrics. */
    private static double timeEvaluated(ModelTrainer trainer, ModelVector initial) {
        long t0 = System.nanoTime();
        ModelVector model = initial;
        for (int round = 1; round <= ROUNDS; round++) {
            model = trainer.train(model, EPOCH.withSeed(round), GradientAdjustment.NONE, RunControl.free()).params();
            trainer.evaluate(model, DataSplit.TEST);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double timeEngine(Workers workers, String name, ModelTrainer trainer, ModelVector initial,
                                     CheckpointStore checkpoints) {
        RunConfig config = new RunConfig(ROUNDS, 1.0, 1, EPOCH, 7, RunConfig.DEFAULT_TIMEOUT);
        long t0 = System.nanoTime();
        RunHistory history;
        try (InProcessTransport transport = new InProcessTransport(workers, 1)) {
            FederatedRun run = new FederatedRun(config, FedAvg.bySamples(),
                    List.of(InProcessParticipant.of(name, 1.0, trainer)), transport, RunListener.NONE);
            history = run.execute(initial, RunControl.free(), checkpoints);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (history.status() != RunStatus.FINISHED) {
            throw new IllegalStateException("the benchmark's run did not finish: " + history.message());
        }
        return seconds;
    }

    /** Each repetition's engine time over its time alone. */
    public Spread overhead() {
        return Spread.of(Spread.pairedRatios(alone, engine));
    }

    /** Each repetition's engine time over the same training and evaluations called directly: the loop's own cost. */
    public Spread loopOverhead() {
        return Spread.of(Spread.pairedRatios(evaluated, engine));
    }

    public Spread checkpointOverhead() {
        return Spread.of(Spread.pairedRatios(alone, checkpointed));
    }

    public String markdown() {
        Spread a = Spread.of(alone);
        Spread e = Spread.of(engine);
        Spread c = Spread.of(checkpointed);
        Spread r = overhead();
        Spread rc = checkpointOverhead();
        Spread v = Spread.of(evaluated);
        Spread rv = Spread.of(Spread.pairedRatios(alone, evaluated));
        Spread loop = loopOverhead();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "One hospital, %d training rows, MLP %d parameters, SGD batch %d; one epoch "
                + "alone takes %.0f ms (median). %d repetitions, alternated.%n%n", rows, spec.parameterCount(),
                EPOCH.batchSize(), epochMillis, alone.size()));
        b.append("| | min s | median s | max s | engine / alone (min, median, max of paired ratios) |\n");
        b.append("|---|---:|---:|---:|---|\n");
        b.append(row(ROUNDS + " epochs in one call", a, null));
        b.append(row(ROUNDS + " rounds x 1 epoch, engine", e, r));
        b.append(row(ROUNDS + " rounds x 1 epoch, engine + checkpoint each round", c, rc));
        b.append(row(ROUNDS + " calls of 1 epoch + test evaluation each, no engine", v, rv));
        b.append(String.format(Locale.ROOT, "%nThe loop's own cost, engine over the same training and evaluations called "
                + "directly (paired ratios): min %.3f, median **%.3f**, max %.3f.%n", loop.min(), loop.median(), loop.max()));
        b.append("\nThe same runs in CPU seconds of the process (less disturbed by other programs than wall time):\n\n");
        b.append("| | min s | median s | max s | over alone (min, median, max of paired ratios) |\n");
        b.append("|---|---:|---:|---:|---|\n");
        b.append(row(ROUNDS + " epochs in one call", Spread.of(aloneCpu), null));
        b.append(row(ROUNDS + " rounds x 1 epoch, engine", Spread.of(engineCpu),
                Spread.of(Spread.pairedRatios(aloneCpu, engineCpu))));
        b.append(row(ROUNDS + " rounds x 1 epoch, engine + checkpoint each round", Spread.of(checkpointedCpu),
                Spread.of(Spread.pairedRatios(aloneCpu, checkpointedCpu))));
        b.append(row(ROUNDS + " calls of 1 epoch + test evaluation each, no engine", Spread.of(evaluatedCpu),
                Spread.of(Spread.pairedRatios(aloneCpu, evaluatedCpu))));
        Spread loopCpu = Spread.of(Spread.pairedRatios(evaluatedCpu, engineCpu));
        b.append(String.format(Locale.ROOT, "%nThe loop's own cost in CPU: min %.3f, median **%.3f**, max %.3f.%n",
                loopCpu.min(), loopCpu.median(), loopCpu.max()));
        return b.toString();
    }

    private static String row(String what, Spread s, Spread ratio) {
        return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %s |%n", what, s.min(), s.median(), s.max(),
                ratio == null ? "" : String.format(Locale.ROOT, "%.3f, **%.3f**, %.3f", ratio.min(), ratio.median(),
                        ratio.max()));
    }
}
