package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.medfed.engine.Evaluation;
import org.medfed.metrics.Estimate;

/** The terminal's results table: a column per hospital for a few, their spread for many. */
class ResultsTableRenderTest {

    @Test
    void aFewHospitalsGetAColumnEach() {
        ResultsTable t = table(3);
        String text = t.render("accuracy", null);
        assertThat(text.lines().findFirst().orElseThrow()).contains("h01").contains("h02").contains("h03")
                .contains("mean").contains("all patients");
        // h01 0.100, h02 0.200, h03 0.300; 10 test rows each
        assertThat(text).contains("0.100").contains("0.300").contains("0.200");
    }

    @Test
    void manyHospitalsGetTheirSpreadWithQuartilesByHand() {
        // 13 hospitals with accuracy 0.1, 0.2, ..., 1.3 (one over 1 does not matter for the arithmetic):
        // sorted values x1..x13; commons-math's default quantile at p is x at position p*(n+1):
        // 25% -> position 3.5 -> (0.3 + 0.4) / 2 = 0.35; median -> position 7 -> 0.7; 75% -> 10.5 -> 1.05
        ResultsTable t = table(13);
        List<String> lines = t.render("accuracy", null).lines().toList();
        assertThat(lines.get(0)).doesNotContain("h01").contains("hospitals").contains("median").contains("all patients");
        assertThat(lines.get(1).split("\\s+")).containsExactly("federated", "13", "0.100", "0.350", "0.700", "1.050",
                "1.300", "0.700", "0.700");
        assertThat(lines.get(2)).contains("results.csv").contains("13 hospitals");
    }

    @Test
    void theLastColumnIsTheFigureOverAllTestPatientsAsResultsCsvAndTheResultsScreenGiveIt() {
        // two hospitals of 10 test patients with AUC 0.6 and 0.8: their weighted mean is 0.700, but the AUC over the
        // 20 patients together is whatever ranking them together gives, here 0.655 (results.csv's participant "all")
        Map<String, Evaluation> test = new TreeMap<>();
        test.put("h01", new Evaluation(10, Map.of("accuracy", 0.5, "auc", 0.6)));
        test.put("h02", new Evaluation(10, Map.of("accuracy", 0.7, "auc", 0.8)));
        ResultsTable t = new ResultsTable(List.of("h01", "h02"), List.of(ResultsTable.row(ResultsTable.FEDERATED, test)));
        var all = new ResultStatistics.Figures(20, Estimate.pointOnly(0.6), Estimate.NONE, Estimate.NONE,
                Estimate.pointOnly(0.655));
        var stats = new ResultStatistics(List.of("h01", "h02"),
                Map.of(ResultsTable.FEDERATED, Map.of(TestPredictions.ALL, all)), List.of(), List.of(), "");

        assertThat(t.render("auc", stats).lines().toList().get(1).split("\\s+"))
                .containsExactly("federated", "0.600", "0.800", "0.700", "0.655");
        assertThat(t.render("accuracy", stats).lines().toList().get(1).split("\\s+"))
                .containsExactly("federated", "0.500", "0.700", "0.600", "0.600");
        // without predictions (a multi-site run), the mean weighted by test size: the same figure for accuracy, and
        // for an AUC starred with a footnote that says what it is
        List<String> auc = t.render("auc", null).lines().toList();
        assertThat(auc.get(1)).endsWith(" 0.700*");
        assertThat(auc.get(2)).startsWith("* the hospitals' AUC weighted by test size: the AUC over all test patients together");
        assertThat(t.render("accuracy", null)).doesNotContain("*").endsWith(" 0.600\n");
    }

    @Test
    void aMeanThatLeavesOutAHospitalWithoutAFigureSaysSo() {
        Map<String, Evaluation> test = new TreeMap<>();
        test.put("h01", new Evaluation(10, Map.of("accuracy", 0.5)));
        test.put("h02", new Evaluation(10, Map.of("accuracy", 0.7)));
        ResultsTable t = new ResultsTable(List.of("h01", "h02", "h03"),
                List.of(ResultsTable.row(ResultsTable.FEDERATED, test)));
        List<String> lines = t.render("accuracy", null).lines().toList();
        assertThat(lines.get(1).split("\\s+")).containsExactly("federated", "0.500", "0.700", "-", "0.600", "0.600");
        assertThat(lines.get(2)).isEqualTo("the mean of federated covers 2 of 3 hospitals: h03 has no figure (dropped "
                + "out, or the evaluation failed)");
        assertThat(table(3).render("accuracy", null)).doesNotContain("covers");
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
