package org.medfed.gui.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.strategy.StrategyCatalog;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.StudyReadiness;
import org.medfed.gui.testing.Samples;
import org.medfed.project.StudyFile;

class AlgorithmViewModelTest {

    @TempDir
    Path dir;

    private StudyDocument sample() {
        Path study = Samples.copy(dir, 30);
        StudyDocument doc = new StudyDocument();
        doc.replace(StudyFile.load(study), study);
        return doc;
    }

    @Test
    void showsTheStudysAlgorithmAndPlan() {
        AlgorithmViewModel vm = new AlgorithmViewModel(sample());
        assertThat(vm.strategyProperty().get().id()).isEqualTo("weighted-fedavg");
        assertThat(vm.explanationProperty().get()).contains("more training patients counts more");
        assertThat(vm.rounds().textProperty().get()).isEqualTo("30");
        assertThat(vm.learningRate().textProperty().get()).isEqualTo("0.05");
        assertThat(vm.parameterFields()).isEmpty();
        assertThat(vm.strategies()).hasSize(StrategyCatalog.all().size());
    }

    @Test
    void invalidValuesShowAMessageKeepTheStudyAndBlockTheRun() {
        StudyDocument doc = sample();
        AlgorithmViewModel vm = new AlgorithmViewModel(doc);
        StudyReadiness readiness = new StudyReadiness(doc);
        readiness.addForm("Algorithm", vm.valid());
        assertThat(readiness.ready().get()).isTrue();

        vm.learningRate().textProperty().set("0");
        assertThat(vm.learningRate().errorProperty().get()).isEqualTo("Learning rate must be a number above 0 and at most 10");
        assertThat(doc.study().training().learningRate()).isEqualTo(0.05);
        assertThat(vm.valid().get()).isFalse();
        assertThat(readiness.ready().get()).isFalse();
        assertThat(readiness.problems()).containsExactly("Fix the fields marked in red on the Algorithm screen.");

        vm.fraction().textProperty().set("1.5");
        assertThat(vm.fraction().errorProperty().get()).isEqualTo("The share of hospitals must be a number above 0 and at most 1");
        vm.fraction().textProperty().set("0,5");
        assertThat(doc.study().training().fraction()).isEqualTo(0.5);

        vm.learningRate().textProperty().set("0.1");
        assertThat(vm.valid().get()).isTrue();
        assertThat(readiness.ready().get()).isTrue();
        assertThat(doc.study().training().learningRate()).isEqualTo(0.1);

        vm.rounds().textProperty().set("2.5");
        assertThat(vm.rounds().errorProperty().get()).isEqualTo("Rounds must be a whole number from 1 to 10,000");
        vm.rounds().textProperty().set("5");
        assertThat(doc.study().training().rounds()).isEqualTo(5);
    }

    @Test
    void choosingAnAlgorithmShowsItsParametersCheckedByTheCatalog() {
        StudyDocument doc = sample();
        AlgorithmViewModel vm = new AlgorithmViewModel(doc);
        vm.strategyProperty().set(StrategyCatalog.require("fedprox"));
        assertThat(doc.study().strategy().id()).isEqualTo("fedprox");
        assertThat(vm.explanationProperty().get()).contains("pull back");
        assertThat(vm.parameter("mu").textProperty().get()).isEqualTo("0.01");
        vm.parameter("mu").textProperty().set("-1");
        assertThat(vm.parameter("mu").errorProperty().get()).isEqualTo("Mu must be >= 0, was -1");
        assertThat(vm.valid().get()).isFalse();
        vm.parameter("mu").textProperty().set("0.5");
        assertThat(doc.study().strategy().parameters()).containsEntry("mu", 0.5);

        vm.strategyProperty().set(StrategyCatalog.require("fedadam"));
        assertThat(vm.parameterFields()).extracting(f -> f.id()).containsExactly("serverLearningRate", "beta1", "beta2", "tau");
        assertThat(vm.valid().get()).isTrue();
        vm.parameter("beta1").textProperty().set("1");
        assertThat(vm.parameter("beta1").errorProperty().get()).contains("in [0, 1)");
    }

    @Test
    void personalisingStrategiesExplainThemselvesAndFedPerSaysItNeedsAHiddenLayer() {
        StudyDocument doc = sample(); // logistic regression: one layer
        AlgorithmViewModel vm = new AlgorithmViewModel(doc);
        vm.strategyProperty().set(StrategyCatalog.require("ditto"));
        assertThat(vm.explanationProperty().get()).contains("Personalised", "its own model stays at the hospital");
        assertThat(vm.parameter("lambda").textProperty().get()).isEqualTo("0.1");
        assertThat(vm.modelFitProperty().get()).isEmpty();

        vm.strategyProperty().set(StrategyCatalog.require("fedper"));
        assertThat(vm.explanationProperty().get()).contains("kept at each hospital and never sent");
        assertThat(vm.modelFitProperty().get()).contains("FedPer", "choose a model with a hidden layer",
                "Task screen");
        // a hidden layer on the Task screen, and the note goes
        doc.edit(st -> st.withModel(new org.medfed.project.ModelSection("mlp", java.util.List.of(8), null)));
        assertThat(vm.modelFitProperty().get()).isEmpty();
        // keeping both layers at the hospitals leaves nothing to share
        vm.parameter("personalLayers").textProperty().set("2");
        assertThat(vm.modelFitProperty().get()).contains("keep between 1 and 1");
    }

    @Test
    void theChoicePerHospitalExplainsItselfAndRefusesFewerThanTwoFolds() {
        AlgorithmViewModel vm = new AlgorithmViewModel(sample());
        vm.strategyProperty().set(StrategyCatalog.require("fedavg-choose"));
        assertThat(vm.explanationProperty().get()).contains("Personalised", "keeps the best");
        assertThat(vm.parameter("folds").textProperty().get()).isEqualTo("5");
        assertThat(vm.modelFitProperty().get()).isEmpty();
        vm.parameter("folds").textProperty().set("1");
        assertThat(vm.parameter("folds").errorProperty().get()).isNotEmpty();
        assertThat(vm.valid().get()).isFalse();
    }

    @Test
    void aStudyOpenedLaterReplacesTheForm() {
        StudyDocument doc = new StudyDocument();
        AlgorithmViewModel vm = new AlgorithmViewModel(doc);
        assertThat(vm.rounds().textProperty().get()).isEqualTo("20");
        Path study = Samples.copy(dir, 7);
        doc.replace(StudyFile.load(study), study);
        assertThat(vm.rounds().textProperty().get()).isEqualTo("7");
        assertThat(doc.isDirty()).isFalse();
    }
}
