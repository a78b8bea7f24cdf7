package org.medfed.gui.genotypes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.testing.Samples;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.analytics.gwas.GwasProgress;
import org.medfed.engine.RunControl;
import org.medfed.project.StudyFile;
import org.medfed.study.AssociationStudy;
import org.medfed.testsupport.TestWorkers;

class HospitalQcTest {

    @TempDir
    Path dir;

    @Test
    void summarisesAHospitalAsTheStudysQualityControlSeesIt() {
        Path studyFile = GenotypeSamples.copy(dir);
        var settings = GenotypeFilesViewModel.settings(StudyFile.load(studyFile));
        Path folder = studyFile.getParent();
        HospitalQc qc = HospitalQcCheck.check("hospital-a", folder.resolve("hospital-a.vcf.gz"),
                folder.resolve("hospital-a-phenotypes.csv"), settings, null);
        assertThat(qc.vcfSamples()).isEqualTo(150);
        assertThat(qc.sheetRows()).isEqualTo(150);
        // HA-0002 has disease NA (README): matched but incomplete; HA-0001 has 25 % missing calls
        assertThat(qc.matched()).isEqualTo(149);
        assertThat(qc.incomplete()).isEqualTo(1);
        assertThat(qc.duplicated()).isZero();
        assertThat(qc.samplesPassing()).isEqualTo(148);
        assertThat(qc.lowCallRate()).isEqualTo(1);
        assertThat(qc.variants()).isEqualTo(2000);
        assertThat(qc.missingRate()).isBetween(0.01, 0.02);
        assertThat(qc.variantsPassing()).isBetween(1800L, 1999L);
        assertThat(qc.cases() + qc.controls()).isEqualTo(148);
        assertThat(qc.headline()).startsWith("hospital-a: 150 samples, 148 analysed, ");
        assertThat(qc.lines()).extracting(HospitalQc.Line::what).contains("Duplicated phenotype ids (left out)", "Cases / controls");
    }

    @Test
    void filesAreStillCheckedWhileTheTestDoesNotGoWithTheCovariates() {
        Path studyFile = GenotypeSamples.copy(dir);
        var study = StudyFile.load(studyFile);
        var g = study.genotypes();
        var allelic = new org.medfed.project.GenotypeSection.Association("allelic", true, null, null, "skip");
        var settings = GenotypeFilesViewModel.settings(study.withGenotypes(
                new org.medfed.project.GenotypeSection(g.phenotype(), allelic, null)));
        assertThat(settings.test()).isEqualTo(org.medfed.analytics.gwas.AssociationTest.LOGISTIC);
        assertThat(settings.phenotype().covariates()).containsExactly("age", "sex");
        assertThat(settings.multiAllelic()).isEqualTo(org.medfed.data.vcf.MultiAllelicPolicy.SKIP);
    }

    @Test
    void theChosenHospitalsFilesAreCheckedAndABadSheetIsNamedWithItsLine() throws Exception {
        Path studyFile = GenotypeSamples.copy(dir);
        StudyDocument document = new StudyDocument();
        document.replace(StudyFile.load(studyFile), studyFile);
        StubDialogs dialogs = new StubDialogs();
        SimpleIntegerProperty selected = new SimpleIntegerProperty(-1);
        List<String> reported = new ArrayList<>();
        GenotypeFilesViewModel vm = new GenotypeFilesViewModel(document, BackgroundTasks.immediate(), dialogs, selected,
                (hospital, samples, balance) -> reported.add(hospital + " " + samples + " " + balance));
        assertThat(vm.overview()).hasSize(4).allMatch(line -> line.contains(" analysed, "));
        assertThat(reported).hasSize(4).first().asString().startsWith("hospital-a 148 ").contains(" cases / ");
        assertThat(vm.hasHospitalProperty().get()).isFalse();
        // the checks read each VCF into the study's genotype cache, which the study's first run then uses as it is
        Path cache = AssociationStudy.genotypeCache(studyFile);
        Map<Path, FileTime> written = new HashMap<>();
        try (var files = Files.list(cache)) {
            for (Path f : files.toList()) {
                written.put(f, Files.getLastModifiedTime(f));
            }
        }
        assertThat(written).hasSize(4);
        AssociationStudy.run(TestWorkers.shared(), document.study(), studyFile, dir.resolve("first-run"), false,
                RunControl.free(), GwasProgress.NONE);
        for (var f : written.entrySet()) {
            assertThat(Files.getLastModifiedTime(f.getKey())).as(f.getKey().toString()).isEqualTo(f.getValue());
        }

        selected.set(1);
        assertThat(vm.hospitalProperty().get()).isEqualTo("hospital-b");
        assertThat(vm.vcfTextProperty().get()).isEqualTo("hospital-b.vcf.gz");
        assertThat(vm.qcLines()).isNotEmpty();
        assertThat(vm.statusProperty().get()).isEmpty();

        Path bad = Samples.write(dir.resolve("bad-sheet.csv"), "sample_id,disease,ldl,age,sex", "HB-0001,1,2.1,50,1",
                "HB-0003,2,2.2,51,0");
        dialogs.dataFiles.add(List.of(bad));
        vm.chooseSheet();
        assertThat(document.study().participants().get(1).data().get(1)).endsWith("bad-sheet.csv");
        assertThat(vm.errorProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).contains("bad-sheet.csv").contains("line 3").contains("'disease'");
        assertThat(vm.qcLines()).isEmpty();
        assertThat(vm.blockingProblems()).singleElement().asString().startsWith("Hospital 'hospital-b': ")
                .contains("bad-sheet.csv line 3");
        assertThat(reported).last().asString().isEqualTo("hospital-b – ✖ its files cannot be used (see below)");

        // a sheet chosen where the VCF goes is refused with a reason
        dialogs.dataFiles.add(List.of(bad));
        vm.chooseVcf();
        assertThat(vm.statusProperty().get()).contains("is not a genotype file");
        assertThat(document.study().participants().get(1).data().get(0)).isEqualTo("hospital-b.vcf.gz");

        // a VCF with a position that is not a number: the message names the file and its line
        Path broken = Samples.write(dir.resolve("broken.vcf"), "##fileformat=VCFv4.2",
                "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">",
                "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tHB-0001",
                "1\t100\trs1\tA\tG\t.\tPASS\t.\tGT\t0/1", "1\tabc\trs2\tA\tG\t.\tPASS\t.\tGT\t0/1");
        vm.assign(1, 1, studyFile.getParent().resolve("hospital-b-phenotypes.csv"));
        dialogs.dataFiles.add(List.of(broken));
        vm.chooseVcf();
        assertThat(vm.errorProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).contains("broken.vcf").contains("line 5");
        assertThat(vm.overview().get(1)).startsWith("hospital-b: ✖ ").contains("broken.vcf");
    }
}
