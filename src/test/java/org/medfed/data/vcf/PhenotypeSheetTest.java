package org.medfed.data.vcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.medfed.engine.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhenotypeSheetTest {

    @TempDir
    Path tmp;

    private static final PhenotypeSpec BINARY =
            new PhenotypeSpec(null, "disease", PhenotypeKind.BINARY, List.of("age", "sex"));

    @Test
    void matchesSamplesAndNamesEveryoneLeftOut() throws IOException {
        Path csv = write("hospital-a.csv", """
                sample_id,disease,age,sex
                S1,1,61,0
                S2,0,55.5,1
                S3,NA,40,1
                S4,1,,0
                S5,0,70,1
                S5,1,71,1
                S9,0,33,0
                """);
        PhenotypeSheet sheet = PhenotypeSheet.read(csv, BINARY);
        assertThat(sheet.rowCount()).isEqualTo(7);
        assertThat(sheet.duplicatedIds()).containsExactly("S5");
        SampleMatch m = sheet.match(List.of("S0", "S1", "S2", "S3", "S4", "S5"));
        assertThat(m.vcfIndices()).containsExactly(1, 2);
        assertThat(m.phenotype()).containsExactly(1.0, 0.0);
        assertThat(m.covariates()[1]).containsExactly(55.5, 1.0);
        assertThat(m.vcfOnly()).containsExactly("S0");
        assertThat(m.incomplete()).containsExactly("S3", "S4");
        assertThat(m.duplicated()).containsExactly("S5");
        assertThat(m.sheetOnly()).containsExactly("S9");
        assertThat(m.describe()).isEqualTo("""
                2 of 6 VCF samples have a complete phenotype row
                1 VCF sample has no row in the phenotype sheet (left out), e.g. S0
                1 phenotype row names no sample of the VCF (ignored), e.g. S9
                1 sample id appears on more than one phenotype row (left out), e.g. S5
                2 samples have a missing phenotype or covariate (left out), e.g. S3, S4
                """);
    }

    @Test
    void readsTabAndSemicolonSheetsAndIgnoresAByteOrderMark() throws IOException {
        Path tsv = write("p.tsv", "\uFEFFid\tldl\nA\t3.2\nB\t4.1\n");
        PhenotypeSheet sheet = PhenotypeSheet.read(tsv, new PhenotypeSpec(null, "ldl", PhenotypeKind.QUANTITATIVE, List.of()));
        assertThat(sheet.row("A").phenotype()).isEqualTo(3.2);
        Path semi = write("p.csv", "id;ldl\nA;3.2\n");
        assertThat(PhenotypeSheet.read(semi, new PhenotypeSpec("id", "ldl", PhenotypeKind.QUANTITATIVE, List.of()))
                .row("A").phenotype()).isEqualTo(3.2);
    }

    @Test
    void aBinaryPhenotypeOtherThanZeroOrOneNamesTheLine() throws IOException {
        Path csv = write("hospital-b.csv", "id,disease,age,sex\nA,0,50,1\nB,2,50,1\n");
        assertThatThrownBy(() -> PhenotypeSheet.read(csv, BINARY)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("hospital-b.csv line 3: column 'disease' is '2', expected 0 (control) or 1 (case)");
    }

    @Test
    void aWordInANumericColumnNamesTheLineAndColumn() throws IOException {
        Path csv = write("hospital-b.csv", "id,disease,age,sex\nA,0,50,1\nB,1,abc,1\n");
        assertThatThrownBy(() -> PhenotypeSheet.read(csv, BINARY)).isInstanceOf(BadInputException.class)
                .hasMessage("hospital-b.csv line 3: column 'age' is 'abc', expected a number "
                        + "(code categories as numbers, e.g. sex as 0/1), or empty/NA when unknown");
        Path comma = write("c.csv", "id;disease;age;sex\nA;0;50,5;1\n");
        assertThatThrownBy(() -> PhenotypeSheet.read(comma, BINARY)).hasMessageContaining("use a dot as the decimal separator");
    }

    @Test
    void aMissingColumnListsTheColumnsThatExist() throws IOException {
        Path csv = write("h.csv", "id,status,age\nA,0,50\n");
        assertThatThrownBy(() -> PhenotypeSheet.read(csv, BINARY)).isInstanceOf(BadInputException.class)
                .hasMessage("h.csv line 1: the phenotype column 'disease' is not in the header; the columns are: id, status, age");
    }

    @Test
    void aRowWithTooFewValuesNamesItsLine() throws IOException {
        Path csv = write("h.csv", "id,disease,age,sex\nA,0,50,1\n\nB,1,50\n");
        assertThatThrownBy(() -> PhenotypeSheet.read(csv, BINARY)).isInstanceOf(BadInputException.class)
                .hasMessage("h.csv line 4: the row has 3 values, expected 4 (one per column of the header)");
    }

    @Test
    void anEmptyFileAndAMissingFileAreExplained() throws IOException {
        assertThatThrownBy(() -> PhenotypeSheet.read(write("e.csv", ""), BINARY)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("e.csv line 1: the file is empty");
        assertThatThrownBy(() -> PhenotypeSheet.read(tmp.resolve("none.csv"), BINARY))
                .hasMessage("none.csv: file not found");
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
