package org.medfed.gui.participants;

import org.medfed.attack.AttackCatalog;
import org.medfed.attack.AttackKind;
import org.medfed.attack.AttackSpec;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.testing.FxWorkbench;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.Samples;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.project.StudyFile;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The hospitals table's simulated-attack column: the view-model alone, then as a person uses it. */
@ExtendWith(ApplicationExtension.class)
class ParticipantAttackTest {

    @TempDir
    Path dir;
    private FxWorkbench app;

    @Start
    void start(Stage stage) {
        app = new FxWorkbench(stage, dir.resolve("fx"));
    }

    @AfterEach
    void close() {
        app.close();
    }

    /** The view-model on a copy of sample study 3. */
    private ParticipantsViewModel onSample(StudyDocument doc) {
        QueuedUi ui = QueuedUi.sameThread();
        ParticipantsViewModel vm = new ParticipantsViewModel(doc, ui, new StubDialogs());
        Path study = Samples.copy(dir, 3);
        doc.replace(StudyFile.load(study), study);
        ui.drain();
        return vm;
    }

    @Test
    void anAttackIsWrittenToTheStudyCheckedAndRemovedWithNone() {
        StudyDocument doc = new StudyDocument();
        ParticipantsViewModel vm = onSample(doc);
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.attackProperty().get()).isEqualTo("none"));

        assertThat(vm.setAttack(1, "sign-flip")).isTrue();
        assertThat(doc.study().participants().get(1).attack()).isEqualTo("sign-flip");
        assertThat(vm.rows().get(1).attackProperty().get()).isEqualTo("sign-flip");

        assertThat(vm.setAttack(1, "scale:-3")).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("Hospital attack: attack scale: the factor must be a positive");
        assertThat(doc.study().participants().get(1).attack()).isEqualTo("sign-flip");

        assertThat(vm.setAttack(1, "none")).isTrue();
        assertThat(doc.study().participants().get(1).attack()).isNull();
        assertThat(AttackCatalog.label("scale:10")).isEqualTo("scaling ×10");
        assertThat(AttackCatalog.label("scale:4")).isEqualTo("scale:4");
    }

    /** Every attack of the catalogue is offered and can be set, so a new attack needs no GUI code. */
    @Test
    void offersEveryAttackOfTheCatalogue() {
        StudyDocument doc = new StudyDocument();
        ParticipantsViewModel vm = onSample(doc);
        assertThat(vm.attackChoices()).first().isEqualTo(AttackCatalog.NONE);
        assertThat(vm.attackChoices().subList(1, vm.attackChoices().size()))
                .containsExactlyElementsOf(AttackCatalog.all().stream().map(AttackKind::offered).toList());
        for (AttackKind kind : AttackCatalog.all()) {
            assertThat(vm.setAttack(1, kind.offered())).as(kind.id()).isTrue();
            String written = doc.study().participants().get(1).attack();
            assertThat(AttackSpec.parse(written).kind()).isSameAs(kind);
            assertThat(AttackCatalog.label(vm.rows().get(1).attackProperty().get())).isEqualTo(kind.offeredLabel());
        }
    }

    @Test
    void choosingAnAttackInTheTableMarksTheHospitalAsASimulatedAttacker(FxRobot robot) {
        robot.interact(() -> app.workbench.open(Samples.copy(dir.resolve("fx"), 3)));
        FxWorkbench.goTo(robot, org.medfed.gui.shell.Screen.PARTICIPANTS);
        javafx.scene.control.TableView<ParticipantRow> table = robot.lookup("#participants-table").queryTableView();
        robot.interact(() -> table.edit(1, table.getColumns().stream()
                .filter(c -> "participants-attack".equals(c.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node combo = robot.lookup(n -> n instanceof javafx.scene.control.ComboBox<?>
                && n.getStyleClass().contains("combo-box") && table.lookupAll(".combo-box").contains(n)).query();
        robot.clickOn(combo);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                && "sign flipping".equals(c.getText()) && n.getScene() != combo.getScene()).<javafx.scene.Node>query());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(FxWorkbench.fx(() -> app.workbench.document().study().participants().get(1).attack()))
                .isEqualTo("sign-flip");
        assertThat(robot.lookup(".attack-cell").queryAll()).anyMatch(n -> n instanceof javafx.scene.control.Labeled l
                && "SIMULATED ATTACKER: sign flipping".equals(l.getText()));
        FxWorkbench.goTo(robot, org.medfed.gui.shell.Screen.RUN);
        assertThat(robot.lookup("#run-attacker-banner").queryAs(javafx.scene.control.Labeled.class).getText())
                .contains("rural-clinic sends the opposite of its trained change");
    }
}
