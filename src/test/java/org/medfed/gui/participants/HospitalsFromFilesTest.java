package org.medfed.gui.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.data.csv.CsvFormat;
import org.medfed.gui.common.DataKind;
import org.medfed.gui.common.StudyDocument;
import org.medfed.project.ParticipantEntry;

class HospitalsFromFilesTest {

    private final Path dir = Path.of("/data/study").toAbsolutePath();
    // an unsaved study keeps absolute paths
    private final HospitalsFromFiles fromFiles = new HospitalsFromFiles(new StudyDocument(), CsvFormat::defaults);
    private final List<String> guessed = new ArrayList<>();

    private String path(String name) {
        return dir.resolve(name).normalize().toString();
    }

    @Test
    void aGenotypeStudyMakesAHospitalPerVcfWithTheSheetNamedLikeIt() {
        List<Path> files = List.of(dir.resolve("north.vcf.gz"), dir.resolve("north-phenotypes.csv"),
                dir.resolve("south.vcf"), dir.resolve("readme.txt"));
        List<ParticipantEntry> added = fromFiles.newHospitals(files, DataKind.GENOTYPES, List.of("south"), guessed);
        assertThat(added).extracting(ParticipantEntry::name).containsExactly("north", "south-2");
        assertThat(added.get(0).data()).containsExactly(path("north.vcf.gz"), path("north-phenotypes.csv"));
        assertThat(added.get(1).data()).as("no sheet starts with 'south'").containsExactly(path("south.vcf"), "");
        assertThat(guessed).isEmpty();
    }

    @Test
    void anImageStudyMakesAHospitalPerFolderNamedAfterIt() {
        List<ParticipantEntry> added = fromFiles.newHospitals(List.of(dir.resolve("ward-a"), dir.resolve("ward-b")),
                DataKind.IMAGES, List.of(), guessed);
        assertThat(added).extracting(ParticipantEntry::name).containsExactly("ward-a", "ward-b");
        assertThat(added).extracting(ParticipantEntry::data)
                .containsExactly(List.of(path("ward-a")), List.of(path("ward-b")));
    }

    @Test
    void eachGenotypeFileGivenReplacesTheOneOfItsKind() {
        ParticipantEntry vcfOnly = new ParticipantEntry("north", List.of("north.vcf"), 1.0, true, null);
        ParticipantEntry withSheet = fromFiles.withFiles(vcfOnly, List.of(dir.resolve("sheet.csv")), DataKind.GENOTYPES,
                guessed);
        assertThat(withSheet.data()).containsExactly("north.vcf", path("sheet.csv"));
        ParticipantEntry newVcf = fromFiles.withFiles(withSheet, List.of(dir.resolve("north-2.bcf")), DataKind.GENOTYPES,
                guessed);
        assertThat(newVcf.data()).containsExactly(path("north-2.bcf"), path("sheet.csv"));

        ParticipantEntry none = new ParticipantEntry("south", List.of(), 1.0, true, null);
        assertThat(fromFiles.withFiles(none, List.of(dir.resolve("south.vcf")), DataKind.GENOTYPES, guessed).data())
                .containsExactly(path("south.vcf"), "");
    }
}
