package org.medfed.gui.tour;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.medfed.gui.common.ExecutorBackgroundTasks;
import org.medfed.gui.node.ConnectionState;
import org.medfed.gui.node.KitCoordinator;
import org.medfed.gui.node.NodeKits;
import org.medfed.gui.node.NodeWindow;
import org.medfed.gui.node.NodeWindowStage;
import org.medfed.testsupport.TestWorkers;

/**
 * The hospital node's window as a clinician sees it: a provisioned kit imported, the heart sample's table
 * registered, the policy, then the node started and a real coordinator on the loopback running two rounds
 * through it; pictures of each tab. {@code xvfb-run java ... NodeTour OUT_DIR} (scripts/screenshots.sh).
 */
public final class NodeTour {

    private NodeTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("medfed-node-tour");
        int port = NodeKits.freePort();
        Path kit = NodeKits.provision(work.resolve("kit"), "heart-study", port, "city-general");
        Path hospital = NodeKits.hospital(kit, "city-general");
        NodeKits.withHeartTable(hospital, "city-general.csv");

        Platform.startup(() -> { });
        ExecutorBackgroundTasks tasks = new ExecutorBackgroundTasks(TestWorkers.shared(), Platform::runLater);
        Stage[] stage = new Stage[1];
        NodeWindow window = ScreenshotTour.onFx(() -> {
            stage[0] = new Stage();
            NodeWindow w = NodeWindowStage.show(stage[0], tasks);
            w.open(hospital);
            return w;
        });
        shoot(stage[0], "node-tab-datasets", out.resolve("node-datasets.png"));
        shoot(stage[0], "node-tab-policy", out.resolve("node-policy.png"));
        try (KitCoordinator coordinator = new KitCoordinator(kit, "heart-study", port, List.of("city-general"))) {
            ScreenshotTour.onFx(() -> {
                window.run().start();
                return null;
            });
            ScreenshotTour.waitFor("connected", () -> ScreenshotTour.onFxQuiet(() ->
                    window.run().stateProperty().get() == ConnectionState.CONNECTED));
            coordinator.runHeartStudy(List.of("city-general"), 3);
            Thread.sleep(1000);
            shoot(stage[0], "node-tab-status", out.resolve("node-serving.png"));
            shoot(stage[0], "node-tab-audit", out.resolve("node-audit-log.png"));
        }
        ScreenshotTour.onFx(() -> {
            window.run().stopAndWait();
            return null;
        });
        System.out.println("node window screenshots in " + out);
        System.exit(0);
    }

    private static void shoot(Stage stage, String tabId, Path file) throws Exception {
        ScreenshotTour.onFx(() -> {
            var tabs = (javafx.scene.control.TabPane) stage.getScene().lookup("#node-tabs");
            tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
            return null;
        });
        Thread.sleep(1500);
        TourWindow.snapshot(stage.getScene(), file);
    }
}
