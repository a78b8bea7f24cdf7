package org.medfed.gui.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfed.gui.testing.FxWorkbench.await;
import static org.medfed.gui.testing.FxWorkbench.fx;

import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.shell.Screen;
import org.medfed.gui.testing.FxWorkbench;
import org.medfed.gui.testing.Samples;
import org.medfed.project.SimulationSection;
import org.medfed.project.StrategySection;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Hospital speeds and the codec on the Algorithm screen, and an asynchronous run's charts, driven as a person would. */
@ExtendWith(ApplicationExtension.class)
class AsyncScreensFxTest {

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

    /** Scrolls the Algorithm screen so that {@code id} is in view, as a person would with the wheel. */
    private void scrollTo(FxRobot robot, String id) {
        robot.interact(() -> {
            Node target = robot.lookup(id).query();
            for (Node n = target; n != null; n = n.getParent()) {
                if (n instanceof ScrollPane s) {
                    double y = s.getContent().sceneToLocal(target.localToScene(0, 0)).getY();
                    double room = s.getContent().getBoundsInLocal().getHeight() - s.getViewportBounds().getHeight();
                    s.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 20) / room)));
                    return;
                }
            }
        });
    }

    @Test
    void theOneSlowHospitalButtonAndABadDropOutChanceAsAPersonMeetsThem(FxRobot robot) {
        robot.interact(() -> app.workbench.open(Samples.copy(dir, 3)));
        FxWorkbench.goTo(robot, Screen.ALGORITHM);
        Button run = app.runButton(robot);
        scrollTo(robot, "#speeds-one-slow");
        robot.clickOn("#speeds-one-slow");
        assertThat(robot.lookup("#speed-rural-clinic-secondsPerStep").queryAs(TextField.class).getText()).isEqualTo("0.1");
        assertThat(fx(() -> app.workbench.document().study().simulation())).isEqualTo(SimulationSection.oneSlowHospital());

        robot.doubleClickOn("#speed-heart-centre-dropout");
        robot.push(KeyCode.SHORTCUT, KeyCode.A);
        robot.write("1");
        await(run::isDisabled);
        assertThat(robot.lookup("#speeds-errors").queryParent().getChildrenUnmodifiable()).hasSize(1);
        robot.push(KeyCode.BACK_SPACE);
        robot.write("0.1");
        await(() -> !run.isDisabled());
        assertThat(fx(() -> app.workbench.document().study().simulation().hospitals().get("heart-centre").dropout()))
                .isEqualTo(0.1);

        scrollTo(robot, "#field-codec");
        robot.clickOn("#field-codec");
        robot.clickOn("Top-k sparsification");
        assertThat(robot.lookup("#field-compressionFraction").queryAs(TextField.class).isVisible()).isTrue();
        assertThat(fx(() -> app.workbench.document().study().compression().codec())).isEqualTo("topk");
    }

    @Test
    void anAsynchronousRunIsDrawnAgainstTheClockWithItsStalenessAndBytes(FxRobot robot) {
        Path file = Samples.copy(dir, 6);
        robot.interact(() -> {
            app.workbench.open(file);
            app.workbench.document().edit(s -> s.withStrategy(new StrategySection("fedasync", Map.of()))
                    .withSimulation(SimulationSection.oneSlowHospital()));
            app.workbench.run().compareWithBaselinesProperty().set(false);
        });
        FxWorkbench.goTo(robot, Screen.RUN);
        robot.clickOn("#run-start");
        await(() -> app.workbench.run().phaseProperty().get() == RunViewModel.Phase.FINISHED);
        var rounds = fx(() -> app.workbench.run().resultProperty().get().history().rounds());
        RunCharts charts = app.workbench.runView().charts();

        robot.clickOn("#axis-clock");
        assertThat(fx(() -> charts.globalChart.getXYPlot().getDomainAxis().getLabel())).isEqualTo("Simulated time (s)");
        for (int i = 0; i < rounds.size(); i++) {
            int item = i;
            assertThat(fx(() -> charts.accuracySeries().getX(item).doubleValue()))
                    .isEqualTo(rounds.get(i).progress().clockSeconds());
        }
        robot.clickOn("#axis-updates");
        assertThat(fx(() -> charts.accuracySeries().getX(5).intValue())).isEqualTo(6);

        fx(() -> {
            app.workbench.runView().showLowerTab("tab-staleness");
            return null;
        });
        int merged = fx(() -> {
            int n = 0;
            for (int i = 0; i < charts.stalenessSeries().getItemCount(); i++) {
                n += charts.stalenessSeries().getY(i).intValue();
            }
            return n;
        });
        assertThat(merged).isEqualTo(6);
        long lastUp = rounds.stream().mapToLong(r -> r.progress().bytesUp().getOrDefault("city-general", 0L)).sum();
        int series = fx(() -> charts.bytesUpData().getSeriesIndex("city-general"));
        assertThat(fx(() -> charts.bytesUpData().getSeries(series).getMaxY())).isEqualTo((double) lastUp);
    }
}
