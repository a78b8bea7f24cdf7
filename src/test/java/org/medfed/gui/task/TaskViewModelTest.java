package org.medfed.gui.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.data.tabular.SchemaProblem;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.testing.Samples;
import org.medfed.project.StudyFile;

class TaskViewModelTest {

    @TempDir
    Path dir;

    private final ObservableList<String> columns = FXCollections.observableArrayList(
            List.of("age", "sex", "systolic_bp", "cholesterol", "bmi", "smoker", "diabetes", "chest_pain", "disease"));

    private StudyDocument sample() {
        Path study = Samples.copy(dir, 3);
        StudyDocument doc = new StudyDocument();
        doc.replace(StudyFile.load(study), study);
        return doc;
    }

    @Test
    void showsLabelFeaturesAndSettingsOfTheStudy() {
        StudyDocument doc = sample();
        TaskViewModel vm = new TaskViewModel(doc, columns, FXCollections.observableArrayList(), FXCollections.observableArrayList());
        assertThat(vm.labelProperty().get()).isEqualTo("disease");
        assertThat(vm.labelChoices()).containsExactlyElementsOf(columns);
        assertThat(vm.features()).extracting(FeatureChoice::column).doesNotContain("disease").hasSize(8);
        assertThat(vm.features()).filteredOn(f -> f.column().equals("diabetes")).singleElement()
                .satisfies(f -> assertThat(f.typeProperty().get()).isEqualTo("categorical"));
        assertThat(vm.missingProperty().get()).isEqualTo("impute");
        assertThat(vm.trainFraction().textProperty().get()).isEqualTo("0.75");
        assertThat(vm.seed().textProperty().get()).isEqualTo("42");
        assertThat(doc.isDirty()).isFalse();
    }

    @Test
    void choicesAreWrittenToTheStudy() {
        StudyDocument doc = sample();
        TaskViewModel vm = new TaskViewModel(doc, columns, FXCollections.observableArrayList(), FXCollections.observableArrayList());
        vm.features().stream().filter(f -> f.column().equals("bmi")).findFirst().orElseThrow().useProperty().set(false);
        assertThat(doc.study().data().drop()).containsExactly("bmi");
        vm.features().stream().filter(f -> f.column().equals("smoker")).findFirst().orElseThrow().typeProperty().set("numeric");
        assertThat(doc.study().data().types()).containsEntry("smoker", "numeric").containsEntry("diabetes", "categorical");
        vm.normalizationProperty().set("local");
        assertThat(doc.study().data().normalization()).isEqualTo("local");
        vm.labelProperty().set("smoker");
        assertThat(doc.study().data().label()).isEqualTo("smoker");
        assertThat(vm.features()).extracting(FeatureChoice::column).contains("disease").doesNotContain("smoker");
        vm.trainFraction().textProperty().set("1");
        assertThat(vm.trainFraction().errorProperty().get()).isEqualTo("The training share must be above 0 and below 1");
        assertThat(vm.valid().get()).isFalse();
        assertThat(doc.study().data().trainFraction()).isEqualTo(0.75);
    }

    @Test
    void aColumnTheCheckLeavesOutAsAnIdentifierIsOfferedUntickedAndTickingItKeepsIt() {
        StudyDocument doc = sample();
        ObservableList<SchemaProblem> problems = FXCollections.observableArrayList();
        TaskViewModel vm = new TaskViewModel(doc, columns, problems, FXCollections.observableArrayList());
        FeatureChoice bmi = vm.features().stream().filter(f -> f.column().equals("bmi")).findFirst().orElseThrow();
        assertThat(bmi.useProperty().get()).isTrue();

        SchemaProblem identifier = new SchemaProblem(SchemaProblem.ALL_HOSPITALS, "bmi", SchemaProblem.Severity.WARNING,
                "column 'bmi' looks like an identifier", SchemaProblem.Kind.IDENTIFIER);
        problems.setAll(identifier);
        assertThat(bmi.useProperty().get()).as("the check leaves it out: the tick said otherwise").isFalse();
        assertThat(bmi.noteProperty().get()).contains("identifier");
        assertThat(doc.isDirty()).isFalse();

        // another column's tick leaves the identifier as the check left it, not dropped by hand
        vm.features().stream().filter(f -> f.column().equals("smoker")).findFirst().orElseThrow().useProperty().set(false);
        assertThat(doc.study().data().drop()).containsExactly("smoker");
        assertThat(doc.study().data().keep()).isEmpty();

        bmi.useProperty().set(true);
        assertThat(doc.study().data().keep()).containsExactly("bmi");
        problems.clear(); // the check no longer leaves it out
        assertThat(bmi.useProperty().get()).isTrue();
        assertThat(bmi.noteProperty().get()).isEmpty();

        bmi.useProperty().set(false);
        assertThat(doc.study().data().keep()).isEmpty();
        assertThat(doc.study().data().drop()).containsExactlyInAnyOrder("smoker", "bmi");
    }

    @Test
    void whileNoLabelIsChosenTheColumnsThatCouldBeItAreNamed() {
        StudyDocument doc = sample();
        ObservableList<String> candidates = FXCollections.observableArrayList("sex (F, M)", "disease (0, 1)");
        TaskViewModel vm = new TaskViewModel(doc, columns, FXCollections.observableArrayList(), candidates);
        assertThat(vm.labelHintProperty().get()).as("the sample has its label").isEmpty();
        doc.edit(st -> st.withData(st.data().withLabel(null)));
        assertThat(vm.labelHintProperty().get())
                .isEqualTo("Columns of 2 to 10 values, which could be the label: sex (F, M), disease (0, 1)");
        candidates.setAll("diagnosis (B, M)");
        assertThat(vm.labelHintProperty().get()).endsWith(": diagnosis (B, M)");
        vm.labelProperty().set("diagnosis");
        assertThat(vm.labelHintProperty().get()).isEmpty();
    }

    @Test
    void anMlpNeedsHiddenSizes() {
        StudyDocument doc = sample();
        TaskViewModel vm = new TaskViewModel(doc, columns, FXCollections.observableArrayList(), FXCollections.observableArrayList());
        assertThat(vm.hidden().valid()).isTrue();
        vm.modelProperty().set("mlp");
        assertThat(doc.study().model().type()).isEqualTo("mlp");
        assertThat(doc.study().model().hidden()).containsExactly(32);
        vm.hidden().textProperty().set("32,x");
        assertThat(vm.hidden().errorProperty().get()).contains("whole numbers");
        assertThat(vm.valid().get()).isFalse();
        vm.hidden().textProperty().set("16, 8");
        assertThat(doc.study().model().hidden()).containsExactly(16, 8);
        vm.modelProperty().set("logistic");
        assertThat(doc.study().model().hidden()).isEmpty();
        assertThat(vm.valid().get()).isTrue();
    }
}
