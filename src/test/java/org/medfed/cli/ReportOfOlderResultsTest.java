package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.runreport.StudyReport;

/**
 * A run kept before results.csv had the rows of all test patients pooled (participant 'all') has only the hospitals'
 * weighted means: the report names that column for what it is instead of calling it all test patients.
 */
class ReportOfOlderResultsTest {

    @TempDir
    Path tmp;

    @Test
    void withoutThePooledRowsTheLastColumnIsTheHospitalsWeightedMean() throws Exception {
        Path run = tmp.resolve("run");
        CliRunner r = CliRunner.run("run", SampleStudyEndToEndTest.STUDY, "--rounds", "2", "--out", run.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(StudyReport.html(run)).contains(">All test patients</th>").doesNotContain("Hospitals, weighted");

        Path results = run.resolve("results.csv");
        List<String> older = Files.readAllLines(results).stream().filter(l -> !l.split(",")[1].equals("all")).toList();
        byte[] bytes = (String.join("\n", older) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(results, bytes);
        // the finished folder's record of the file, as the older MedFed wrote it for these bytes
        Path marker = run.resolve("finished.properties");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        List<String> lines = Files.readAllLines(marker).stream()
                .map(l -> l.startsWith("file.results.csv=") ? "file.results.csv=" + bytes.length + " " + sha : l).toList();
        Files.write(marker, lines);

        String page = StudyReport.html(run);
        String auc = page.substring(page.indexOf("<h3>AUC"), page.indexOf("</table>", page.indexOf("<h3>AUC")));
        assertThat(auc).contains(">Hospitals, weighted</th>").doesNotContain("All test patients");
        assertThat(page).contains("\"Hospitals, weighted\" is the mean of the hospitals' figures weighted by their "
                + "test patients");
    }
}
