package org.medfed.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvReader;

/** What a node tells the researcher about its table before a study: counts held to its minimum. */
class TableOverviewTest {

    @TempDir
    Path dir;

    @Test
    void labelCountsUnderTheMinimumAreWithheldAndOnlyCounted() throws Exception {
        Path file = Files.writeString(dir.resolve("site.csv"),
                "age,sex,outcome\n50,M,yes\n61,F,yes\n47,F,yes\n70,M,no\n");
        var table = CsvReader.read(file, CsvFormat.defaults());

        TableOverview o = LocalTabularSite.overview(table, TabularSettings.defaults("outcome"), 2);
        assertThat(o.rows()).isEqualTo(4);
        assertThat(o.labelCounts()).isEqualTo(Map.of("yes", 3));
        assertThat(o.withheldLabelValues()).isEqualTo(1);
        assertThat(o.balanceText()).isEqualTo("yes: 3 (75%) · 1 value under 2 withheld");
        assertThat(o.schema().columns()).containsExactly("age", "sex", "outcome");
        assertThat(o.schema().features()).extracting(ColumnSummary::name).containsExactly("age", "sex");

        // before the study has a label: every column described, no balance
        TableOverview early = LocalTabularSite.overview(table, null, 1);
        assertThat(early.label()).isNull();
        assertThat(early.balanceText()).isEmpty();
        assertThat(early.schema().features()).extracting(ColumnSummary::inferredType)
                .containsExactly("numeric", "categorical", "categorical");
    }
}
