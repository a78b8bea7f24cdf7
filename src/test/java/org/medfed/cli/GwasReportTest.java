package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.runreport.GwasReport;

/**
 * {@code medfed report} on an association study's folder: the study's summary, its four hits first and in bold
 * among the smallest p-values, and both plots as images inside the page; a folder another command wrote is
 * refused in words.
 */
class GwasReportTest {

    @TempDir
    Path tmp;

    @Test
    void theReportOfAnAssociationStudyShowsItsHitsAndPlots() throws Exception {
        Path out = tmp.resolve("gwas");
        CliRunner gwas = CliRunner.run("gwas", GenotypeStudyEndToEndTest.STUDY, "--out", out.toString());
        assertThat(gwas.exitCode()).as(gwas.err()).isZero();
        CliRunner report = CliRunner.run("report", out.toString(), "--out", tmp.resolve("gwas.html").toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        String page = Files.readString(tmp.resolve("gwas.html"));

        for (String section : GwasReport.SECTIONS) {
            assertThat(page).as("section " + section).contains("<section id=\"" + section + "\"");
        }
        assertThat(page).contains("4 variants of 1957 tested reached p &lt; 5.00e-08", "Genomic inflation factor lambda: 0.9360",
                "<th class=\"num\">OR</th>").doesNotContain("src=\"http")
                .containsPattern("Finished \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC");
        // the four hits of summary.txt, smallest p first, in bold; the fifth row is no hit
        String hits = page.substring(page.indexOf("<section id=\"hits\""), page.indexOf("<section id=\"plots\""));
        assertThat(hits.split("<tr class=\"total\">", -1)).hasSize(5);
        assertThat(hits).containsSubsequence("syn238", "2:94478477", "A &gt; T", "3.701", "1.19e-11", "syn1164",
                "syn1507", "syn511", "1.78e-08");
        assertThat(hits.split("<tr", -1)).hasSize(2 + GwasReport.TOP);

        Matcher images = Pattern.compile("id=\"(plot-[a-z]+)\" alt=\"[^\"]*\" src=\"data:image/png;base64,([^\"]+)\"")
                .matcher(page);
        int decoded = 0;
        while (images.find()) {
            var image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(2))));
            assertThat(image.getWidth()).as(images.group(1)).isGreaterThan(300);
            decoded++;
        }
        assertThat(decoded).isEqualTo(2);

        // a folder inside a finished study is pointed to the study's folder
        Files.createDirectories(out.resolve("extra"));
        CliRunner inside = CliRunner.run("report", out.resolve("extra").toString());
        assertThat(inside.exitCode()).isEqualTo(2);
        assertThat(inside.err()).contains("is a folder inside the finished run", "medfed report " + out.toAbsolutePath());
    }

    @Test
    void aFolderOfAnotherCommandIsRefusedInWords() throws Exception {
        Path split = tmp.resolve("split");
        CliRunner r = CliRunner.run("split", "sample-projects/heart-4-hospitals/data/city-general.csv", "--into", "2",
                "--out", split.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        CliRunner report = CliRunner.run("report", split.toString());
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).contains("holds the output of 'split'", "medfed run", "medfed gwas");
    }
}
