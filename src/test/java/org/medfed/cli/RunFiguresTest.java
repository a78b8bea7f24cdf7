package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.study.RunFigures;

/**
 * A finished run records the figures a list of runs shows in its run.properties, the same as results.csv's means
 * over hospitals; a run kept before that has them read from its results.csv.
 */
class RunFiguresTest {

    @TempDir
    Path tmp;

    @Test
    void aRunRecordsTheFiguresOfItsResultsAndAnOlderRunHasThemReadFromResultsCsv() throws Exception {
        Path run = tmp.resolve("run");
        CliRunner r = CliRunner.run("run", "sample-projects/heart-4-hospitals/study.json", "--rounds", "3",
                "--baselines", "--out", run.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Properties p = properties(run);

        RunFigures recorded = RunFigures.of(run, p);
        p.remove("figures"); // as a run written before the figures were recorded
        RunFigures fromResults = RunFigures.of(run, p);

        assertThat(recorded.federatedAccuracy()).isBetween(0.5, 1.0);
        assertThat(recorded.federatedAuc()).isBetween(0.5, 1.0);
        assertThat(recorded.pooledAccuracy()).isBetween(0.5, 1.0);
        assertThat(recorded.bestAloneAccuracy()).isBetween(0.5, 1.0);
        assertThat(recorded.bestAlone()).isIn("city-general", "rural-clinic", "heart-centre", "mountain-hospital");
        // results.csv keeps six significant digits
        assertThat(fromResults.federatedAccuracy()).isCloseTo(recorded.federatedAccuracy(), within(1e-6));
        assertThat(fromResults.federatedAuc()).isCloseTo(recorded.federatedAuc(), within(1e-6));
        assertThat(fromResults.pooledAccuracy()).isCloseTo(recorded.pooledAccuracy(), within(1e-6));
        assertThat(fromResults.bestAloneAccuracy()).isCloseTo(recorded.bestAloneAccuracy(), within(1e-6));
        assertThat(fromResults.bestAlone()).isEqualTo(recorded.bestAlone());
    }

    @Test
    void aRunWithoutComparisonsRecordsOnlyTheFederatedFigures() throws Exception {
        Path run = tmp.resolve("run");
        CliRunner r = CliRunner.run("run", "sample-projects/heart-4-hospitals/study.json", "--rounds", "2", "--out",
                run.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        Properties p = properties(run);

        RunFigures f = RunFigures.of(run, p);

        assertThat(p).containsKey("figures").doesNotContainKeys("pooledAccuracy", "bestAlone");
        assertThat(f.federatedAccuracy()).isBetween(0.5, 1.0);
        assertThat(f.pooledAccuracy()).isNaN();
        assertThat(f.bestAlone()).isEmpty();
    }

    private static Properties properties(Path run) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(run.resolve("run.properties"), StandardCharsets.ISO_8859_1)));
        return p;
    }
}
