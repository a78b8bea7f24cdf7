package org.medfed.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.concurrency.InOrder;
import org.medfed.concurrency.Workers;
import org.medfed.data.ExampleSet;
import org.medfed.data.csv.CsvFormat;
import org.medfed.engine.BadInputException;
import org.medfed.project.ProtocolJson;
import org.medfed.project.StudyFile;
import org.medfed.study.PreparedStudy;
import org.medfed.study.TabularStudyData;

/**
 * The hospitals of a simulated study read and encode their tables at once, and the result is the one they give one
 * after another, bit for bit; when several fail, the first hospital's error is the one reported, as before.
 */
class HospitalsPrepareAtOnceTest {

    private static final Path SAMPLE = Path.of("sample-projects", "heart-4-hospitals", "study.json");

    @TempDir
    Path dir;

    @Test
    void theSampleStudyIsPreparedTheSameAtOnceAsOneAfterAnother() {
        TabularFederation alone = federation(PreparedStudy.prepare(StudyFile.load(SAMPLE), SAMPLE));
        TabularFederation atOnce;
        try (Workers workers = new Workers(4)) {
            atOnce = federation(PreparedStudy.prepare(StudyFile.load(SAMPLE), SAMPLE, workers));
        }
        assertThat(ProtocolJson.write(atOnce.preprocessing())).isEqualTo(ProtocolJson.write(alone.preprocessing()));
        assertThat(atOnce.sites()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            TabularFederation.PreparedSite a = alone.sites().get(i);
            TabularFederation.PreparedSite b = atOnce.sites().get(i);
            assertThat(b.name()).isEqualTo(a.name());
            assertSameBits(b.train(), a.train());
            assertSameBits(b.test(), a.test());
        }
    }

    @Test
    void whenTwoHospitalsFilesAreBrokenTheFirstOnesErrorIsReported() throws IOException {
        List<TabularFederation.SiteInput> inputs = new ArrayList<>();
        for (String h : List.of("a", "b", "c", "d")) {
            StringBuilder csv = new StringBuilder("x,y\n");
            for (int r = 0; r < 200; r++) {
                csv.append(r % 7).append(',').append(r % 2).append('\n');
            }
            if (h.equals("b") || h.equals("d")) {
                csv.append("1,0,5\n"); // a ragged row at the end of the file
            }
            Path file = Files.writeString(dir.resolve(h + ".csv"), csv);
            inputs.add(new TabularFederation.SiteInput(h, file));
        }
        try (Workers workers = new Workers(2)) {
            ExecutorService pool = workers.fixed("preparing-data", 2);
            assertThatThrownBy(() -> TabularFederation.prepare(inputs, CsvFormat.defaults(),
                    TabularSettings.defaults("y"), pool)).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("b.csv").hasMessageContaining("line 202").hasMessageNotContaining("d.csv");
        }
        assertThatThrownBy(() -> TabularFederation.prepare(inputs, CsvFormat.defaults(), TabularSettings.defaults("y"),
                InOrder.HERE)).hasMessageContaining("b.csv").hasMessageContaining("line 202");
    }

    private static TabularFederation federation(PreparedStudy prepared) {
        return ((TabularStudyData) prepared.data()).federation();
    }

    private static void assertSameBits(ExampleSet actual, ExampleSet expected) {
        assertThat(actual.labels()).isEqualTo(expected.labels());
        assertThat(actual.inputs().length).isEqualTo(expected.inputs().length);
        for (int r = 0; r < expected.inputs().length; r++) {
            float[] x = actual.inputs()[r];
            float[] e = expected.inputs()[r];
            assertThat(x.length).isEqualTo(e.length);
            for (int c = 0; c < e.length; c++) {
                assertThat(Float.floatToRawIntBits(x[c])).as("row %d input %d", r, c)
                        .isEqualTo(Float.floatToRawIntBits(e[c]));
            }
        }
    }
}
