package org.medfed.gui.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.clock.SpeedProfile;
import org.medfed.gui.algorithm.SpeedsViewModel.Figure;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.testing.Samples;
import org.medfed.project.SimulationSection;

/** The Algorithm screen's hospital speeds against the clock the run will use (the sample's four hospitals). */
class SpeedsViewModelTest {

    private static final List<String> HOSPITALS = List.of("city-general", "heart-centre", "mountain-hospital",
            "rural-clinic");

    @TempDir
    Path dir;

    private StudyDocument sample() {
        return Samples.document(dir, 5);
    }

    private static String shown(SpeedsViewModel vm, String hospital, Figure f) {
        return vm.rowOf(hospital).field(f).textProperty().get();
    }

    private static SpeedProfile clock(StudyDocument doc, String hospital) {
        SimulationSection s = doc.study().simulation();
        return (s == null ? new SimulationSection(null, null, null) : s).speeds(HOSPITALS).profile(hospital);
    }

    @Test
    void theOneSlowHospitalPresetMakesTheLastByNameTenTimesSlowerAndSameSpeedUndoesIt() {
        StudyDocument doc = sample();
        SpeedsViewModel vm = new SpeedsViewModel(doc);
        assertThat(vm.rows()).extracting(SpeedsViewModel.SpeedRow::label)
                .containsExactly("Every hospital", "city-general", "heart-centre", "mountain-hospital", "rural-clinic");
        assertThat(vm.rows()).allSatisfy(r -> {
            assertThat(r.field(Figure.SECONDS_PER_STEP).textProperty().get()).isEqualTo("0.01");
            assertThat(r.field(Figure.UPLOAD).textProperty().get()).isEqualTo("100");
        });

        vm.oneSlowHospital();
        assertThat(doc.study().simulation()).isEqualTo(SimulationSection.oneSlowHospital());
        // 10 ms x 10 per step, 100 Mbit/s / 10 each way, as the run's clock has it
        assertThat(shown(vm, "rural-clinic", Figure.SECONDS_PER_STEP)).isEqualTo("0.1");
        assertThat(shown(vm, "rural-clinic", Figure.DOWNLOAD)).isEqualTo("10");
        assertThat(shown(vm, "rural-clinic", Figure.UPLOAD)).isEqualTo("10");
        assertThat(clock(doc, "rural-clinic")).isEqualTo(new SpeedProfile(0.1, 10, 10, 0));
        assertThat(shown(vm, "mountain-hospital", Figure.SECONDS_PER_STEP)).isEqualTo("0.01");
        assertThat(vm.rowOf("rural-clinic").noteProperty().get()).isEqualTo(SpeedsViewModel.SLOW_NOTE);
        assertThat(vm.presetTextProperty().get()).contains("rural-clinic is 10 times slower");
        assertThat(vm.oneSlowProperty().get()).isTrue();

        vm.sameSpeed();
        assertThat(doc.study().simulation()).as("the study file stays as it was").isNull();
        assertThat(shown(vm, "rural-clinic", Figure.SECONDS_PER_STEP)).isEqualTo("0.01");
    }

    @Test
    void aFigureTypedForOneHospitalIsItsOwnAndTypingThePresetsFigureBackForgetsIt() {
        StudyDocument doc = sample();
        SpeedsViewModel vm = new SpeedsViewModel(doc);
        vm.rowOf("heart-centre").field(Figure.DROPOUT).textProperty().set("0.2");
        assertThat(doc.study().simulation().hospitals())
                .isEqualTo(Map.of("heart-centre", new SimulationSection.Speed(null, null, null, 0.2)));
        assertThat(clock(doc, "heart-centre").dropout()).isEqualTo(0.2);
        assertThat(vm.rowOf("heart-centre").noteProperty().get()).isEqualTo("own speed");

        vm.rowOf("heart-centre").field(Figure.DROPOUT).textProperty().set("0");
        assertThat(doc.study().simulation()).isNull();
        assertThat(vm.rowOf("heart-centre").noteProperty().get()).isEmpty();

        // under the preset, the slow hospital's preset figure is what "back" means
        vm.oneSlowHospital();
        vm.rowOf("rural-clinic").field(Figure.UPLOAD).textProperty().set("1");
        assertThat(clock(doc, "rural-clinic")).isEqualTo(new SpeedProfile(0.1, 10, 1, 0));
        vm.rowOf("rural-clinic").field(Figure.UPLOAD).textProperty().set("10");
        assertThat(doc.study().simulation()).isEqualTo(SimulationSection.oneSlowHospital());
    }

    @Test
    void theEveryHospitalRowSetsTheSpeedOfHospitalsWithoutTheirOwn() {
        StudyDocument doc = sample();
        SpeedsViewModel vm = new SpeedsViewModel(doc);
        vm.oneSlowHospital();
        vm.rowOf("city-general").field(Figure.UPLOAD).textProperty().set("50");
        vm.rowOf(null).field(Figure.UPLOAD).textProperty().set("20");
        assertThat(doc.study().simulation().defaults()).isEqualTo(new SimulationSection.Speed(null, null, 20.0, null));
        assertThat(shown(vm, "heart-centre", Figure.UPLOAD)).isEqualTo("20");
        assertThat(shown(vm, "rural-clinic", Figure.UPLOAD)).isEqualTo("2");
        assertThat(shown(vm, "city-general", Figure.UPLOAD)).isEqualTo("50");
        assertThat(clock(doc, "rural-clinic").uploadMbps()).isEqualTo(2.0);
    }

    @Test
    void figuresTheClockRefusesAreSaidNamingTheHospitalAndNeverReachTheStudy() {
        StudyDocument doc = sample();
        SpeedsViewModel vm = new SpeedsViewModel(doc);
        vm.rowOf("heart-centre").field(Figure.DROPOUT).textProperty().set("1");
        assertThat(vm.rowOf("heart-centre").field(Figure.DROPOUT).errorProperty().get())
                .startsWith("Drop-out probability must be in [0, 1), was 1.0");
        assertThat(vm.errors()).singleElement().asString().startsWith("heart-centre: Drop-out probability");
        assertThat(vm.valid().get()).isFalse();
        vm.rowOf(null).field(Figure.DOWNLOAD).textProperty().set("fast");
        // listed in the table's order: the row of every hospital first
        assertThat(vm.errors()).hasSize(2).first().asString().isEqualTo("Every hospital: Download (Mbit/s) must be a number");
        vm.rowOf(null).field(Figure.DOWNLOAD).textProperty().set("0");
        assertThat(vm.errors()).first().asString().startsWith("Every hospital: Download bandwidth must be a positive number");
        assertThat(doc.study().simulation()).isNull();

        vm.rowOf("heart-centre").field(Figure.DROPOUT).textProperty().set("0.5");
        vm.rowOf(null).field(Figure.DOWNLOAD).textProperty().set("100");
        assertThat(vm.valid().get()).isTrue();
        assertThat(vm.errors()).isEmpty();
    }

    @Test
    void aSpeedKeptForAHospitalThatNoLongerTakesPartIsAProblemThatBlocksTheRun() {
        StudyDocument doc = sample();
        SpeedsViewModel vm = new SpeedsViewModel(doc);
        vm.rowOf("rural-clinic").field(Figure.SECONDS_PER_STEP).textProperty().set("1");
        doc.edit(s -> s.withParticipants(s.participants().stream().filter(p -> !p.name().equals("rural-clinic")).toList()));
        assertThat(vm.rows()).hasSize(4);
        assertThat(vm.problems()).singleElement().asString().contains("hospital 'rural-clinic' has a speed but is not a "
                + "participant");
    }

    /** Past a dozen hospitals a hospital's row is found by part of its name (rows: every hospital, then each). */
    @Test
    void aHospitalsRowIsFoundByPartOfItsName() {
        StudyDocument few = sample();
        assertThat(new SpeedsViewModel(few).manyHospitalsProperty().get()).isFalse();
        StudyDocument doc = new StudyDocument();
        Path many = Samples.manyHospitals(dir.resolve("many"), 40, 2);
        doc.replace(org.medfed.project.StudyFile.load(many), many);
        SpeedsViewModel vm = new SpeedsViewModel(doc);
        assertThat(vm.manyHospitalsProperty().get()).isTrue();

        // hospital-03, -13, -23 and -30 to -39: thirteen hold "3"
        int row = vm.find("3", false);
        assertThat(vm.rows().get(row).hospital()).isEqualTo("hospital-03");
        assertThat(vm.findStatusProperty().get()).isEqualTo("1 of 13 matches (Enter: the next)");
        row = vm.find("3", true);
        assertThat(vm.rows().get(row).hospital()).isEqualTo("hospital-13");
        vm.find("hospital-39", false);
        row = vm.find("hospital-3", true);
        assertThat(vm.rows().get(row).hospital()).as("round to the first match").isEqualTo("hospital-30");
        vm.find("every", false);
        assertThat(vm.findStatusProperty().get()).as("the row of every hospital is not a hospital")
                .isEqualTo("No hospital's name holds \"every\"");
    }
}
