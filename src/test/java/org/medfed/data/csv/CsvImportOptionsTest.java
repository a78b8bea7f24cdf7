package org.medfed.data.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.BadInputException;

/** The options a person sets per hospital on the Import options tab, read as a spreadsheet exported them. */
class CsvImportOptionsTest {

    @TempDir
    Path dir;

    private Path file(String content, Charset charset) throws Exception {
        Path f = dir.resolve("h.csv");
        Files.write(f, content.getBytes(charset));
        return f;
    }

    @Test
    void aEuropeanExportReadsWithSemicolonsAndDecimalCommas() throws Exception {
        Path f = file("age;chol;city\n61;5,13;Köln\n47;6,2;Genève, Nord\n", StandardCharsets.UTF_8);
        // read as the defaults read it: one column, and the message names the setting to change
        assertThatThrownBy(() -> CsvReader.read(f, CsvFormat.defaults())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("set the separator to ';'");
        CsvFormat european = new CsvFormat(';', HeaderMode.AUTO, CsvFormat.DEFAULT_MISSING, List.of(), true,
                StandardCharsets.UTF_8, '"');
        CsvTable t = CsvReader.read(f, european);
        assertThat(t.hadHeader()).isTrue();
        assertThat(t.columns()).containsExactly("age", "chol", "city");
        // 5,13 is the number 5.13; a comma in text is left alone
        assertThat(t.rows()).containsExactly(new String[] {"61", "5.13", "Köln"}, new String[] {"47", "6.2", "Genève, Nord"});
        assertThat(TableProfiler.profile(t).get("chol").inferredType()).isEqualTo(ColumnType.NUMERIC);
    }

    @Test
    void anOldExcelEncodingIsReadWhenChosenAndNamedWhenNot() throws Exception {
        Charset windows = Charset.forName("windows-1252");
        Path f = file("name,age\nRenée,61\nJosé,47\n", windows);
        assertThatThrownBy(() -> CsvReader.read(f, CsvFormat.defaults()))
                .hasMessageContaining("is not UTF-8 text; set the encoding the file was saved with");
        CsvTable t = CsvReader.read(f, new CsvFormat(',', HeaderMode.YES, CsvFormat.DEFAULT_MISSING, List.of(), false,
                CsvFormat.parseEncoding("windows-1252"), '"'));
        assertThat(t.value(0, 0)).isEqualTo("Renée");
        assertThat(t.value(1, 0)).isEqualTo("José");
    }

    @Test
    void quotesCanBeTextAndMissingMarkersAreTheHospitals() throws Exception {
        Path f = file("note,x\n'a, b',1\n\"inch,-\n", StandardCharsets.UTF_8);
        CsvFormat quotes = new CsvFormat(',', HeaderMode.YES, Set.of("-"), List.of(), false, StandardCharsets.UTF_8, '\'');
        // by default the lone " opens a quote that never closes; with ' as the quote it is text
        assertThatThrownBy(() -> CsvReader.read(f, CsvFormat.defaults())).isInstanceOf(BadInputException.class);
        CsvTable t = CsvReader.read(f, quotes);
        assertThat(t.rows()).containsExactly(new String[] {"a, b", "1"}, new String[] {"\"inch", null});
        CsvFormat none = new CsvFormat(',', HeaderMode.YES, Set.of(), List.of(), false, StandardCharsets.UTF_8, null);
        assertThat(CsvReader.read(file("a,b\n\"x,y\n", StandardCharsets.UTF_8), none).rows().get(0))
                .containsExactly("\"x", "y");
        assertThatThrownBy(() -> new CsvFormat(';', HeaderMode.YES, Set.of(), List.of(), false, null, ';'))
                .hasMessageContaining("the quote character and the separator are both ';'");
        assertThatThrownBy(() -> CsvFormat.parseEncoding("klingon"))
                .hasMessageContaining("the encoding \"klingon\" is unknown; common ones are UTF-8, windows-1252");
    }

    @Test
    void decimalCommasOnlyTouchValuesThatBecomeNumbers() {
        assertThat(CsvNumber.withDecimalPoint("3,5")).isEqualTo("3.5");
        assertThat(CsvNumber.withDecimalPoint("-0,25")).isEqualTo("-0.25");
        assertThat(CsvNumber.withDecimalPoint("1.234,5")).isEqualTo("1.234,5");
        assertThat(CsvNumber.withDecimalPoint("a,b")).isEqualTo("a,b");
        assertThat(CsvNumber.withDecimalPoint("1,2,3")).isEqualTo("1,2,3");
        assertThat(CsvNumber.writtenWithDecimalComma("63,0")).isTrue();
        assertThat(CsvNumber.writtenWithDecimalComma(" -0,5 ")).isTrue();
        assertThat(CsvNumber.writtenWithDecimalComma("63")).isFalse();
        assertThat(CsvNumber.writtenWithDecimalComma("63.5")).isFalse();
        assertThat(CsvNumber.writtenWithDecimalComma("yes,no")).isFalse();
        assertThat(CsvNumber.writtenWithDecimalComma(null)).isFalse();
    }
}
