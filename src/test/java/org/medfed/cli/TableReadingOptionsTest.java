package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inspect and split read a table as a study file's participant "csv" says: a European export as it comes. */
class TableReadingOptionsTest {

    private static final String NAMES = "age,sex,chol,oldpeak,num";

    @TempDir
    Path tmp;

    /** No header, ';', decimal commas, windows-1252 (an 'é' in a value), CRLF, 'k.A.' for missing. */
    private Path europeanExport() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            b.append(40 + i).append(",0;").append(i % 2).append(";").append(i == 3 ? "k.A." : (200 + i) + ",5")
                    .append(";").append(i % 4).append(",").append(i % 10).append(";").append(i % 2 == 0 ? "sain" : "malade")
                    .append(i == 5 ? "é" : "").append("\r\n");
        }
        return Files.write(tmp.resolve("export.csv"), b.toString().getBytes(Charset.forName("windows-1252")));
    }

    @Test
    void inspectReadsTheFileWithTheStudysImportOptions() throws Exception {
        Path file = europeanExport();
        CliRunner r = CliRunner.run("inspect", "--separator", ";", "--header", "no", "--column-names", NAMES,
                "--decimal-comma", "--encoding", "windows-1252", "--missing-values", "k.A.", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("export.csv: 12 rows, 5 columns, no header row (columns named as given)")
                .containsPattern("chol\\s+numeric\\s+1\\s+11\\s+200.500\\s+211.500")
                .containsPattern("oldpeak\\s+numeric\\s+0 ")
                .contains("label 'num' (the last column): malade: 5 (42%), maladeé: 1 (8%), sain: 6 (50%)");

        // read with ';' only: the numbers are text, and inspect says how they would be numbers
        CliRunner plain = CliRunner.run("inspect", "--separator", ";", "--encoding", "windows-1252", file.toString());
        assertThat(plain.out()).contains("(numbers written with a decimal comma, such as '40,0': read with a decimal "
                + "comma, they are numbers)");
        // read with the default ',': refused at line 1, naming the separator it has
        CliRunner comma = CliRunner.run("inspect", "--encoding", "windows-1252", file.toString());
        assertThat(comma.exitCode()).isEqualTo(2);
        assertThat(comma.err()).contains("export.csv line 1: ", "contain ';'", "set the separator to ';'");
        CliRunner bad = CliRunner.run("inspect", "--encoding", "klingon", file.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("the encoding \"klingon\" is unknown");
    }

    @Test
    void splitWritesPlainFilesWithTheColumnNamesGiven() throws Exception {
        Path file = europeanExport();
        Path out = tmp.resolve("split");
        CliRunner r = CliRunner.run("split", "--separator", ";", "--column-names", NAMES, "--decimal-comma",
                "--encoding", "windows-1252", "--missing-values", "k.A.", "--into", "2", "--label", "num", "--out",
                out.toString(), file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String first = Files.readAllLines(out.resolve("hospital-1.csv")).get(0);
        assertThat(first).isEqualTo(NAMES);
        String all = Files.readString(out.resolve("hospital-1.csv")) + Files.readString(out.resolve("hospital-2.csv"));
        assertThat(all).contains("200.5").doesNotContain("200,5").doesNotContain("k.A.").contains("maladeé");
        // the study split writes runs on them as they are
        assertThat(CliRunner.run("inspect", out.resolve("hospital-1.csv").toString()).out())
                .containsPattern("chol\\s+numeric");
    }
}
