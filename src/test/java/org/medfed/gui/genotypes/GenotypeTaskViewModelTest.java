package org.medfed.gui.genotypes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.StudyDocument;
import org.medfed.project.GenotypeSection;
import org.medfed.project.StudyFile;

class GenotypeTaskViewModelTest {

    @TempDir
    Path dir;
    private StudyDocument document;
    private GenotypeTaskViewModel vm;

    @BeforeEach
    void open() {
        Path studyFile = GenotypeSamples.copy(dir);
        document = new StudyDocument();
        document.replace(StudyFile.load(studyFile), studyFile);
        vm = new GenotypeTaskViewModel(document, BackgroundTasks.immediate());
    }

    private GenotypeSection genotypes() {
        return document.study().genotypes();
    }

    @Test
    void showsTheStudyAndOffersTheSheetsColumns() {
        assertThat(vm.columnChoices()).containsExactly("sample_id", "disease", "ldl", "age", "sex");
        assertThat(vm.taskProperty().get()).isEqualTo(GenotypeTaskViewModel.ASSOCIATION);
        assertThat(vm.phenotypeColumnProperty().get()).isEqualTo("disease");
        assertThat(vm.covariates()).extracting(CovariateChoice::column).containsExactly("ldl", "age", "sex");
        assertThat(vm.covariates()).filteredOn(c -> c.useProperty().get()).extracting(CovariateChoice::column)
                .containsExactly("age", "sex");
        assertThat(vm.testProperty().get()).isEqualTo("logistic");
        assertThat(vm.significance().textProperty().get()).isEqualTo("5e-8");
        assertThat(vm.minMaf().textProperty().get()).isEqualTo("0.01");
        assertThat(vm.minHweP().textProperty().get()).isEqualTo("1e-6");
        assertThat(GenotypeTaskViewModel.format(2.5e-10)).isEqualTo("2.5e-10");
        assertThat(vm.valid().get()).isTrue();
        assertThat(document.isDirty()).isFalse();
    }

    @Test
    void namesWhatTheEngineWouldRefuseAndOffersTheFix() {
        vm.testProperty().set("allelic");
        assertThat(genotypes().association().test()).isEqualTo("allelic");
        assertThat(vm.valid().get()).isFalse();
        assertThat(vm.problemProperty().get()).contains("allelic chi-square").contains("age, sex")
                .contains("logistic regression");
        vm.covariates().forEach(c -> c.useProperty().set(false));
        assertThat(genotypes().phenotype().covariates()).isEmpty();
        assertThat(vm.problemProperty().get()).contains("or hospital");
        vm.adjustForSiteProperty().set(false);
        assertThat(vm.valid().get()).isTrue();

        vm.useLogisticRegression();
        vm.kindProperty().set("quantitative");
        assertThat(vm.problemProperty().get()).contains("linear regression");
        vm.phenotypeColumnProperty().set("ldl");
        vm.testProperty().set("linear");
        assertThat(vm.valid().get()).isTrue();
        assertThat(genotypes().phenotype().column()).isEqualTo("ldl");
        assertThat(vm.covariates()).extracting(CovariateChoice::column).containsExactly("disease", "age", "sex");
    }

    @Test
    void typedNumbersAreCheckedAsTypedAndWrittenOnlyWhenValid() {
        vm.significance().textProperty().set("abc");
        assertThat(vm.significance().errorProperty().get()).isEqualTo("The significance threshold must be a number");
        assertThat(vm.valid().get()).isFalse();
        assertThat(genotypes().association().significance()).isEqualTo(5e-8);
        vm.significance().textProperty().set("1e-5");
        assertThat(genotypes().association().significance()).isEqualTo(1e-5);
        vm.minMaf().textProperty().set("0,6");
        assertThat(vm.minMaf().errorProperty().get()).contains("from 0 up to 0.5");
        vm.minMaf().textProperty().set("0,05");
        assertThat(genotypes().association().qc().settings().minMaf()).isEqualTo(0.05);
        vm.minHweP().textProperty().set("0");
        assertThat(genotypes().association().qc().minHweP()).isEqualTo(0.0);
        assertThat(vm.valid().get()).isTrue();
        assertThat(document.isDirty()).isTrue();
    }

    @Test
    void theRiskModelNeedsVariantsAndABinaryPhenotype() {
        vm.taskProperty().set(GenotypeTaskViewModel.RISK_MODEL);
        assertThat(document.study().task()).isEqualTo("classification");
        assertThat(vm.riskVariants().textProperty().get()).startsWith("syn238, syn511, syn1164, syn1507");
        vm.riskVariants().textProperty().set(" ");
        assertThat(vm.riskVariants().errorProperty().get()).startsWith("Name at least one variant");
        assertThat(vm.valid().get()).isFalse();
        vm.riskVariants().textProperty().set("syn238 syn511,syn238");
        assertThat(genotypes().riskModel().variants()).containsExactly("syn238", "syn511");
        vm.riskTrainFraction().textProperty().set("0.6");
        assertThat(genotypes().riskModel().trainFraction()).isEqualTo(0.6);
        assertThat(vm.valid().get()).isTrue();
        vm.kindProperty().set("quantitative");
        assertThat(vm.problemProperty().get()).startsWith("A risk model predicts a binary phenotype");

        vm.taskProperty().set(GenotypeTaskViewModel.ASSOCIATION);
        assertThat(document.study().task()).isEqualTo("association");
        assertThat(vm.riskVariants().valid()).isTrue();
    }
}
