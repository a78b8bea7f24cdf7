package org.medfed.gui.tour;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.medfed.gui.Workbench;
import org.medfed.gui.remote.NodeState;
import org.medfed.gui.run.RunViewModel;
import org.medfed.gui.shell.Screen;
import org.medfed.project.CoordinatorSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.StudyFile;
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
            ScreenshotTour.onFx(() -> {
                wb.run().compareWithBaselinesProperty().set(false);
                wb.shell().screenProperty().set(Screen.RUN);
                wb.runView().showLowerTab("tab-nodes");
                wb.run().start();
                return null;
            });
            ScreenshotTour.waitFor("run through the nodes finished", () -> ScreenshotTour.onFxQuiet(() ->
                    wb.run().phaseProperty().get() == RunViewModel.Phase.FINISHED));
            ScreenshotTour.shoot(wb, stage, Screen.RUN, out.resolve("run-nodes.png"));
            wb.coordinator().close();
        }
    }
}
