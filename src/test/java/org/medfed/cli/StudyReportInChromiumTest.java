package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.runreport.StudyReport;
import org.medfed.testsupport.SharedData;

/**
 * {@code medfed report} on a real run, opened in headless Chromium as a reader's browser would: every section is in
 * the rendered page, the charts are decoded images, and the page prints to a PDF. Skipped with a message where
 * Chromium is not installed, failed then under CI ({@code MEDFED_REQUIRE_SHARED=1}, where .ci/run installs it).
 */
class StudyReportInChromiumTest {

    @TempDir
    Path tmp;

    @Test
    void theReportOfARunRendersEverySectionAndPrintsToPdf() throws Exception {
        Path run = tmp.resolve("run");
        CliRunner r = CliRunner.run("run", SampleStudyEndToEndTest.STUDY, "--baselines", "--rounds", "3", "--out",
                run.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllLines(run.resolve("results.csv")).get(0))
                .isEqualTo("model,participant,metric,value,n,ci_low,ci_high,vs_hospital_alone,p_value");
        CliRunner report = CliRunner.run("report", run.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        Path html = run.resolve("report.html");
        assertThat(report.out()).contains("Report written to");
        String page = Files.readString(html);
        assertThat(page).doesNotContain("src=\"http").doesNotContain("href=\"http"); // self-contained
        // "All test patients" is every hospital's test patients pooled, as the ROC chart's line of them: its AUC is
        // results.csv's 'all' row (with DeLong's interval), not the weighted mean of the hospitals' AUCs
        String pooledAuc = Files.readAllLines(run.resolve("results.csv")).stream()
                .filter(l -> l.startsWith("federated,all,auc,")).findFirst().orElseThrow().split(",")[3];
        String aucTable = page.substring(page.indexOf("<h3>AUC"), page.indexOf("</table>", page.indexOf("<h3>AUC")));
        String federatedRow = aucTable.substring(aucTable.indexOf("<tr><td>Federated"));
        federatedRow = federatedRow.substring(0, federatedRow.indexOf("</tr>"));
        String lastCell = federatedRow.substring(federatedRow.lastIndexOf("<td class=\"num\">"));
        assertThat(lastCell).startsWith("<td class=\"num\">" + String.format(java.util.Locale.ROOT, "%.3f",
                Double.parseDouble(pooledAuc)) + " <span class=\"ci\">(");
        // the times as a reader writes them, not the files' ISO instants with microseconds
        assertThat(page).containsPattern("Run started \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC, finished \\d{4}-");

        String chromium = chromium();
        String dom = browser(chromium, "--dump-dom", html.toUri().toString());
        for (String section : StudyReport.SECTIONS) {
            assertThat(dom).as("section " + section).contains("<section id=\"" + section + "\"");
        }
        assertThat(dom).contains("Federated against each hospital alone").contains("n=100").contains("exact McNemar")
                .contains("id=\"chart-roc\"").contains("id=\"chart-calibration\"").doesNotContain("�")
                .contains("Outcome (model output: class)</th><td>0: 0, 1: 1<");
        // hospitals in the study's order, all test patients last
        assertThat(dom.indexOf(">rural-clinic</th>")).isLessThan(dom.indexOf(">heart-centre</th>"));
        // the charts decode: a broken image has naturalWidth 0 (checked in the page itself, written into the DOM)
        Path probe = tmp.resolve("probe.html");
        Files.writeString(probe, page.replace("</body>", "<script>window.onload=function(){var bad=[];"
                + "document.querySelectorAll('img').forEach(function(i){if(!i.complete||i.naturalWidth<100)bad.push(i.id)});"
                + "document.body.setAttribute('data-broken-images',bad.length?bad.join(' '):'none');};</script></body>"),
                StandardCharsets.UTF_8);
        String probed = browser(chromium, "--dump-dom", "--virtual-time-budget=5000", probe.toUri().toString());
        assertThat(probed).contains("data-broken-images=\"none\"");
        Path pdf = tmp.resolve("report.pdf");
        browser(chromium, "--print-to-pdf=" + pdf, "--no-pdf-header-footer", html.toUri().toString());
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(bytes.length).isGreaterThan(50_000); // text, tables and three chart images
    }

    @Test
    void refusesAFolderThatIsNotAFinishedRun() throws Exception {
        Path half = tmp.resolve("half");
        Files.createDirectories(half);
        Files.writeString(half.resolve("metrics.csv"), "round,participant,split,metric,value\n");
        CliRunner report = CliRunner.run("report", half.toString());
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).contains("half").contains("is not a finished output folder");
        assertThat(half.resolve("report.html")).doesNotExist();
    }

    private static String chromium() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        String message = "Chromium is not installed (Debian package chromium; .ci/run installs it)";
        if (SharedData.required()) {
            fail(message + "; MEDFED_REQUIRE_SHARED=1, so this is a failure");
        }
        Assumptions.abort(message + ": skipping the browser check of the report");
        return null;
    }

    private String browser(String chromium, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--user-data-dir=" + tmp.resolve("profile")));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("chromium.out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(tmp.resolve("chromium.err").toFile())
                .start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                fail("Chromium did not finish in 90 s: " + cmd);
            }
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("chromium.err"))).isZero();
        return Files.readString(out);
    }
}
