package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.medfed.engine.Evaluation;

/** The terminal's results table: a column per hospital for a few, their spread for many. */
class ResultsTableRenderTest {

    @Test
    void aFewHospitalsGetAColumnEach() {
        ResultsTable t = table(3);
        String text = t.render("accuracy");
        assertThat(text.lines().findFirst().orElseThrow()).contains("h01").contains("h02").contains("h03")
                .contains("mean").contains("weighted");
        // h01 0.100, h02 0.200, h03 0.300; 10 test rows each
        assertThat(text).contains("0.100").contains("0.300").contains("0.200");
    }

    @Test
    void manyHospitalsGetTheirSpreadWithQuartilesByHand() {
        // 13 hospitals with accuracy 0.1, 0.2, ..., 1.3 (one over 1 does not matter for the arithmetic):
        // sorted values x1..x13; commons-math's default quantile at p is x at position p*(n+1):
        // 25% -> position 3.5 -> (0.3 + 0.4) / 2 = 0.35; median -> position 7 -> 0.7; 75% -> 10.5 -> 1.05
        ResultsTable t = table(13);
        List<String> lines = t.render("accuracy").lines().toList();
        assertThat(lines.get(0)).doesNotContain("h01").contains("hospitals").contains("median").contains("weighted");
        assertThat(lines.get(1).split("\\s+")).containsExactly("federated", "13", "0.100", "0.350", "0.700", "1.050",
                "1.300", "0.700", "0.700");
        assertThat(lines.get(2)).contains("results.csv").contains("13 hospitals");
    }

    private static ResultsTable table(int hospitals) {
        List<String> names = new ArrayList<>();
        Map<String, Evaluation> test = new TreeMap<>();
        for (int i = 1; i <= hospitals; i++) {
            String name = String.format("h%02d", i);
            names.add(name);
            test.put(name, new Evaluation(10, Map.of("accuracy", i / 10.0)));
        }
        return new ResultsTable(names, List.of(ResultsTable.row(ResultsTable.FEDERATED, test)));
    }
}
