package org.medfed.gui.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfed.gui.testing.FxWorkbench.await;
import static org.medfed.gui.testing.FxWorkbench.fx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.RoundRecord;
import org.medfed.gui.shell.Screen;
import org.medfed.gui.testing.FxWorkbench;
import org.medfed.gui.testing.Samples;
import org.medfed.project.DefenceSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.PrivacySection;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Run screen's privacy tabs and attacker banner, driven through the whole workbench. */
@ExtendWith(ApplicationExtension.class)
class RunProtectionsFxTest {

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

    private Path study(int rounds, UnaryOperator<Study> change) {
        Path file = Samples.copy(dir, rounds);
        StudyFile.save(change.apply(StudyFile.load(file)), file);
        return file;
    }

    private void runToTheEnd(FxRobot robot, Path study) {
        robot.interact(() -> app.workbench.open(study));
        FxWorkbench.goTo(robot, Screen.RUN);
        robot.clickOn("#run-compare");
        robot.clickOn("#run-start");
        await(() -> app.workbench.run().phaseProperty().get() == RunViewModel.Phase.FINISHED);
    }

    @Test
    void aRunWithDifferentialPrivacyDrawsEpsilonPerRoundAndTheExportedCardStatesTheGuarantee(FxRobot robot)
            throws Exception {
        runToTheEnd(robot, study(5, s -> s.withPrivacy(new PrivacySection(new PrivacySection.DpSection(1.0, 1.5,
                1e-5, null, null, null), null, null, "seeded"))));
        assertThat(robot.lookup("#run-attacker-banner").queryAs(Labeled.class).isVisible()).isFalse();
        robot.clickOn("Privacy spent (ε)");
        ProtectionPanes panes = app.workbench.runView().protections();
        assertThat(robot.lookup("#chart-epsilon").query().isVisible()).isTrue();
        List<RoundRecord> rounds = fx(() -> app.workbench.run().resultProperty().get().history().rounds());
        assertThat(fx(() -> panes.epsilonSeries().getItemCount())).isEqualTo(5);
        double previous = 0;
        for (int i = 0; i < 5; i++) {
            int item = i;
            double drawn = fx(() -> panes.epsilonSeries().getY(item).doubleValue());
            assertThat(drawn).isEqualTo(rounds.get(i).diagnostics().get("dp.epsilon")).isGreaterThan(previous);
            previous = drawn;
        }

        // the model card exported from the Results screen records the guarantee actually given
        FxWorkbench.goTo(robot, Screen.RESULTS);
        await(() -> !app.workbench.results().runs().isEmpty());
        app.dialogs.folders.add(dir.resolve("exported"));
        robot.clickOn("#results-export-model");
        Path card = dir.resolve("exported/model-card.json");
        await(() -> Files.exists(card));
        JsonNode dp = new ObjectMapper().readTree(card.toFile()).path("privacy").path("differentialPrivacy");
        assertThat(dp.path("mechanism").asText()).startsWith("DP-FedAvg, client-level");
        assertThat(dp.path("epsilonSpent").asDouble()).isEqualTo(previous);
        assertThat(dp.path("delta").asDouble()).isEqualTo(1e-5);
        assertThat(dp.path("noiseMultiplier").asDouble()).isEqualTo(1.5);
        assertThat(dp.path("clipNorm").asDouble()).isEqualTo(1.0);
        assertThat(dp.path("roundsCompleted").asInt()).isEqualTo(5);
        assertThat(new ObjectMapper().readTree(card.toFile()).path("privacy").path("warning").asText())
                .contains("NO privacy");
        assertThat(app.dialogs.errors).isEmpty();
    }

    @Test
    void anAttackerIsAnnouncedAndKrumsVerdictsShowItRejected(FxRobot robot) throws Exception {
        Path file = study(4, s -> {
            List<ParticipantEntry> ps = new ArrayList<>();
            for (ParticipantEntry p : s.participants()) {
                ps.add(p.name().equals("rural-clinic")
                        ? new ParticipantEntry(p.name(), p.data(), p.weight(), p.enabled(), "sign-flip:10") : p);
            }
            ps.add(new ParticipantEntry("valley-hospital", "data/valley-hospital.csv"));
            return s.withParticipants(ps).withDefence(new DefenceSection("krum:1", 0.0));
        });
        Files.copy(file.resolveSibling("data/city-general.csv"), file.resolveSibling("data/valley-hospital.csv"));
        robot.interact(() -> app.workbench.open(file));
        FxWorkbench.goTo(robot, Screen.RUN);
        Labeled banner = robot.lookup("#run-attacker-banner").queryAs(Labeled.class);
        assertThat(banner.isVisible()).as("announced before the run").isTrue();
        assertThat(banner.getText()).startsWith("SIMULATED ATTACK (teaching only): rural-clinic sends the opposite");
        robot.clickOn("#run-compare");
        robot.clickOn("#run-start");
        await(() -> app.workbench.run().phaseProperty().get() == RunViewModel.Phase.FINISHED);

        robot.clickOn("Robust rule verdicts");
        TableView<RoundVerdicts> grid = robot.lookup("#run-verdicts").queryTableView();
        assertThat(grid.getItems()).hasSize(4);
        assertThat(grid.getColumns()).extracting(c -> c.getText()).containsExactly("Round", "city-general (honest)",
                "heart-centre (honest)", "mountain-hospital (honest)", "⚠ rural-clinic (simulated attacker)",
                "valley-hospital (honest)");
        // the headers are not cut: each column is wider than its title needs
        for (var c : grid.getColumns().subList(1, grid.getColumns().size())) {
            assertThat(c.getWidth()).isGreaterThanOrEqualTo(7.5 * c.getText().length());
        }
        for (RoundVerdicts r : grid.getItems()) {
            assertThat(r.verdict("rural-clinic").cellText()).isEqualTo("✗ rejected");
        }
        // the cells say it too, in red
        java.util.Set<javafx.scene.Node> cells = robot.lookup(".verdict-cell").queryAll();
        assertThat(cells.stream().filter(n -> n instanceof Labeled l && "✗ rejected".equals(l.getText())
                && n.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("rejected")))).isNotEmpty();

        robot.clickOn("Cost of protection");
        assertThat(robot.lookup("#cost-summary").queryAs(Labeled.class).getText()).startsWith("Mean of 4 rounds: aggregation");
        assertThat(robot.lookup("#run-costs").queryTableView().getItems()).hasSize(4);
    }
}
