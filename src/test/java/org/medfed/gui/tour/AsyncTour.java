package org.medfed.gui.tour;

import static org.medfed.gui.tour.ScreenshotTour.onFx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.medfed.gui.Workbench;
import org.medfed.gui.run.RunViewModel;
import org.medfed.gui.run.XAxis;
import org.medfed.gui.shell.Screen;
import org.medfed.project.StrategySection;

/**
 * For looking at asynchronous training and compressed updates in the workbench under Xvfb: the Algorithm screen's
 * hospital speeds with the "one slow hospital" preset, the codec with a refusal, then a synchronous run and an
 * asynchronous run of the same study on one time axis, and the bytes and staleness tabs.
 * {@code xvfb-run java ... AsyncTour STUDY.json OUT_DIR}; point it at a copy (its runs are kept beside it).
 */
public final class AsyncTour {

    private AsyncTour() {
    }

    public static void main(String[] args) throws Exception {
        Path study = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args.length > 1 ? args[1] : "target/async-tour").toAbsolutePath();
        Files.createDirectories(out);
        TourWindow window = TourWindow.open(study, w -> { });
        Workbench wb = window.workbench();
        Stage stage = window.stage();
        Thread.sleep(3000);
        onFx(() -> {
            wb.algorithm().speeds().oneSlowHospital();
            return null;
        });
        window.shoot(Screen.ALGORITHM, out.resolve("algorithm-top.png"));
        scrollTo(stage, "#speeds");
        window.snapshot(out.resolve("algorithm-speeds.png"));
        onFx(() -> {
            wb.algorithm().compression().codecProperty().set("topk");
            wb.algorithm().protections().secureAggregationProperty().set(true);
            return null;
        });
        scrollTo(stage, "#compression");
        window.snapshot(out.resolve("algorithm-compression-refused.png"));
        onFx(() -> {
            wb.algorithm().protections().secureAggregationProperty().set(false);
            wb.algorithm().compression().codecProperty().set("none");
            wb.run().compareWithBaselinesProperty().set(false);
            wb.shell().screenProperty().set(Screen.RUN);
            wb.run().start();
            return null;
        });
        awaitEnd(wb);
        onFx(() -> {
            wb.document().edit(s -> s.withStrategy(new StrategySection("fedasync-polynomial", Map.of()))
                    .withTraining(s.training().withRounds(100)));
            wb.run().start(); // an asynchronous run's records are single merges: more of them, to cover the same time
            return null;
        });
        awaitEnd(wb);
        window.shoot(Screen.RUN, out.resolve("run-async-by-merge.png"));
        onFx(() -> {
            wb.run().xAxisProperty().set(XAxis.CLOCK);
            return null;
        });
        window.shoot(Screen.RUN, out.resolve("run-async-vs-sync-time.png"));
        for (String tab : new String[] {"tab-bytes", "tab-staleness"}) {
            onFx(() -> {
                wb.runView().showLowerTab(tab);
                return null;
            });
            window.shoot(Screen.RUN, out.resolve("run-" + tab + ".png"));
        }
        System.out.println("async tour screenshots in " + out);
        System.exit(0);
    }

    private static void awaitEnd(Workbench wb) throws Exception {
        Thread.sleep(1000);
        for (int i = 0; i < 600; i++) {
            RunViewModel.Phase p = onFx(() -> wb.run().phaseProperty().get());
            if (p != RunViewModel.Phase.RUNNING && p != RunViewModel.Phase.PREPARING && p != RunViewModel.Phase.COMPARING) {
                Thread.sleep(1500);
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the run did not end within five minutes");
    }

    /** Scrolls the visible scroll pane that holds {@code selector} so that it is at the top of the view. */
    private static void scrollTo(Stage stage, String selector) throws Exception {
        onFx(() -> {
            for (Node n : stage.getScene().getRoot().lookupAll(".scroll-pane")) {
                if (n instanceof ScrollPane s && s.isVisible() && s.lookup(selector) != null) {
                    Node target = s.lookup(selector);
                    double y = s.getContent().sceneToLocal(target.localToScene(0, 0)).getY();
                    double room = s.getContent().getBoundsInLocal().getHeight() - s.getViewportBounds().getHeight();
                    s.setVvalue(room <= 0 ? 0 : Math.min(1, (y - 8) / room));
                }
            }
            return null;
        });
        Thread.sleep(800);
    }
}
