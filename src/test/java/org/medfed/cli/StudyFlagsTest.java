package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.medfed.project.PrivacySection;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import picocli.CommandLine;

class StudyFlagsTest {

    @CommandLine.Command(name = "flags")
    static final class Holder {
        @CommandLine.Mixin
        StudyFlags flags = new StudyFlags();
    }

    private static PrivacySection privacyAfter(String... args) {
        Holder h = new Holder();
        new CommandLine(h).parseArgs(args);
        Study sample = StudyFile.load(Path.of("sample-projects/heart-4-hospitals/study.json"));
        return h.flags.apply(sample).privacy();
    }

    @Test
    void aNumberOptionOutOfItsLimitIsNamedAsTypedBeforeAnythingIsReadOrWritten(@org.junit.jupiter.api.io.TempDir Path tmp) {
        String study = "sample-projects/heart-4-hospitals/study.json";
        Path out = tmp.resolve("out");
        CliRunner lr = CliRunner.run("run", study, "--lr=NaN", "--out", out.toString());
        assertThat(lr.exitCode()).isEqualTo(2);
        assertThat(lr.err()).contains("--lr is NaN; it must be a number above 0 and at most 10")
                .doesNotContain("study.json").doesNotContain("preparing data");
        assertThat(CliRunner.run("run", study, "--rounds=-1", "--out", out.toString()).err())
                .contains("--rounds is -1; it must be a whole number from 1 to 10,000");
        assertThat(CliRunner.run("run", study, "--fraction=0", "--out", out.toString()).err())
                .contains("--fraction is 0; it must be a number above 0 and at most 1");
        assertThat(out).doesNotExist();
    }

    @Test
    void deltaGoesToDpSgdWhenOnlyDpSgdIsOn() {
        // this used to switch on client-level DP too, which then failed for want of a noise multiplier
        PrivacySection p = privacyAfter("--dp-sgd-noise", "1.1", "--dp-delta", "1e-5");
        assertThat(p.dp()).isNull();
        assertThat(p.dpSgd().noiseMultiplier()).isEqualTo(1.1);
        assertThat(p.dpSgd().delta()).isEqualTo(1e-5);
    }

    @Test
    void noiseAtTheHospitalsPlacesClientLevelNoiseThere() {
        assertThat(privacyAfter("--dp-epsilon", "8", "--dp-noise-at-hospitals").dp().noisePlacement())
                .isEqualTo("participants");
        assertThat(privacyAfter("--dp-epsilon", "8").dp().noisePlacement()).isEqualTo("aggregator");
    }

    @Test
    void deltaOnItsOwnIsClientLevelDp() {
        PrivacySection p = privacyAfter("--dp-epsilon", "5", "--dp-delta", "1e-4");
        assertThat(p.dp().delta()).isEqualTo(1e-4);
        assertThat(p.dpSgd()).isNull();
    }

    @Test
    void deltaReachesBothWhenBothAreOn() {
        PrivacySection p = privacyAfter("--dp-epsilon", "5", "--dp-sgd-epsilon", "3", "--dp-delta", "1e-6");
        assertThat(p.dp().delta()).isEqualTo(1e-6);
        assertThat(p.dpSgd().delta()).isEqualTo(1e-6);
    }
}
