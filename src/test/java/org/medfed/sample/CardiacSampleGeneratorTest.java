package org.medfed.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardiacSampleGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void theCommittedSampleDataIsWhatTheGeneratorWritesWithItsSeed() throws Exception {
        for (String file : CardiacSampleGenerator.generate(dir, 20261125L)) {
            assertThat(Files.readString(dir.resolve(file)))
                    .as(file + " differs from the generator's output; regenerate it")
                    .isEqualTo(Files.readString(Path.of("sample-projects/heart-4-hospitals/data").resolve(file)));
        }
    }

    @Test
    void theRiskModelIsTheDocumentedOne() {
        // a 55-year-old woman at the reference values with typical pain: logit -1.0
        assertThat(CardiacSampleGenerator.risk(55, false, 130, 5.2, false, false, 0)).isEqualTo(1 / (1 + Math.exp(1.0)));
        // a male smoker with diabetes and asymptomatic pain adds 0.7 + 0.6 + 0.8 + 1.6
        assertThat(CardiacSampleGenerator.risk(55, true, 130, 5.2, true, true, 3))
                .isEqualTo(1 / (1 + Math.exp(-(-1.0 + 0.7 + 0.6 + 0.8 + 1.6))));
    }
}
