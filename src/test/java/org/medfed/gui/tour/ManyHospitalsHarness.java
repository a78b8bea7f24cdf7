package org.medfed.gui.tour;

import static org.medfed.gui.tour.ScreenshotTour.onFx;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.medfed.concurrency.Workers;
import org.medfed.gui.Workbench;
import org.medfed.gui.common.ExecutorBackgroundTasks;
import org.medfed.gui.common.FxUserDialogs;
import org.medfed.gui.common.RecentStudies;
import org.medfed.gui.common.SampleStudies;
import org.medfed.gui.results.RunHistoryStore;
import org.medfed.gui.run.RunViewModel;
import org.medfed.gui.shell.Screen;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/**
 * Benchmark of a study with many hospitals in the workbench ({@code scripts/many-hospitals.sh}).
 *
 * <p>{@code generate N DIR}: writes a study of N hospitals, each a CSV of 40 rows drawn (seeded) from the sample
 * heart study's four files, to DIR/study.json.
 *
 * <p>{@code measure STUDY.json}: builds the workbench as {@code App} does, first thing in a fresh JVM, opens the
 * study and prints, each counted from the JVM's start:
 * <ul>
 *   <li><b>window responds</b>: the study is open and three probes in a row, posted to the FX thread 50 ms apart,
 *   each ran within 100 ms of being posted (a click would be answered);</li>
 *   <li><b>files read</b>: every hospital's file read and checked, Run enabled;</li>
 * </ul>
 * then the longest wait of the FX thread while each screen is shown in turn, and while a run of the study's rounds
 * goes with the Run screen showing (longest gap between pulses, longest probe wait).
 */
public final class ManyHospitalsHarness {

    private static final long RESPONSIVE_NANOS = 100_000_000L;
    private static int shotsFor;

    private ManyHospitalsHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("generate")) {
            generate(Integer.parseInt(args[1]), Path.of(args[2]));
        } else if (args.length == 2 && args[0].equals("measure")) {
            try {
                measure(Path.of(args[1]).toAbsolutePath());
            } catch (Exception | Error e) {
                e.printStackTrace();
                System.exit(1); // the FX thread would keep the JVM alive
            }
        } else {
            System.err.println("usage: ManyHospitalsHarness generate N DIR | measure STUDY.json");
            System.exit(2);
        }
    }

    static void generate(int hospitals, Path dir) throws IOException {
        Path sample = SampleStudies.defaultSample().orElseThrow(() -> new IllegalStateException("no sample-projects"));
        Study study = StudyFile.load(sample);
        String header = null;
        List<String> pool = new ArrayList<>();
        for (ParticipantEntry p : study.participants()) {
            List<String> lines = Files.readAllLines(StudyFile.resolve(sample, p.data().get(0)), StandardCharsets.UTF_8);
            header = lines.get(0);
            pool.addAll(lines.subList(1, lines.size()));
        }
        Files.createDirectories(dir.resolve("data"));
        SplittableRandom random = new SplittableRandom(18);
        List<ParticipantEntry> parts = new ArrayList<>();
        int digits = String.valueOf(hospitals).length();
        for (int h = 1; h <= hospitals; h++) {
            String name = String.format(Locale.ROOT, "hospital-%0" + digits + "d", h);
            try (Writer w = Files.newBufferedWriter(dir.resolve("data").resolve(name + ".csv"))) {
                w.write(header);
                w.write('\n');
                for (int r = 0; r < 40; r++) {
                    w.write(pool.get(random.nextInt(pool.size())));
                    w.write('\n');
                }
            }
            parts.add(new ParticipantEntry(name, "data/" + name + ".csv"));
        }
        StudyFile.save(study.withName(hospitals + " hospitals (synthetic, from the heart sample)").withParticipants(parts)
                .withTraining(study.training().withRounds(Integer.getInteger("medfed.benchRounds", 5))),
                dir.resolve("study.json"));
        System.out.println("wrote " + dir.resolve("study.json") + " with " + hospitals + " hospitals");
    }

    static void measure(Path file) throws Exception {
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        // nanoTime of the JVM's start, so every figure below is "seconds since launch"
        long t0 = System.nanoTime() - (System.currentTimeMillis() - jvmStartMillis) * 1_000_000L;
        Path home = Files.createTempDirectory("medfed-many");
        System.setProperty("medfed.home", home.resolve("home").toString());

        FxStallSampler sampler = null;
        Platform.startup(() -> { });
        if (Boolean.getBoolean("medfed.benchStacks")) {
            sampler = new FxStallSampler(onFx(Thread::currentThread));
            Thread t = new Thread(sampler, "stall-sampler");
            t.setDaemon(true);
            t.start();
        }
        Workers workers = new Workers(); // as Main makes them for the program
        ExecutorBackgroundTasks tasks = new ExecutorBackgroundTasks(workers, Platform::runLater);
        Stage[] stage = new Stage[1];
        Workbench[] holder = new Workbench[1];
        long[] opened = {0};
        // as App.start does, in one FX turn: the window, then the study
        Platform.runLater(() -> {
            stage[0] = new Stage();
            Workbench w = new Workbench(tasks, new FxUserDialogs(() -> stage[0]), RecentStudies.inHome(), List.of(),
                    new RunHistoryStore(), Platform::exit);
            stage[0].setScene(new Scene(w.root(), 1360, 860));
            stage[0].titleProperty().bind(w.shell().titleProperty());
            stage[0].show();
            w.warmUpCharts();
            w.open(file);
            holder[0] = w;
            opened[0] = System.nanoTime();
        });

        Probe probe = new Probe();
        probe.start();
        long responds = 0;
        int good = 0;
        while (responds == 0) {
            Thread.sleep(50);
            if (opened[0] != 0 && probe.lastAnsweredWithin(RESPONSIVE_NANOS)) {
                if (++good == 3) {
                    responds = System.nanoTime();
                }
            } else {
                good = 0;
            }
            if (System.nanoTime() - t0 > 600e9) {
                throw new IllegalStateException("no answer within 10 minutes");
            }
        }
        Workbench wb = holder[0];
        int hospitals = onFx(() -> wb.participants().rows().size());
        shotsFor = hospitals;
        while (!onFx(() -> !wb.participants().busyProperty().get() && wb.run().canStartProperty().get())) {
            Thread.sleep(50);
            if (System.nanoTime() - t0 > 900e9) {
                throw new IllegalStateException("files not read within 15 minutes: "
                        + onFx(() -> wb.readiness().problems().toString()));
            }
        }
        long filesRead = System.nanoTime();
        System.out.printf(Locale.ROOT, "hospitals: %d; machine load average at start %.1f on %d cores%n", hospitals,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "study opened (FX thread) %.1f s after launch; window responds %.1f s; files read, "
                + "Run enabled %.1f s%n", (opened[0] - t0) / 1e9, (responds - t0) / 1e9, (filesRead - t0) / 1e9);
        if (sampler != null) {
            System.out.println("  FX thread from launch until it responds:\n"
                    + sampler.summarize(t0, responds, Integer.getInteger("medfed.benchTop", 40), null,
                    System.getProperty("medfed.benchFrames", "")));
        }

        for (Screen s : List.of(Screen.PARTICIPANTS, Screen.TASK, Screen.ALGORITHM, Screen.RUN, Screen.RESULTS)) {
            probe.reset();
            long before = System.nanoTime();
            onFx(() -> {
                wb.shell().screenProperty().set(s);
                return null;
            });
            long shown = System.nanoTime();
            Thread.sleep(1000);
            long longest = probe.longest();
            System.out.printf(Locale.ROOT, "screen %-12s switch took %.0f ms on the FX thread, longest probe wait in "
                    + "the next second %.0f ms%n", s, (shown - before) / 1e6, longest / 1e6);
            shoot(stage[0], s.name().toLowerCase(Locale.ROOT) + ".png"); // after the figures: it holds the FX thread
        }

        onFx(() -> {
            wb.shell().screenProperty().set(Screen.RUN);
            return null;
        });
        Thread.sleep(500);
        List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
        long[] last = {0};
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                if (last[0] != 0) {
                    gaps.add(t - last[0]);
                }
                last[0] = t;
            }
        };
        probe.reset();
        long runStart = System.nanoTime();
        onFx(() -> {
            pulses.start();
            // -Dmedfed.benchBaselines=false: no "each hospital alone" and pooled models after the run (on by
            // default, as in the workbench; with a thousand hospitals that is a thousand more trainings)
            wb.run().compareWithBaselinesProperty().set(!"false".equals(System.getProperty("medfed.benchBaselines")));
            wb.run().start();
            return null;
        });
        RunViewModel.Phase phase;
        while ((phase = onFx(() -> wb.run().phaseProperty().get())) != RunViewModel.Phase.FINISHED) {
            if (phase == RunViewModel.Phase.FAILED || phase == RunViewModel.Phase.STOPPED) {
                throw new IllegalStateException("the run did not finish: " + onFx(() -> wb.run().statusTextProperty().get()));
            }
            Thread.sleep(50);
        }
        long runEnd = System.nanoTime();
        Thread.sleep(1000);
        onFx(() -> {
            pulses.stop();
            return null;
        });
        long longestWait = probe.longest();
        shoot(stage[0], "run-finished.png");
        // two hospitals picked, as a person would to follow them beside the band
        onFx(() -> {
            List<String> names = wb.run().hospitalLines().names();
            wb.run().hospitalLines().show(names.get(0), true);
            wb.run().hospitalLines().show(names.get(names.size() - 1), true);
            return null;
        });
        Thread.sleep(1500);
        shoot(stage[0], "run-picked.png");
        int rounds = onFx(() -> wb.run().points().size());
        int drawn = onFx(() -> wb.runView().roundsDrawnForBenchmark());
        System.out.printf(Locale.ROOT, "run: %d rounds in %.1f s, rounds drawn %d; longest gap between pulses %.0f ms, "
                        + "longest probe wait %.0f ms (during the run and 1 s after)%n", rounds, (runEnd - runStart) / 1e9,
                drawn, gaps.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6, longestWait / 1e6);
        if (sampler != null) {
            sampler.stop();
            System.out.println("  FX thread during the run:\n" + sampler.summarize(runStart, runEnd, 25, null));
        }
        probe.stop();
        tasks.shutdown();
        workers.close();
        Platform.exit();
        System.exit(0);
    }

    /** With -Dmedfed.benchShots=DIR: the window as it is now, to look at. */
    private static void shoot(Stage stage, String name) throws Exception {
        String base = System.getProperty("medfed.benchShots");
        if (base == null) {
            return;
        }
        String dir = base + "/" + shotsFor; // one folder per study size
        Files.createDirectories(Path.of(dir));
        java.awt.image.BufferedImage image = onFx(() -> javafx.embed.swing.SwingFXUtils.fromFXImage(
                stage.getScene().snapshot(null), null));
        javax.imageio.ImageIO.write(image, "png", Path.of(dir, name).toFile());
    }

    /** Posts a tiny task to the FX thread every 50 ms and remembers how long each waited. */
    private static final class Probe {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fx-probe");
            t.setDaemon(true);
            return t;
        });
        private volatile long lastWait = Long.MAX_VALUE;
        private volatile long longest;
        private volatile long pendingSince;

        void start() {
            timer.scheduleAtFixedRate(() -> {
                long posted = System.nanoTime();
                long pending = pendingSince;
                if (pending != 0) {
                    // the previous probe has not run yet: it has waited at least this long
                    lastWait = Math.max(lastWait, posted - pending);
                    longest = Math.max(longest, posted - pending);
                    return;
                }
                pendingSince = posted;
                Platform.runLater(() -> {
                    long wait = System.nanoTime() - posted;
                    lastWait = wait;
                    longest = Math.max(longest, wait);
                    pendingSince = 0;
                });
            }, 0, 50, TimeUnit.MILLISECONDS);
        }

        boolean lastAnsweredWithin(long nanos) {
            return pendingSince == 0 && lastWait <= nanos;
        }

        void reset() {
            longest = 0;
        }

        long longest() {
            return Math.max(longest, pendingSince == 0 ? 0 : System.nanoTime() - pendingSince);
        }

        void stop() {
            timer.shutdownNow();
        }
    }
}
