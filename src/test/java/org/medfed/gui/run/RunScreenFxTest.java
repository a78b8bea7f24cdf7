package org.medfed.gui.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.medfed.gui.testing.FxWorkbench.await;
import static org.medfed.gui.testing.FxWorkbench.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.RoundRecord;
import org.medfed.gui.results.ResultsViewModel;
import org.medfed.gui.shell.Screen;
import org.medfed.gui.testing.FxWorkbench;
import org.medfed.gui.testing.Samples;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class RunScreenFxTest {

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
    void thirteenHospitalsAreDrawnAsTheBandOverThemWithTheHospitalsPicked(FxRobot robot) {
        robot.interact(() -> {
            app.workbench.open(Samples.manyHospitals(dir, 13, 2));
            app.workbench.run().compareWithBaselinesProperty().set(false);
        });
        FxWorkbench.goTo(robot, Screen.RUN);
        await(() -> !app.runButton(robot).isDisabled());
        robot.clickOn("#run-start");
        await(() -> app.workbench.run().phaseProperty().get() == RunViewModel.Phase.FINISHED);
        var rounds = fx(() -> app.workbench.run().resultProperty().get().history().rounds());
        RunCharts charts = app.workbench.runView().charts();
        assertThat(fx(() -> charts.hospitalData().getSeriesCount())).as("no line until one is picked").isZero();
        assertThat(robot.lookup("#hospital-picker").query().isVisible()).isTrue();
        var band = fx(charts::accuracyBandData);
        assertThat(fx(band::getSeriesCount)).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            int item = i;
            var q = org.medfed.metrics.Quartiles.of(rounds.get(i).test().values().stream()
                    .mapToDouble(e -> e.metric("accuracy")).toArray());
            assertThat(q.count()).isEqualTo(13);
            assertThat(fx(() -> band.getStartYValue(0, item))).isEqualTo(q.min());
            assertThat(fx(() -> band.getEndYValue(0, item))).isEqualTo(q.max());
            assertThat(fx(() -> band.getStartYValue(1, item))).isEqualTo(q.q1());
            assertThat(fx(() -> band.getYValue(1, item))).isEqualTo(q.median());
            assertThat(fx(() -> band.getEndYValue(1, item))).isEqualTo(q.q3());
        }

        robot.interact(() -> app.workbench.run().hospitalLines().show("hospital-05", true));
        assertThat(fx(() -> charts.hospitalData().getSeriesCount())).isEqualTo(1);
        assertThat(fx(() -> charts.hospitalData().getSeries(0).getY(1).doubleValue()))
                .isEqualTo(rounds.get(1).test().get("hospital-05").metric("accuracy"));
        robot.clickOn("#toggle-hospital-05");
        assertThat(fx(() -> charts.hospitalData().getSeriesCount())).isZero();
        assertThat(robot.lookup("#toggle-hospital-05").tryQuery()).as("unticked: taken away").isEmpty();

        // the results table shows the spread over the 13 hospitals, as medfed run prints it, not 13 columns
        await(() -> !app.workbench.results().rows().isEmpty() && app.workbench.results().statisticsProperty().get() != null);
        var results = app.workbench.results();
        assertThat(fx(() -> List.copyOf(results.columns()))).startsWith("Hospitals", "Lowest", "25%", "Median", "75%",
                "Highest").hasSize(8);
        var last = org.medfed.metrics.Quartiles.of(rounds.get(1).test().values().stream()
                .mapToDouble(e -> e.metric("accuracy")).toArray());
        assertThat(fx(() -> results.rows().get(0).cells().subList(0, 6))).containsExactly("13",
                org.medfed.gui.common.NumberFields.metric(last.min()), org.medfed.gui.common.NumberFields.metric(last.q1()),
                org.medfed.gui.common.NumberFields.metric(last.median()), org.medfed.gui.common.NumberFields.metric(last.q3()),
                org.medfed.gui.common.NumberFields.metric(last.max()));
    }

    @Test
    void aRunFillsTheChartsTheStatusListAndTheResults(FxRobot robot) throws Exception {
        robot.interact(() -> app.workbench.open(Samples.copy(dir, 4)));
        FxWorkbench.goTo(robot, Screen.RUN);
        robot.clickOn("#run-start");
        await(() -> app.workbench.run().phaseProperty().get() == RunViewModel.Phase.FINISHED);

        var history = fx(() -> app.workbench.run().resultProperty().get().history());
        RunCharts charts = app.workbench.runView().charts();
        assertThat(fx(charts::roundsDrawn)).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            RoundRecord r = history.rounds().get(i);
            int item = i;
            assertThat(fx(() -> charts.accuracySeries().getY(item).doubleValue())).isEqualTo(r.globalMetric("accuracy"));
            assertThat(fx(() -> charts.lossSeries().getY(item).doubleValue())).isEqualTo(r.globalMetric("loss"));
        }
        assertThat(fx(() -> charts.hospitalData().getSeriesCount())).isEqualTo(4);
        for (int s = 0; s < 4; s++) {
            int series = s;
            String name = fx(() -> (String) charts.hospitalData().getSeriesKey(series));
            assertThat(fx(() -> charts.hospitalData().getSeries(series).getItemCount())).isEqualTo(4);
            assertThat(fx(() -> charts.hospitalData().getSeries(series).getY(3).doubleValue()))
                    .isEqualTo(history.rounds().get(3).test().get(name).metric("accuracy"));
        }
        assertThat(fx(() -> charts.globalChart.getXYPlot().getDataset().getSeriesCount())).as("accuracy, weighted, AUC").isEqualTo(3);

        TableView<HospitalStatus> status = robot.lookup("#run-hospitals").queryTableView();
        assertThat(status.getItems()).hasSize(4).allSatisfy(h -> assertThat(h.stateProperty().get()).isEqualTo("done"));
        ListView<String> log = robot.lookup("#run-log").queryListView();
        await(() -> fx(() -> log.getItems().stream().anyMatch(l -> l.contains("Done."))));
        assertThat(fx(() -> List.copyOf(log.getItems()))).anyMatch(l -> l.contains("Round 4: accuracy"))
                .isEqualTo(fx(() -> List.copyOf(app.workbench.run().log())));
        assertThat(robot.lookup("#run-progress-text").queryAs(Labeled.class).getText()).isEqualTo("Finished: 4 rounds");

        // legend toggles hide and show one hospital's line, drawn again from the rounds so far
        robot.clickOn("#toggle-rural-clinic");
        assertThat(fx(() -> charts.hospitalData().getSeriesIndex("rural-clinic"))).isNegative();
        assertThat(fx(() -> charts.hospitalData().getSeriesCount())).isEqualTo(3);
        robot.clickOn("#toggle-rural-clinic");
        int rural = fx(() -> charts.hospitalData().getSeriesIndex("rural-clinic"));
        assertThat(fx(() -> charts.hospitalData().getSeries(rural).getY(3).doubleValue()))
                .isEqualTo(history.rounds().get(3).test().get("rural-clinic").metric("accuracy"));
        assertThat(fx(() -> charts.accuracyBandData().getSeriesCount())).as("four hospitals: no band").isZero();

        FxWorkbench.goTo(robot, Screen.RESULTS);
        await(() -> app.workbench.results().predictionsProperty().get() != null && !app.workbench.results().runs().isEmpty());
        TableView<ResultsViewModel.Row> results = robot.lookup("#results-table").queryTableView();
        assertThat(results.getItems()).hasSize(6);
        assertThat(results.getItems().get(0).cells().get(4))
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", history.rounds().get(3).globalMetric("accuracy")));
        assertThat(robot.lookup("#results-confusion-total").queryAs(Labeled.class).getText()).endsWith("test patients classified correctly ("
                + String.format(java.util.Locale.ROOT, "%.3f", history.rounds().get(3).globalMetric("accuracy_weighted")) + ")");
        assertThat(fx(() -> app.workbench.resultsView().rocDataForTest().getSeries(4).getItemCount())).isGreaterThan(10);
        // every hospital's ROC curve, all test patients together, and the chance line
        assertThat(fx(() -> app.workbench.resultsView().rocDataForTest().getSeriesCount())).isEqualTo(6);
        // Ctrl + scrolling zooms the ROC chart (a plain wheel scrolls the screen); Reset view brings back 0 to 1
        var roc = app.workbench.resultsView().rocView();
        fx(() -> {
            app.workbench.resultsView().scrollTo(roc);
            return null;
        });
        robot.moveTo(roc.viewer()).press(javafx.scene.input.KeyCode.CONTROL)
                .scroll(4, javafx.geometry.VerticalDirection.DOWN).release(javafx.scene.input.KeyCode.CONTROL);
        await(() -> fx(() -> roc.chart().getXYPlot().getDomainAxis().getUpperBound()) < 0.99
                || fx(() -> roc.chart().getXYPlot().getDomainAxis().getUpperBound()) > 1.01);
        fx(() -> {
            app.workbench.resultsView().scrollTo(roc);
            return null;
        });
        robot.clickOn("#results-roc-reset");
        assertThat(fx(() -> roc.chart().getXYPlot().getDomainAxis().getRange()))
                .isEqualTo(new org.jfree.data.Range(0, 1.0001));
        // a zoom does not carry over to other data: choosing another hospital redraws the calibration at home view
        javafx.scene.Node calibration = robot.lookup("#results-calibration").query();
        var calibrationChart = ((org.jfree.chart.fx.ChartViewer) calibration).getChart();
        fx(() -> {
            calibrationChart.getXYPlot().getDomainAxis().setRange(0.2, 0.4);
            app.workbench.results().hospitalProperty().set("rural-clinic");
            return null;
        });
        assertThat(fx(() -> calibrationChart.getXYPlot().getDomainAxis().getRange()))
                .isEqualTo(new org.jfree.data.Range(0, 1.0001));
        fx(() -> {
            ((javafx.scene.control.ScrollPane) app.workbench.resultsView().root()).setVvalue(0);
            return null;
        });
        TableView<?> runs = robot.lookup("#results-history").queryTableView();
        assertThat(runs.getItems()).hasSize(1);

        app.dialogs.folders.add(dir.resolve("exported-model"));
        robot.clickOn("#results-export-model");
        await(() -> Files.exists(dir.resolve("exported-model/model-card.json")));
        app.dialogs.saveFiles.add(dir.resolve("roc.png"));
        robot.clickOn("#results-export-roc");
        await(() -> Files.exists(dir.resolve("roc.png")));
        assertThat(Files.size(dir.resolve("roc.png"))).isGreaterThan(5000);
        assertPicture(dir.resolve("roc.png"), 900, 700);
        app.dialogs.saveFiles.add(dir.resolve("accuracy.png"));
        robot.clickOn("#results-export-accuracy");
        await(() -> Files.exists(dir.resolve("accuracy.png")));
        assertPicture(dir.resolve("accuracy.png"), 1000, 600);
        assertThat(app.dialogs.errors).isEmpty();
    }

    @Test
    void aTeacherStepsRoundByRoundThenStops(FxRobot robot) {
        robot.interact(() -> app.workbench.open(Samples.copy(dir, 30)));
        FxWorkbench.goTo(robot, Screen.RUN);
        robot.clickOn("#run-compare");
        robot.clickOn("#run-step");
        await(() -> app.workbench.run().phaseProperty().get() == RunViewModel.Phase.PAUSED
                && app.workbench.run().points().size() == 1);
        assertThat(robot.lookup("#run-start").queryButton().getText()).isEqualTo("▶ Resume");
        assertThat(robot.lookup("#run-progress-text").queryAs(Labeled.class).getText()).isEqualTo("Paused before round 2 of 30");
        robot.clickOn("#run-step");
        await(() -> app.workbench.run().phaseProperty().get() == RunViewModel.Phase.PAUSED
                && app.workbench.run().points().size() == 2);
        assertThat(fx(() -> app.workbench.runView().charts().roundsDrawn())).isEqualTo(2);
        robot.clickOn("#run-stop");
        await(() -> app.workbench.run().phaseProperty().get() == RunViewModel.Phase.STOPPED);
        assertThat(fx(() -> app.workbench.run().resultProperty().get().history().rounds())).hasSize(2);
        assertThat(robot.lookup("#run-progress-text").queryAs(Labeled.class).getText()).isEqualTo("Stopped after round 2 of 30");
        assertThat(robot.lookup("#run-start").queryButton().isDisabled()).isFalse();
    }

    @Test
    void pauseHoldsTheRunWithinAStepAndResumeGoesOn(FxRobot robot) {
        robot.interact(() -> app.workbench.open(Samples.copy(dir, 300, 200)));
        FxWorkbench.goTo(robot, Screen.RUN);
        robot.clickOn("#run-compare");
        robot.clickOn("#run-start");
        await(() -> app.workbench.run().points().size() >= 2);
        robot.clickOn("#run-pause");
        int held = fx(() -> app.workbench.run().points().size());
        assertThat(fx(() -> app.workbench.run().phaseProperty().get())).isEqualTo(RunViewModel.Phase.PAUSED);
        // the status line says the run holds, not that it runs
        assertThat(robot.lookup("#status-ready").queryAs(Labeled.class).getText())
                .isEqualTo("Paused (F5 goes on, Shift+F5 stops it)");
        robot.sleep(600);
        // at most the round under way finishes after the pause
        assertThat(fx(() -> app.workbench.run().points().size())).isLessThanOrEqualTo(held + 1);
        int before = fx(() -> app.workbench.run().points().size());
        robot.clickOn("#run-start");
        await(() -> app.workbench.run().points().size() >= before + 2);
        assertThat(fx(() -> robot.lookup("#status-ready").queryAs(Labeled.class).getText()))
                .isEqualTo("Running (Shift+F5 stops it)");
        robot.clickOn("#run-stop");
        try {
            await(() -> app.workbench.run().phaseProperty().get() == RunViewModel.Phase.STOPPED);
        } catch (AssertionError e) {
            System.out.println("DEBUG phase " + fx(() -> app.workbench.run().phaseProperty().get()) + " log "
                    + fx(() -> String.join("\n", app.workbench.run().log().subList(0, Math.min(30, app.workbench.run().log().size())))));
            throw e;
        }
        int rounds = fx(() -> app.workbench.run().resultProperty().get().history().rounds().size());
        assertThat(rounds).isLessThan(300);
        await(() -> fx(() -> robot.lookup("#status-ready").queryAs(Labeled.class).getText()).startsWith("✔ Ready to run"));
        assertThat(fx(() -> app.workbench.run().points())).hasSize(rounds);
        assertThat(fx(() -> app.workbench.runView().charts().roundsDrawn())).isEqualTo(rounds);
    }

    @Test
    void theChartsHoldEveryRoundOfAFast300RoundRun(FxRobot robot) {
        robot.interact(() -> app.workbench.open(Samples.copy(dir, 300)));
        FxWorkbench.goTo(robot, Screen.RUN);
        robot.clickOn("#run-compare");
        robot.clickOn("#run-start");
        await(() -> app.workbench.run().phaseProperty().get() == RunViewModel.Phase.FINISHED);
        var rounds = fx(() -> app.workbench.run().resultProperty().get().history().rounds());
        RunCharts charts = app.workbench.runView().charts();
        assertThat(fx(charts::roundsDrawn)).isEqualTo(300);
        // every chart is redrawn after its last change: none waits for a redraw that never comes
        await(() -> fx(charts::dirtyCount) == 0);
        for (int s = 0; s < 4; s++) {
            int series = s;
            assertThat(fx(() -> charts.hospitalData().getSeries(series).getItemCount())).isEqualTo(300);
        }
        for (int i = 0; i < 300; i += 37) {
            int item = i;
            assertThat(fx(() -> charts.accuracySeries().getY(item).doubleValue()))
                    .isEqualTo(rounds.get(item).globalMetric("accuracy"));
        }
    }

    /** A saved chart: a PNG of the size asked for, with something drawn on its white ground. */
    private static void assertPicture(Path png, int width, int height) throws java.io.IOException {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        long drawn = 0;
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 2) {
                if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    drawn++;
                }
            }
        }
        assertThat(drawn).isGreaterThan(1000);
    }
}
