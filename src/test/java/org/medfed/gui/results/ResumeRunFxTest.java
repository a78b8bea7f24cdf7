package org.medfed.gui.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfed.gui.testing.FxWorkbench.await;
import static org.medfed.gui.testing.FxWorkbench.fx;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.testsupport.TestWorkers;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.gui.run.RunViewModel;
import org.medfed.gui.shell.Screen;
import org.medfed.gui.testing.FxWorkbench;
import org.medfed.gui.testing.Samples;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.study.PreparedStudy;
import org.medfed.study.RunOptions;
import org.medfed.study.StudyResult;
import org.medfed.study.StudyRunner;
import org.medfed.testsupport.InterruptedRun;
import org.medfed.testsupport.RunFingerprint;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The study's history on the Results screen shows a run that was killed after round 2 (the workbench closed by a
 * crash) with a Resume button, and only that run; one click goes on with it on the Run screen, to the model of a
 * run never interrupted, bit for bit.
 */
@ExtendWith(ApplicationExtension.class)
class ResumeRunFxTest {

    @TempDir
    Path dir;
    private FxWorkbench app;

    @Start
    void start(Stage stage) {
        app = new FxWorkbench(stage, dir);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void anInterruptedRunIsResumedWithOneClickToTheModelOfAnUninterruptedRun(FxRobot robot) {
        Path file = Samples.copy(dir, 5);
        Study study = StudyFile.load(file);
        StudyResult straight = StudyRunner.run(TestWorkers.shared(), PreparedStudy.prepare(study, file),
                new RunOptions(study.seed(), null, false), RunListener.NONE, RunControl.free(), message -> { });
        Path folder = RunHistoryStore.folderFor(file).resolve("20261205-090000");
        InterruptedRun.write(folder, study, file, false, 2);

        robot.interact(() -> app.workbench.open(file));
        FxWorkbench.goTo(robot, Screen.RESULTS);
        await(() -> app.workbench.results().runs().size() == 1);
        TableView<?> history = robot.lookup("#results-history").queryTableView();
        assertThat(fx(() -> app.workbench.results().runs().get(0).status())).isEqualTo("interrupted");
        assertThat(fx(() -> app.workbench.results().runs().get(0).rounds())).isEqualTo(2);
        robot.interact(() -> app.workbench.resultsView().scrollTo(history));
        Button resume = robot.lookup("#results-resume").queryButton();
        assertThat(resume.isVisible()).isTrue();
        robot.clickOn(resume);

        await(() -> app.workbench.run().phaseProperty().get() == RunViewModel.Phase.FINISHED);
        assertThat(fx(() -> app.workbench.shell().screenProperty().get())).isEqualTo(Screen.RUN);
        StudyResult resumed = fx(() -> app.workbench.run().resultProperty().get());
        assertThat(resumed.history().model().toArray()).isEqualTo(straight.history().model().toArray());
        assertThat(RunFingerprint.of(resumed.history())).isEqualTo(RunFingerprint.of(straight.history()));

        // the run is finished in its folder, and a finished run has no Resume
        await(() -> app.workbench.results().runs().size() == 1
                && app.workbench.results().runs().get(0).status().equals("finished"));
        FxWorkbench.goTo(robot, Screen.RESULTS);
        assertThat(robot.lookup("#results-resume").tryQuery()).isEmpty();
    }
}
