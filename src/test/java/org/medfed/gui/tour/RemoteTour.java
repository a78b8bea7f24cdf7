package org.medfed.gui.tour;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.medfed.gui.Workbench;
import org.medfed.gui.remote.NodeState;
import org.medfed.gui.results.RunHistoryStore;
import org.medfed.gui.run.RunViewModel;
import org.medfed.gui.shell.Screen;
import org.medfed.project.CoordinatorSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.InterruptedRun;
import org.medfed.testsupport.KitNodes;

/** The screens of a study whose hospitals are behind nodes, with four real nodes on the loopback, for the pictures. */
final class RemoteTour {

    private static final List<String> HOSPITALS = List.of("city-general", "rural-clinic", "heart-centre",
            "mountain-hospital");

    private RemoteTour() {
    }

    /** {@code sampleStudy}: a copy of the sample study whose data the nodes serve. */
    static void shoot(Workbench wb, Stage stage, Path sampleStudy, Path work, Path out) throws Exception {
        try (KitNodes nodes = new KitNodes(work, "heart", HOSPITALS)) {
            for (String h : HOSPITALS) {
                nodes.configure(h, sampleStudy.resolveSibling("data/" + h + ".csv"), null);
            }
            Path file = work.resolve("remote-study.json");
            var sample = StudyFile.load(sampleStudy);
            StudyFile.save(sample.withName("Coronary disease, through the hospitals' nodes")
                    .withParticipants(HOSPITALS.stream().map(h -> ParticipantEntry.remote(h, h, "heart")).toList())
                    .withCoordinator(new CoordinatorSection(nodes.port, "127.0.0.1", "kit/coordinator")), file);
            ScreenshotTour.onFx(() -> wb.open(file));
            for (String h : HOSPITALS.subList(0, 3)) {
                nodes.start(h); // the fourth stays away: "waiting"
            }
            ScreenshotTour.waitFor("nodes connected with their summaries", () -> ScreenshotTour.onFxQuiet(() ->
                    wb.remote().rows().stream().filter(r -> r.stateProperty().get() == NodeState.CONNECTED
                            && r.rowsProperty().get().matches("[0-9,]+")).count() == 3));
            ScreenshotTour.shoot(wb, stage, Screen.PARTICIPANTS, out.resolve("participants-remote.png"));
            nodes.start("mountain-hospital");
            ScreenshotTour.waitFor("all four connected", () -> ScreenshotTour.onFxQuiet(() ->
                    wb.remote().rows().stream().allMatch(r -> r.stateProperty().get() == NodeState.CONNECTED)));
            // one round, then rural-clinic's node stops: the next round goes on without it; it comes back for the rest
            ScreenshotTour.onFx(() -> {
                wb.run().compareWithBaselinesProperty().set(true);
                wb.shell().screenProperty().set(Screen.RUN);
                wb.runView().showLowerTab("tab-nodes");
                wb.run().step();
                return null;
            });
            ScreenshotTour.waitFor("round 1", () -> ScreenshotTour.onFxQuiet(() ->
                    wb.run().phaseProperty().get() == RunViewModel.Phase.PAUSED && wb.run().points().size() == 1));
            nodes.stop("rural-clinic");
            ScreenshotTour.waitFor("rural-clinic lost", () -> ScreenshotTour.onFxQuiet(() ->
                    wb.run().log().stream().anyMatch(l -> l.contains("Node rural-clinic dropped out"))));
            ScreenshotTour.onFx(() -> {
                wb.run().step();
                return null;
            });
            ScreenshotTour.waitFor("round 2", () -> ScreenshotTour.onFxQuiet(() ->
                    wb.run().phaseProperty().get() == RunViewModel.Phase.PAUSED && wb.run().points().size() == 2));
            nodes.start("rural-clinic");
            ScreenshotTour.waitFor("rural-clinic back", () -> ScreenshotTour.onFxQuiet(() ->
                    wb.run().log().stream().anyMatch(l -> l.contains("Node rural-clinic connected"))));
            ScreenshotTour.onFx(() -> {
                wb.run().start();
                return null;
            });
            ScreenshotTour.waitFor("run through the nodes finished", () -> ScreenshotTour.onFxQuiet(() ->
                    wb.run().phaseProperty().get() == RunViewModel.Phase.FINISHED));
            ScreenshotTour.shoot(wb, stage, Screen.RUN, out.resolve("run-nodes.png"));
            ScreenshotTour.shoot(wb, stage, Screen.RESULTS, out.resolve("results-multisite.png"));

            // Provision hospitals…: the dialog, then what to send where (this points the study at the new kit)
            ScreenshotTour.onFx(() -> {
                wb.shell().screenProperty().set(Screen.PARTICIPANTS);
                return null;
            });
            Thread.sleep(500);
            // the dialog waits for its answer: fired without waiting for it
            Platform.runLater(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#participants-provision")).fire());
            ScreenshotTour.waitFor("provision dialog", () -> ScreenshotTour.onFxQuiet(() ->
                    javafx.stage.Window.getWindows().size() > 1));
            ScreenshotTour.onFx(() -> {
                wb.provision().folderProperty().set(work.resolve("new-kit").toString());
                return null;
            });
            ScreenshotTour.shootDialog(stage, out.resolve("provision-dialog.png"));
            ScreenshotTour.onFx(() -> {
                wb.provision().make();
                return null;
            });
            ScreenshotTour.waitFor("kits made", () -> ScreenshotTour.onFxQuiet(() -> wb.provision().doneProperty().get()));
            ScreenshotTour.shootDialog(stage, out.resolve("provision-kits.png"));
            ScreenshotTour.onFx(() -> {
                java.util.List.copyOf(javafx.stage.Window.getWindows()).stream().filter(w -> w != stage)
                        .forEach(javafx.stage.Window::hide);
                return null;
            });
            wb.coordinator().close();
        }
        // a run of the sample study killed after round 2: the history offers to resume it
        InterruptedRun.write(RunHistoryStore.folderFor(sampleStudy).resolve("20261205-093000"),
                StudyFile.load(sampleStudy), sampleStudy, false, 2);
        ScreenshotTour.onFx(() -> {
            wb.open(sampleStudy);
            return null;
        });
        ScreenshotTour.waitFor("interrupted run listed", () -> ScreenshotTour.onFxQuiet(() ->
                wb.results().runs().stream().anyMatch(r -> r.resumable())));
        ScreenshotTour.onFx(() -> {
            wb.shell().screenProperty().set(Screen.RESULTS);
            return null;
        });
        Thread.sleep(800);
        ScreenshotTour.onFx(() -> {
            wb.resultsView().scrollTo(stage.getScene().lookup("#results-history"));
            return null;
        });
        ScreenshotTour.shoot(wb, stage, Screen.RESULTS, out.resolve("results-resume.png"));
    }
}
