package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medfed.io.OutputFolder;

/**
 * The README's promise: the same study and seed give byte-identical metrics.csv, results.csv, model.zip and model
 * card (but for its "created" line), in every mode that claims it: plain, secure aggregation, seeded DP, both,
 * Paillier aggregation and seeded DP-SGD.
 */
class ReproducibleOutputsTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"plain", "--secure-aggregation", "--dp-noise=0.3 --seeded-randomness",
            "--secure-aggregation --dp-noise=0.3 --seeded-randomness", "--paillier",
            "--dp-sgd-noise=1.1 --dp-sgd-clip=1 --seeded-randomness"})
    void twoRunsOfTheSameStudyAndSeedGiveTheSameBytes(String mode) throws Exception {
        Path first = run(mode, "first");
        Path second = run(mode, "second");
        for (String file : List.of("metrics.csv", "results.csv", "model/model.zip")) {
            assertThat(Files.readAllBytes(second.resolve(file))).as(mode + ": " + file)
                    .isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
        assertThat(withoutCreated(second.resolve("model/model-card.json")))
                .isEqualTo(withoutCreated(first.resolve("model/model-card.json")));
        OutputFolder.requireFinished(first);
        if (mode.contains("--dp-noise")) {
            assertThat(Files.readString(first.resolve("metrics.csv"))).contains("dp.epsilon");
        }
        if (mode.contains("dp")) {
            assertThat(Files.readString(first.resolve("model/model-card.json"))).contains("epsilon");
        }
    }

    private Path run(String mode, String name) {
        Path out = tmp.resolve(name);
        // with DP and secure aggregation together each hospital joins a round by chance, and a round of fewer than
        // two is refused: every hospital takes part there
        String fraction = mode.contains("--secure-aggregation --dp") ? "1" : "0.75";
        List<String> args = new ArrayList<>(List.of("run", SampleStudyEndToEndTest.STUDY, "--rounds", "3",
                "--fraction", fraction, "--out", out.toString()));
        if (!mode.equals("plain")) {
            args.addAll(List.of(mode.split(" ")));
        }
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return out;
    }

    private static List<String> withoutCreated(Path card) throws Exception {
        return Files.readAllLines(card).stream().filter(l -> !l.contains("\"created\"")).toList();
    }
}
