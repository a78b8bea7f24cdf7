package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Past a table's dozen hospitals, each hospital's own model is tested at its own hospital only: testing every one at
 * every hospital grows with the square of their number (1,000 hospitals wrote 6 million rows of results.csv). A dozen
 * still compare every model everywhere.
 */
class ManyHospitalsComparisonsTest {

    private static final Path SAMPLE = Path.of("sample-projects/heart-4-hospitals").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void pastADozenHospitalsEachHospitalsOwnModelIsTestedAtHome() throws Exception {
        List<String[]> rows = runWithComparisons(13);
        Set<String> local = new HashSet<>();
        Set<String> federated = new HashSet<>();
        for (String[] r : rows) {
            if (r[0].startsWith("local:") && r[1].startsWith("hospital-")) {
                assertThat(r[1]).as("where %s was tested", r[0]).isEqualTo(r[0].substring("local:".length()));
                local.add(r[1]);
            }
            if (r[0].equals("federated") && r[1].startsWith("hospital-")) {
                federated.add(r[1]);
            }
            if (r[0].startsWith("local:")) {
                assertThat(r[1]).as("no figure over all patients for a model tested at one hospital")
                        .isNotIn("all", "mean_weighted");
            }
        }
        assertThat(local).hasSize(13);
        assertThat(federated).hasSize(13);
        // the comparison with the federated model at each hospital is still made
        assertThat(rows).filteredOn(r -> r[0].equals("federated") && r[2].equals("accuracy") && r[1].startsWith("hospital-"))
                .allSatisfy(r -> assertThat(r[8]).isNotEmpty());
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("pooled", "all", "accuracy"));
        // the terminal's table of the spread: one row for the thirteen at home, not thirteen rows of one figure
        assertThat(terminal).contains("each hospital alone  13 ").doesNotContain("local:hospital-01");
        // and the report's tables: the spread, not a column per hospital
        CliRunner report = CliRunner.run("report", run.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        String html = Files.readString(run.resolve("report.html"));
        assertThat(html).contains("Each hospital alone (at its own hospital)").contains("The spread over 13 hospitals")
                .doesNotContain("hospital-01 alone");
    }

    @Test
    void aDozenHospitalsTestEveryModelAtEveryHospital() throws Exception {
        List<String[]> rows = runWithComparisons(12);
        assertThat(rows).filteredOn(r -> r[0].equals("local:hospital-01") && r[2].equals("accuracy")
                && r[1].startsWith("hospital-")).hasSize(12);
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("local:hospital-01", "all", "accuracy"));
    }

    /** What the run printed on the terminal and its folder, set by {@link #runWithComparisons}. */
    private String terminal;
    private Path run;

    /** results.csv's rows (split at commas: no field here has one) of a run of {@code hospitals} with comparisons. */
    private List<String[]> runWithComparisons(int hospitals) throws Exception {
        List<String> pool = new ArrayList<>();
        String header = null;
        for (String name : List.of("city-general", "rural-clinic", "heart-centre", "mountain-hospital")) {
            List<String> lines = Files.readAllLines(SAMPLE.resolve("data/" + name + ".csv"), StandardCharsets.UTF_8);
            header = lines.get(0);
            pool.addAll(lines.subList(1, lines.size()));
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode study = (ObjectNode) json.readTree(SAMPLE.resolve("study.json").toFile());
        var participants = study.putArray("participants");
        for (int h = 1; h <= hospitals; h++) {
            String name = String.format(Locale.ROOT, "hospital-%02d", h);
            List<String> lines = new ArrayList<>(List.of(header));
            for (int r = 0; r < 40; r++) {
                lines.add(pool.get((h * 37 + r * 11) % pool.size()));
            }
            Path file = Files.write(tmp.resolve(name + ".csv"), lines, StandardCharsets.UTF_8);
            participants.addObject().put("name", name).putArray("data").add(file.toString());
        }
        Path studyFile = tmp.resolve("study-" + hospitals + ".json");
        json.writeValue(studyFile.toFile(), study);
        run = tmp.resolve("run-" + hospitals);
        CliRunner r = CliRunner.run("run", studyFile.toString(), "--rounds", "2", "--baselines", "--out", run.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        terminal = r.out();
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(run.resolve("results.csv"));
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }
}
