package org.medfed.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDialectTest {

    @TempDir
    Path dir;

    private CsvDialect of(String content, Charset encoding) throws Exception {
        return CsvDialect.of(Files.write(dir.resolve("t.csv"), content.getBytes(encoding)));
    }

    @Test
    void aEuropeanExportIsSeenForWhatItIs() throws Exception {
        // ';' between values, decimal commas, windows-1252 (an 'é'), CRLF; the commas are as steady as the ';' on
        // these lines, but the fields between the ';' are numbers written 3,5
        String eu = "âge;poids;diagnostic\r\n63,0;72,5;sain\r\n67,0;80,1;malade é\r\n";
        assertThat(of(eu, Charset.forName("windows-1252")))
                .isEqualTo(new CsvDialect(';', true, Charset.forName("windows-1252"), true));
        assertThat(of(eu, StandardCharsets.UTF_8)).isEqualTo(new CsvDialect(';', true, StandardCharsets.UTF_8, true));
        // without its header row
        assertThat(of("63,0;72,5;sain\n67,0;80,1;malade\n", StandardCharsets.UTF_8).header()).isFalse();
    }

    @Test
    void plainFilesAndUnclearOnesAreReadThePlainWay() throws Exception {
        assertThat(of("age,chol,y\n63.5,233,1\n67,286,0\n", StandardCharsets.UTF_8))
                .isEqualTo(new CsvDialect(',', false, StandardCharsets.UTF_8, true));
        // a ';' inside quotes is a value, not a separator
        assertThat(of("drugs,dose\n\"aspirin;statin\",2\n\"none\",0\n", StandardCharsets.UTF_8).separator())
                .isEqualTo(',');
        // one column, or ragged lines: nothing to go by
        assertThat(of("age\n63\n67\n", StandardCharsets.UTF_8).separator()).isEqualTo(',');
        assertThat(of("a;b\n1;2;3\n", StandardCharsets.UTF_8).separator()).isEqualTo(',');
        // ';' with decimal points, and tabs
        assertThat(of("age;bmi\n63;22.5\n67;30.1\n", StandardCharsets.UTF_8))
                .isEqualTo(new CsvDialect(';', false, StandardCharsets.UTF_8, true));
        assertThat(of("age\tbmi\n63\t22,5\n67\t30,1\n", StandardCharsets.UTF_8))
                .isEqualTo(new CsvDialect('\t', true, StandardCharsets.UTF_8, true));
    }

    @Test
    void theUciFilesAsDownloadedAreCommaSeparated() throws Exception {
        Path cleveland = org.medfed.testsupport.SharedData.data("uci-heart-disease/processed.cleveland.data");
        assertThat(CsvDialect.of(cleveland)).isEqualTo(new CsvDialect(',', false, StandardCharsets.UTF_8, false));
    }
}
