package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.metrics.Estimate;
import org.medfed.metrics.McNemar;
import org.medfed.metrics.Proportion;

/** The warnings in words beside the results, on figures made by hand (the trial of issue 13: 0.586 against 0.635-0.655). */
class ResultWarningsTest {

    private static ResultStatistics.Figures acc(int correct, int n) {
        return new ResultStatistics.Figures(n, new Proportion(correct, n).wilson(), Estimate.NONE, Estimate.NONE, Estimate.NONE);
    }

    private static ResultStatistics stats(ResultStatistics.Figures fedAtA, ResultStatistics.Figures aloneAtA,
                                          List<ResultStatistics.Comparison> comparisons) {
        Map<String, Map<String, ResultStatistics.Figures>> f = new LinkedHashMap<>();
        f.put(ResultsTable.FEDERATED, Map.of("a", fedAtA, TestPredictions.ALL, acc(41, 70)));
        f.put(BaselineResult.local("a"), Map.of("a", aloneAtA));
        f.put(BaselineResult.POOLED, Map.of(TestPredictions.ALL, acc(46, 70)));
        return new ResultStatistics(List.of("a"), f, comparisons, List.of(), "");
    }

    @Test
    void federatedWorseThanAHospitalAloneIsSaidWithWhatThePairedTestFound() {
        var worse = new ResultStatistics.Comparison("a", 23, 10 / 23.0, 17 / 23.0, 0, 7, McNemar.pValue(0, 7),
                McNemar.verdict(0, 7));
        List<String> w = ResultStatistics.warnings(Map.of(), stats(acc(10, 23), acc(17, 23), List.of(worse)));
        assertThat(w).singleElement().asString().startsWith("At a the federated model is worse than a's own model: "
                + "accuracy 0.435 against 0.739 on 23 test patients").contains("finds this difference real (McNemar p = 0.016)");

        var chance = new ResultStatistics.Comparison("a", 23, 15 / 23.0, 16 / 23.0, 2, 3, McNemar.pValue(2, 3),
                McNemar.verdict(2, 3));
        assertThat(ResultStatistics.warnings(Map.of(), stats(acc(15, 23), acc(16, 23), List.of(chance))))
                .singleElement().asString().startsWith("At a the federated model scored lower than a's own model: "
                        + "accuracy 0.652 against 0.696").contains("cannot tell this from chance (McNemar p = 1.0)");
        // federated as good or better: no warning
        assertThat(ResultStatistics.warnings(Map.of(), stats(acc(16, 23), acc(16, 23), List.of()))).isEmpty();
    }

    /** The UCI centres' severity model: three hospitals lower by chance are one warning, not three. */
    @Test
    void hospitalsLowerByChanceShareOneWarningAndARealDifferenceKeepsItsOwn() {
        Map<String, Map<String, ResultStatistics.Figures>> f = new LinkedHashMap<>();
        f.put(ResultsTable.FEDERATED, Map.of("a", acc(50, 59), "b", acc(4, 25), "c", acc(13, 40), "d", acc(10, 23)));
        for (var e : Map.of("a", acc(52, 59), "b", acc(7, 25), "c", acc(15, 40), "d", acc(17, 23)).entrySet()) {
            f.put(BaselineResult.local(e.getKey()), Map.of(e.getKey(), e.getValue()));
        }
        List<ResultStatistics.Comparison> comparisons = List.of(
                new ResultStatistics.Comparison("a", 59, 50 / 59.0, 52 / 59.0, 1, 3, McNemar.pValue(1, 3), McNemar.verdict(1, 3)),
                new ResultStatistics.Comparison("b", 25, 4 / 25.0, 7 / 25.0, 3, 6, McNemar.pValue(3, 6), McNemar.verdict(3, 6)),
                new ResultStatistics.Comparison("c", 40, 13 / 40.0, 15 / 40.0, 4, 6, McNemar.pValue(4, 6), McNemar.verdict(4, 6)),
                new ResultStatistics.Comparison("d", 23, 10 / 23.0, 17 / 23.0, 0, 7, McNemar.pValue(0, 7), McNemar.verdict(0, 7)));
        ResultStatistics stats = new ResultStatistics(List.of("a", "b", "c", "d"), f, comparisons, List.of(), "");
        assertThat(ResultStatistics.warnings(Map.of(), stats)).containsExactly(
                "At d the federated model is worse than d's own model: accuracy 0.435 against 0.739 on 23 test patients; "
                        + "the paired test finds this difference real (McNemar p = 0.016).",
                "At a, b and c the federated model scored lower than each hospital's own model: accuracy 0.847 against "
                        + "0.881 on 59 test patients, 0.160 against 0.280 on 25 test patients, 0.325 against 0.375 on 40 "
                        + "test patients; the paired test cannot tell any of these from chance (McNemar p = 0.63, 0.51, 0.75).");
    }

    /** Past a dozen, the hospitals lower by chance are counted and the first three named: not a screen of names. */
    @Test
    void manyHospitalsLowerByChanceAreCounted() {
        Map<String, Map<String, ResultStatistics.Figures>> f = new LinkedHashMap<>();
        Map<String, ResultStatistics.Figures> federated = new LinkedHashMap<>();
        List<ResultStatistics.Comparison> comparisons = new java.util.ArrayList<>();
        List<String> hospitals = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String h = String.format("h%02d", i);
            hospitals.add(h);
            // 13 of the 20 one patient lower, the other 7 level
            int fed = i <= 13 ? 6 : 7;
            federated.put(h, acc(fed, 10));
            f.put(BaselineResult.local(h), Map.of(h, acc(7, 10)));
            comparisons.add(new ResultStatistics.Comparison(h, 10, fed / 10.0, 0.7, 0, 7 - fed, McNemar.pValue(0, 7 - fed),
                    McNemar.verdict(0, 7 - fed)));
        }
        f.put(ResultsTable.FEDERATED, federated);
        ResultStatistics stats = new ResultStatistics(hospitals, f, comparisons, List.of(), "");
        assertThat(ResultStatistics.warnings(Map.of(), stats)).containsExactly("At 13 of the 20 hospitals the federated "
                + "model scored lower than the hospital's own model (accuracy at h01 0.600 against 0.700 on 10 test "
                + "patients, h02 0.600 against 0.700 on 10 test patients, h03 0.600 against 0.700 on 10 test patients, "
                + "...); the paired test cannot tell any of these from chance (McNemar p of 0.05 or more at each).");
    }

    /** A multi-site run: no paired test; hospitals where federated scored lower share one warning that says so. */
    @Test
    void hospitalsLowerWithoutAPairedTestShareOneWarning() {
        Map<String, Map<String, ResultStatistics.Figures>> f = new LinkedHashMap<>();
        f.put(ResultsTable.FEDERATED, Map.of("rural", acc(21, 38), "mountain", acc(16, 23), "city", acc(65, 100)));
        f.put(BaselineResult.local("rural"), Map.of("rural", acc(24, 38)));
        f.put(BaselineResult.local("mountain"), Map.of("mountain", acc(17, 23)));
        f.put(BaselineResult.local("city"), Map.of("city", acc(65, 100)));
        ResultStatistics twoLower = new ResultStatistics(List.of("city", "rural", "mountain"), f, List.of(), List.of(), "");
        assertThat(ResultStatistics.warnings(Map.of(), twoLower)).containsExactly("At rural and mountain the federated "
                + "model scored lower than each hospital's own model: accuracy 0.553 against 0.632 on 38 test patients, "
                + "0.696 against 0.739 on 23 test patients; no paired test is possible without the patients' predictions.");

        f.put(BaselineResult.local("mountain"), Map.of("mountain", acc(16, 23)));
        ResultStatistics oneLower = new ResultStatistics(List.of("city", "rural", "mountain"), f, List.of(), List.of(), "");
        assertThat(ResultStatistics.warnings(Map.of(), oneLower)).containsExactly("At rural the federated model scored "
                + "lower than rural's own model: accuracy 0.553 against 0.632 on 38 test patients; no paired test is "
                + "possible without the patients' predictions.");
    }

    @Test
    void protectionsCostingMoreThanFivePointsAgainstPooledAreFlagged() {
        Map<String, Object> dp = Map.of("differentialPrivacy", Map.of("noiseMultiplier", 1.1, "clipNorm", 1.0));
        // 41/70 = 0.586 federated with DP against 46/70 = 0.657 pooled: 7.1 points
        List<String> w = ResultStatistics.warnings(dp, stats(acc(16, 23), acc(16, 23), List.of()));
        assertThat(w).singleElement().asString().startsWith("With DP-FedAvg (noise 1.1, clip 1), the federated "
                + "model's accuracy over all test patients (0.586) is 7.1 points below the pooled model");
        // the same gap without protections is federation's own cost, not the protections'
        assertThat(ResultStatistics.warnings(Map.of(), stats(acc(16, 23), acc(16, 23), List.of()))).isEmpty();
    }

    @Test
    void comparisonInWords() {
        var c = new ResultStatistics.Comparison("rural", 23, 20 / 23.0, 17 / 23.0, 3, 0, McNemar.pValue(3, 0),
                McNemar.verdict(3, 0));
        assertThat(c.sentence()).isEqualTo("At rural (23 test patients) the federated model is not detectably different "
                + "from rural alone: accuracy 0.870 against 0.739; 3 patients right only with federated, 0 only with "
                + "rural alone (exact McNemar p = 0.25).");
        var one = new ResultStatistics.Comparison("rural", 23, 18 / 23.0, 17 / 23.0, 1, 0, McNemar.pValue(1, 0),
                McNemar.verdict(1, 0));
        assertThat(one.sentence()).contains("; 1 patient right only with federated, 0 only with rural alone");
    }
}
