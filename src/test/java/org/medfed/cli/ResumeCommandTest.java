package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.engine.checkpoint.Checkpoint;
import org.medfed.engine.checkpoint.Checkpointing;
import org.medfed.model.ModelFiles;
import org.medfed.project.CheckpointFile;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.study.PreparedStudy;
import org.medfed.study.RunFolder;
import org.medfed.study.RunOptions;
import org.medfed.study.StudyRunner;
import org.medfed.testsupport.CrashAfterCheckpoint;
import org.medfed.testsupport.RunFingerprint;
import org.medfed.testsupport.SimulatedCrash;
import org.medfed.testsupport.TestWorkers;

/**
 * {@code medfed run --resume}: a killed run goes on to the outputs of a run never interrupted; a folder it cannot
 * resume is refused with a message naming the file.
 */
class ResumeCommandTest {

    private static final String STUDY = SampleStudyEndToEndTest.STUDY;

    @TempDir
    Path tmp;

    /** Slow enough rounds (an MLP, five local epochs) that the process can be killed in the middle of the run. */
    private static final List<String> SLOW_RUN = List.of("run", STUDY, "--rounds", "20", "--fraction", "0.5",
            "--model", "mlp", "--hidden", "64,64", "--local-epochs", "5");

    @Test
    void aRunWhoseProcessIsKilledMidwayAndResumedWritesTheSameMetricsAndModel() throws Exception {
        Path killed = tmp.resolve("killed");
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), "org.medfed.Main"));
        command.addAll(SLOW_RUN);
        command.addAll(List.of("--out", killed.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        CountDownLatch fourthRoundShown = new CountDownLatch(1);
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.startsWith("round 4/20")) {
                        fourthRoundShown.countDown();
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            boolean shown = fourthRoundShown.await(60, TimeUnit.SECONDS);
            assertThat(shown).as("the run showed its fourth round; its output:%n%s", output).isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        // killed during round 5 or a little later, but certainly not after the last round
        Checkpoint left = CheckpointFile.in(killed).load();
        assertThat(left.round()).as("%s", output).isBetween(4, 19);
        assertThat(Files.readString(killed.resolve(RunFolder.INFO))).contains("status=running");
        assertThat(killed.resolve("metrics.csv")).doesNotExist();

        CliRunner resumed = CliRunner.run("run", "--resume", killed.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("resuming " + killed + " after round " + left.round() + " of 20")
                .contains("round 20/20");
        Path straight = tmp.resolve("straight");
        List<String> args = new ArrayList<>(SLOW_RUN);
        args.addAll(List.of("--out", straight.toString()));
        CliRunner uninterrupted = CliRunner.run(args.toArray(String[]::new));
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();

        assertSameOutputs(killed, straight);
        assertThat(resumed.out()).isEqualTo(uninterrupted.out());
        assertThat(Files.readString(killed.resolve(RunFolder.INFO))).contains("status=finished");
    }

    @Test
    void aHalfWrittenTemporaryCheckpointLeftByTheKillIsIgnored() throws Exception {
        Path killed = tmp.resolve("killed");
        StudyFlags flags = new StudyFlags();
        flags.fraction = 0.5;
        Study study = flags.apply(StudyFile.load(Path.of(STUDY)));
        study = study.withTraining(study.training().withRounds(6));
        crashAfter(2, study, killed);
        byte[] whole = Files.readAllBytes(killed.resolve(CheckpointFile.NAME));
        // the process died while AtomicFiles was writing the checkpoint of round 3
        Files.write(killed.resolve("." + CheckpointFile.NAME + ".3f2a9c.tmp"), Arrays.copyOf(whole, 700));

        CliRunner resumed = CliRunner.run("run", "--resume", killed.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("after round 2 of 6");
        Path straight = tmp.resolve("straight");
        CliRunner uninterrupted = CliRunner.run("run", STUDY, "--fraction", "0.5", "--rounds", "6", "--out",
                straight.toString());
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
        assertSameOutputs(killed, straight);
        // summary.json gives the run's first start, as run.properties does, not the resume's
        java.util.Properties info = new java.util.Properties();
        try (var in = Files.newBufferedReader(killed.resolve(RunFolder.INFO))) {
            info.load(in);
        }
        assertThat(Files.readString(killed.resolve("summary.json")))
                .contains("\"started\" : \"" + info.getProperty("started") + "\"");
    }

    @Test
    void aFinishedRunSaysSo() throws Exception {
        Path dir = tmp.resolve("done");
        assertThat(CliRunner.run("run", STUDY, "--rounds", "2", "--out", dir.toString()).exitCode()).isZero();
        CliRunner again = CliRunner.run("run", "--resume", dir.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("medfed: done: the run already finished (status finished, 2 of 2 rounds)");

        // a run that failed (a round without enough hospitals) is not called finished, and is told what to do
        Path info = dir.resolve(RunFolder.INFO);
        Files.writeString(info, Files.readString(info).replace("status=finished", "status=failed"));
        CliRunner failed = CliRunner.run("run", "--resume", dir.toString());
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.err()).contains("the run ended with status failed after 2 of 2 rounds, and wrote its outputs; "
                + "only a run that was interrupted (killed, or Ctrl-C) is resumed").doesNotContain("already finished");
    }

    @Test
    void aMissingOrDamagedCheckpointIsNamed() throws Exception {
        Study study = StudyFile.load(Path.of(STUDY));
        study = study.withTraining(study.training().withRounds(4));
        Path dir = tmp.resolve("interrupted");
        try (RunFolder started = RunFolder.create(dir, false)) {
            started.begin(study, Path.of(STUDY), study.seed(), false);
        }
        CliRunner missing = CliRunner.run("run", "--resume", dir.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("medfed: checkpoint.json: no checkpoint (looked for "
                + dir.resolve("checkpoint.json").toAbsolutePath() + ")");

        crashAfter(2, study, dir);
        String whole = Files.readString(dir.resolve(CheckpointFile.NAME));
        Files.writeString(dir.resolve(CheckpointFile.NAME), whole.substring(0, whole.length() - 40));
        CliRunner damaged = CliRunner.run("run", "--resume", dir.toString());
        assertThat(damaged.exitCode()).isEqualTo(2);
        assertThat(damaged.err()).contains("medfed: checkpoint.json: the checkpoint "
                + dir.resolve(CheckpointFile.NAME).toAbsolutePath() + " is damaged");

        CliRunner notAFolder = CliRunner.run("run", "--resume", tmp.resolve("nothing-here").toString());
        assertThat(notAFolder.exitCode()).isEqualTo(2);
        assertThat(notAFolder.err()).contains("nothing-here: is not a run folder");
    }

    @Test
    void aCheckpointOfAnotherRunIsRefusedAndNamed() throws Exception {
        Study study = StudyFile.load(Path.of(STUDY));
        study = study.withTraining(study.training().withRounds(4));
        Path mine = tmp.resolve("mine");
        crashAfter(2, study, mine);
        Path other = tmp.resolve("other");
        crashAfter(2, study.withSeed(7), other);
        for (String name : List.of(CheckpointFile.NAME, CheckpointFile.ROUNDS_NAME)) {
            Files.copy(other.resolve(name), mine.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        CliRunner r = CliRunner.run("run", "--resume", mine.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("medfed: checkpoint.json: the checkpoint does not belong to this run: "
                + "it was made with seed 7, this run uses 42");
    }

    @Test
    void resumeTakesNoStudyOrOtherOptions() {
        CliRunner r = CliRunner.run("run", "--resume", tmp.toString(), "--rounds", "3", "--fraction", "0.5");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--resume continues a run exactly as it was started, so it takes no study file "
                + "or other options than where to listen for nodes (given: --rounds, --fraction)");
        assertThat(CliRunner.run("run", STUDY, "--resume", tmp.toString()).exitCode()).isEqualTo(2);
    }

    /** A run folder as medfed run leaves it when killed right after the checkpoint of round {@code round}. */
    private static void crashAfter(int round, Study study, Path dir) {
        try (RunFolder folder = RunFolder.create(dir, true)) {
            folder.begin(study, Path.of(STUDY), study.seed(), false);
            PreparedStudy prepared = PreparedStudy.prepare(study, Path.of(STUDY));
            Checkpointing crashing = Checkpointing.writingTo(new CrashAfterCheckpoint(folder.checkpoint(), round));
            assertThatThrownBy(() -> StudyRunner.run(TestWorkers.shared(), prepared, new RunOptions(null, null, false), RunListener.NONE,
                    RunControl.free(), m -> { }, crashing)).isInstanceOf(SimulatedCrash.class);
        }
    }

    private static void assertSameOutputs(Path resumed, Path straight) throws Exception {
        for (String file : List.of("metrics.csv", "results.csv", RunFolder.STUDY)) {
            assertThat(Files.readString(resumed.resolve(file))).as(file).isEqualTo(Files.readString(straight.resolve(file)));
        }
        assertThat(RunFingerprint.model(ModelFiles.load(resumed.resolve("model")).parameters()))
                .isEqualTo(RunFingerprint.model(ModelFiles.load(straight.resolve("model")).parameters()));
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    @Test
    void aRunInterruptedFromTheTerminalSaysHowToGoOn() throws Exception {
        Path out = tmp.resolve("interrupted");
        try (org.medfed.testsupport.ChildJava run = org.medfed.testsupport.ChildJava.medfed("run",
                "sample-projects/heart-4-hospitals/study.json", "--rounds", "5000", "--out", out.toString())) {
            run.await(l -> l.startsWith("round 3/5000"), 120);
            run.signal("INT");
            // read as a line: the process may end before its last line reaches this side
            String said = run.await(l -> l.startsWith("interrupted"), 60);
            run.waitFor(60);
            assertThat(said).containsPattern("interrupted after round [0-9]+; its checkpoint is kept: go on "
                    + "with  medfed run --resume " + java.util.regex.Pattern.quote(out.toString()));
        }
    }
}
