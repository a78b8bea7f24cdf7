package org.medfed.gui.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.common.DataKind;
import org.medfed.gui.common.StudyChecks;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/** The hospitals table of image and genotype studies: folders and file pairs, never read as CSV tables. */
class ParticipantsOfOtherDataKindsTest {

    @TempDir
    Path dir;

    private final QueuedUi ui = QueuedUi.sameThread();
    private final StubDialogs dialogs = new StubDialogs();
    private final StudyDocument doc = new StudyDocument();

    private ParticipantsViewModel open(Path sample) throws Exception {
        Path copy = dir.resolve("study");
        copyTree(sample, copy);
        ParticipantsViewModel vm = new ParticipantsViewModel(doc, ui, dialogs);
        doc.replace(StudyFile.load(copy.resolve("study.json")), copy.resolve("study.json"));
        ui.drain();
        return vm;
    }

    @Test
    void anImageStudysFoldersAreFoundAndAFileIsNoFolder() throws Exception {
        ParticipantsViewModel vm = open(Path.of("sample-projects/phantom-4-hospitals"));
        assertThat(vm.kindProperty().get()).isEqualTo(DataKind.IMAGES);
        assertThat(vm.rows()).extracting(r -> r.checkProperty().get()).containsOnly("✔ files found");
        assertThat(vm.knownColumns()).isEmpty();
        assertThat(StudyChecks.problems(doc.study(), doc)).isEmpty();

        Path notAFolder = Files.writeString(dir.resolve("scan.dcm"), "x");
        dialogs.folders.add(notAFolder);
        vm.chooseFilesFor(1);
        assertThat(doc.study().participants().get(1).data()).hasSize(1);
        assertThat(vm.rows().get(1).checkProperty().get()).startsWith("✖ Its images must be a folder, not a file");
        assertThat(StudyChecks.problems(doc.study(), doc))
                .anySatisfy(p -> assertThat(p).startsWith("Hospital 'hospital-b': its images must be a folder"));

        dialogs.folders.add(dir.resolve("study/data/hospital-b"));
        vm.chooseFilesFor(1);
        assertThat(StudyChecks.problems(doc.study(), doc)).isEmpty();
    }

    @Test
    void aGenotypeStudyPairsEachVcfWithItsPhenotypeSheet() throws Exception {
        ParticipantsViewModel vm = open(Path.of("sample-projects/genotypes-4-hospitals"));
        assertThat(vm.kindProperty().get()).isEqualTo(DataKind.GENOTYPES);
        assertThat(vm.rows()).extracting(r -> r.checkProperty().get()).containsOnly("✔ files found");
        assertThat(StudyChecks.problems(doc.study(), doc)).isEmpty();

        Path vcf = Files.writeString(dir.resolve("st-marys.vcf.gz"), "x");
        Path sheet = Files.writeString(dir.resolve("st-marys-phenotypes.csv"), "x");
        vm.addHospitals(List.of(sheet, vcf));
        ParticipantEntry added = doc.study().participants().get(4);
        assertThat(added.name()).isEqualTo("st-marys");
        assertThat(added.data()).containsExactly(doc.dataPathFor(vcf), doc.dataPathFor(sheet));
        assertThat(vm.rows().get(4).checkProperty().get()).isEqualTo("✔ files found");

        // a hospital's two files can be chosen one at a time, each replacing the one of its kind
        Path other = Files.writeString(dir.resolve("other.csv"), "x");
        vm.assignFiles(4, List.of(other));
        assertThat(doc.study().participants().get(4).data()).containsExactly(doc.dataPathFor(vcf), doc.dataPathFor(other));

        Path lone = Files.writeString(dir.resolve("lone.vcf"), "x");
        vm.addHospitals(List.of(lone));
        assertThat(vm.rows().get(5).checkProperty().get()).startsWith("✖ Choose its phenotype sheet");
        assertThat(StudyChecks.problems(doc.study(), doc))
                .anySatisfy(p -> assertThat(p).startsWith("Hospital 'lone': choose its phenotype sheet"));
    }

    @Test
    void figuresReportedByADataKindsPaneShowInTheTable() throws Exception {
        ParticipantsViewModel vm = open(Path.of("sample-projects/phantom-4-hospitals"));
        vm.reportFigures("hospital-a", "40", "lesion: 20 · no-lesion: 20");
        assertThat(vm.rows().get(0).samplesProperty().get()).isEqualTo("40");
        assertThat(vm.rows().get(0).balanceProperty().get()).isEqualTo("lesion: 20 · no-lesion: 20");
        assertThat(vm.rows().get(1).samplesProperty().get()).isEqualTo("–");
    }

    @Test
    void dataKindFollowsTheStudysDataType() {
        Study study = StudyFile.load(Path.of("sample-projects/genotypes-4-hospitals/study.json"));
        assertThat(DataKind.isAssociation(study)).isTrue();
        assertThat(DataKind.of(withType(study, "dicom"))).isEqualTo(DataKind.IMAGES);
        assertThat(DataKind.of(withType(study, "tabular"))).isEqualTo(DataKind.TABLE);
        assertThat(DataKind.isAssociation(withType(study, "tabular"))).isFalse();
    }

    private static Study withType(Study s, String type) {
        return new Study(s.schemaVersion(), s.name(), s.description(), s.task(), type, s.participants(), s.data(),
                s.imaging(), s.genotypes(), s.model(), s.strategy(), s.training(), s.baselines(), s.privacy(),
                s.defence(), s.compression(), s.simulation(), s.seed(), s.coordinator());
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
