package org.medfed.gui.tour;

import static org.medfed.gui.tour.ScreenshotTour.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.medfed.gui.Workbench;
import org.medfed.gui.common.ExecutorBackgroundTasks;
import org.medfed.gui.common.FxUserDialogs;
import org.medfed.gui.common.RecentStudies;
import org.medfed.gui.common.SampleStudies;
import org.medfed.gui.results.RunHistoryStore;
import org.medfed.gui.run.RunViewModel;
import org.medfed.gui.shell.Screen;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.TestWorkers;

/**
 * Responsiveness benchmark: runs the sample study for N rounds (300 by default) of logistic regression with the
 * Run screen and its live charts showing, and measures how long the FX thread went without a pulse (the gap
 * between consecutive AnimationTimer frames) and how late a tiny task posted every 5 ms got to run. Prints the
 * figures; {@code scripts/pulse-gap.sh} runs it under Xvfb.
 */
public final class PulseGapHarness {

    private PulseGapHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path work = Files.createTempDirectory("medfed-pulse");
        System.setProperty("medfed.home", work.resolve("home").toString());
        Path sample = SampleStudies.defaultSample().orElseThrow();
        Study study = StudyFile.load(sample);
        // data paths made absolute, so the study runs from the temporary folder and its history stays there
        List<org.medfed.project.ParticipantEntry> parts = new ArrayList<>();
        study.participants().forEach(p -> parts.add(p.withData(List.of(StudyFile.resolve(sample, p.data().get(0)).toString()))));
        Path file = work.resolve("study.json");
        StudyFile.save(study.withParticipants(parts).withTraining(study.training().withRounds(rounds)), file);

        Platform.startup(() -> { });
        ExecutorBackgroundTasks tasks = new ExecutorBackgroundTasks(TestWorkers.shared(), Platform::runLater);
        Stage[] stage = new Stage[1];
        Workbench wb = onFx(() -> {
            stage[0] = new Stage();
            Workbench w = new Workbench(tasks, new FxUserDialogs(() -> stage[0]), RecentStudies.inHome(), List.of(),
                    new RunHistoryStore(), Platform::exit);
            // Monocle's headless screen is 1280 x 800
            boolean monocle = "Monocle".equals(System.getProperty("glass.platform"));
            stage[0].setScene(new Scene(w.root(), monocle ? 1240 : 1360, monocle ? 760 : 860));
            stage[0].show();
            w.warmUpCharts(); // as App does after showing the window
            w.open(file);
            w.shell().screenProperty().set(Screen.valueOf(System.getProperty("medfed.benchScreen", "RUN")));
            // -Dmedfed.benchBaselines=true: each hospital alone and pooled are trained after the run, as by default
            w.run().compareWithBaselinesProperty().set(Boolean.getBoolean("medfed.benchBaselines"));
            return w;
        });
        Thread.sleep(1500);
        // -Dmedfed.benchWarmups=N: N runs first, so the measured one sees JIT-compiled drawing code, as a
        // workbench does after its first run; the default 0 measures a first run in a fresh JVM
        for (int w = 0; w < Integer.getInteger("medfed.benchWarmups", 0); w++) {
            onFx(() -> {
                wb.run().start();
                return null;
            });
            while (onFx(() -> wb.run().phaseProperty().get()) != RunViewModel.Phase.FINISHED) {
                Thread.sleep(20);
            }
            Thread.sleep(300);
        }

        FxStallSampler sampler = Boolean.getBoolean("medfed.benchStacks")
                ? new FxStallSampler(onFx(Thread::currentThread)) : null;
        if (sampler != null) {
            Thread t = new Thread(sampler, "stall-sampler");
            t.setDaemon(true);
            t.start();
        }
        List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
        List<String> gapNotes = Collections.synchronizedList(new ArrayList<>());
        long[] last = {0};
        int[] lastPoints = {0};
        long[] start = {0};
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                int pts = wb.run().points().size();
                if (last[0] != 0) {
                    gaps.add(t - last[0]);
                    if (t - last[0] > 50_000_000L) {
                        gapNotes.add(String.format(Locale.ROOT, "  gap %.0f ms ending %.2f s after Start, rounds shown %d -> %d, phase %s",
                                (t - last[0]) / 1e6, (t - start[0]) / 1e9, lastPoints[0], pts, wb.run().phaseProperty().get())
                                + (sampler == null ? "" : "\n" + sampler.categories(last[0], t)));
                    }
                }
                last[0] = t;
                lastPoints[0] = pts;
            }
        };
        List<Long> lateness = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor();
        probe.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> lateness.add(System.nanoTime() - posted));
        }, 0, 5, TimeUnit.MILLISECONDS);

        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long fxThread = onFx(() -> Thread.currentThread().getId());
        long fxCpu0 = threads.getThreadCpuTime(fxThread);
        long renderThread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .mapToLong(Thread::getId).findFirst().orElse(-1);
        long renderCpu0 = threads.getThreadCpuTime(renderThread);
        long t0 = System.nanoTime();
        start[0] = t0;
        onFx(() -> {
            pulses.start();
            wb.run().start();
            return null;
        });
        while (onFx(() -> wb.run().phaseProperty().get()) != RunViewModel.Phase.FINISHED) {
            if (onFx(() -> wb.run().phaseProperty().get()) == RunViewModel.Phase.FAILED) {
                throw new IllegalStateException("the run failed: " + onFx(() -> wb.run().statusTextProperty().get()));
            }
            Thread.sleep(20);
        }
        long runNanos = System.nanoTime() - t0;
        long fxCpu = threads.getThreadCpuTime(fxThread) - fxCpu0;
        long renderCpu = threads.getThreadCpuTime(renderThread) - renderCpu0;
        Thread.sleep(500);
        onFx(() -> {
            pulses.stop();
            return null;
        });
        probe.shutdownNow();
        int points = onFx(() -> wb.run().points().size());
        int drawn = onFx(() -> wb.runView().roundsDrawnForBenchmark());

        System.out.printf(Locale.ROOT, "rounds: %d, run took %.2f s, points in the view-model: %d, rounds drawn: %d%n",
                rounds, runNanos / 1e9, points, drawn);
        System.out.printf(Locale.ROOT, "pulses: %d, longest gap between pulses: %.1f ms, 99th percentile: %.1f ms, median: %.1f ms%n",
                gaps.size(), max(gaps) / 1e6, percentile(gaps, 0.99) / 1e6, percentile(gaps, 0.5) / 1e6);
        System.out.printf(Locale.ROOT, "5 ms probe: %d tasks, longest wait for the FX thread: %.1f ms, 99th percentile: %.1f ms%n",
                lateness.size(), max(lateness) / 1e6, percentile(lateness, 0.99) / 1e6);
        System.out.printf(Locale.ROOT, "CPU time during the run: FX thread %.0f ms, renderer thread %.0f ms, of %.0f ms; "
                        + "machine load average: %.1f on %d cores%n",
                fxCpu / 1e6, renderCpu / 1e6, runNanos / 1e6, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        gapNotes.forEach(System.out::println);
        if (sampler != null) {
            sampler.stop();
            long end = t0 + runNanos + 500_000_000L;
            System.out.println("  FX thread over the whole run:\n" + sampler.categories(t0, end));
            String frames = System.getProperty("medfed.benchFrames"); // a category, or "all"
            if (frames != null) {
                // -Dmedfed.benchFramesUntil=S: only the first S seconds after Start
                double until = Double.parseDouble(System.getProperty("medfed.benchFramesUntil", "1e9"));
                System.out.println(sampler.summarize(t0, Math.min(end, t0 + (long) (until * 1e9)), 150,
                        frames.equals("all") ? null : frames));
            }
        }
        tasks.shutdown();
        Platform.exit();
        System.exit(points == rounds && drawn == rounds ? 0 : 1);
    }

    private static long max(List<Long> values) {
        synchronized (values) {
            return values.stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    private static long percentile(List<Long> values, double q) {
        List<Long> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }
}
