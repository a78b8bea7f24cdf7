package org.medfed.data.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @TempDir
    Path dir;

    private CsvTable read(String content) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, content);
        return CsvReader.read(f, CsvFormat.defaults());
    }

    @Test
    void linesAreCountedFromTheFileIncludingBlankOnesAndALastLineWithoutNewline() throws IOException {
        CsvTable t = read("a,b\n1,2\n\n3,4\n5,6");
        assertThat(t.hadHeader()).isTrue();
        assertThat(t.columns()).containsExactly("a", "b");
        assertThat(t.lineNumbers()).containsExactly(2, 4, 5);
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsNotPartOfTheFirstColumnsName() throws IOException {
        // Excel's "CSV UTF-8" starts the file with one; the column must still match "age" in other hospitals' files
        CsvTable t = read("\uFEFFage,label\n63,1\n67,0\n");
        assertThat(t.columns()).containsExactly("age", "label");
        assertThat(t.lineNumbers()).containsExactly(2, 3);
        assertThat(read("\uFEFF63,1\n67,0\n").value(0, 0)).isEqualTo("63");
    }

    @Test
    void aQuotedFieldOverTwoLinesKeepsTheLineOfItsRecord() throws IOException {
        CsvTable t = read("a,b\n1,\"two\nlines\"\n3,4\n");
        assertThat(t.lineNumbers()).containsExactly(2, 4);
        assertThat(t.value(0, 1)).isEqualTo("two\nlines");
    }

    @Test
    void missingTokensBecomeNull() throws IOException {
        CsvTable t = read("a,b,c\n1,?,NA\n,2,3\n");
        assertThat(t.value(0, 1)).isNull();
        assertThat(t.value(0, 2)).isNull();
        assertThat(t.value(1, 0)).isNull();
        assertThat(t.value(1, 1)).isEqualTo("2");
    }

    @Test
    void aFileOfNumbersHasNoHeader() throws IOException {
        CsvTable t = read("63.0,1.0,145.0\n67.0,1.0,160.0\n");
        assertThat(t.hadHeader()).isFalse();
        assertThat(t.columns()).containsExactly("column1", "column2", "column3");
        assertThat(t.rowCount()).isEqualTo(2);
    }

    @Test
    void columnNamesCanBeGivenForHeaderlessFiles() throws IOException {
        Path f = dir.resolve("h.csv");
        Files.writeString(f, "1,2\n3,4\n");
        CsvTable t = CsvReader.read(f, CsvFormat.defaults().withHeader(HeaderMode.NO).withColumnNames(java.util.List.of("x", "y")));
        assertThat(t.columns()).containsExactly("x", "y");
        assertThat(t.value(1, 1)).isEqualTo("4");
    }

    @Test
    void aSemicolonFileWithDecimalCommasReadWithCommasIsRefusedWithTheSeparatorItHas() throws IOException {
        // without a header: every line splits at its decimal commas into as many fields as the others
        assertThatThrownBy(() -> read("63,0;1,0;145,0;2,3;0\n67,0;1,0;160,0;1,5;2\n"))
                .isInstanceOf(org.medfed.engine.BadInputException.class)
                .hasMessageEndingWith("t.csv line 1: 4 of the 5 fields found with separator ',' contain ';' (for "
                        + "example '0;1'): set the separator to ';', with a decimal comma if numbers are written 3,5");
        // one line split differently: the line's other separator is named
        assertThatThrownBy(() -> read("age,oldpeak,y\n63;2,3;1\n"))
                .hasMessageContaining("line 2: 2 fields where 3 were expected (from the header); the line has "
                        + "more ';' than ',': set the separator to ';'");
        // read with ';', the decimal commas are no other separator (with or without the decimal-comma option)
        Path eu = dir.resolve("eu.csv");
        Files.writeString(eu, "63,0;1,0;145,0;2,3;0\n67,0;1,0;160,0;1,5;2\n");
        assertThat(CsvReader.read(eu, CsvFormat.defaults().withSeparator(';')).columns()).hasSize(5);
        // a few fields holding ';' are values, not a separator
        CsvTable t = read("drugs,dose,y\n\"aspirin;statin\",2,1\nnone,0,0\n");
        assertThat(t.value(0, 0)).isEqualTo("aspirin;statin");
        assertThatThrownBy(() -> read("a,b,c\n1,2\n")).hasMessageContaining("line 2: 2 fields where 3 were "
                + "expected (from the header); check the separator ',' and quotes");
    }

    @Test
    void profilesInferTypesAndCountMissing() throws IOException {
        CsvTable t = read("age,sex,score\n50,M,1\n60,F,?\n70,F,3\n");
        var p = TableProfiler.profile(t);
        assertThat(p.get("age").inferredType()).isEqualTo(ColumnType.NUMERIC);
        assertThat(p.get("age").mean()).isEqualTo(60.0);
        assertThat(p.get("sex").inferredType()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(p.get("sex").levelCounts()).containsEntry("F", 2).containsEntry("M", 1);
        assertThat(p.get("score").missing()).isEqualTo(1);
    }

    /** Found by ParserFuzzTest: "inf" looked like a number but Double.parseDouble refused it, and profiling crashed. */
    @Test
    void infinityAndNanInAnyCaseAreProfiledAsNumbersThatTrainingRefuses() throws IOException {
        Path f = dir.resolve("inf.csv");
        Files.writeString(f, "x,y\n1,0\ninf,1\n-INFINITY,0\nInf,1\n"); // "nan" is a missing-value marker
        CsvTable t = CsvReader.read(f, CsvFormat.defaults());
        ColumnProfile x = TableProfiler.profile(t).get("x");
        assertThat(x.present()).isEqualTo(4);
        assertThat(TableProfiler.compareLevels("inf", "1")).isPositive();
        assertThat(CsvNumber.anyValue("-Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(CsvNumber.anyValue("NaN")).isNaN();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvNumber.parse("inf"))
                .isInstanceOf(NumberFormatException.class).hasMessageContaining("not a finite number");
    }
}
