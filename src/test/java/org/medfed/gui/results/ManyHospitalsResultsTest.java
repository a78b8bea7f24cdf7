package org.medfed.gui.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.metrics.McNemar;
import org.medfed.study.ResultStatistics;

/** The comparison with each hospital alone, told as counts once there are too many hospitals for a sentence each. */
class ManyHospitalsResultsTest {

    private static ResultStatistics.Comparison at(String hospital, McNemar.Verdict verdict) {
        return new ResultStatistics.Comparison(hospital, 20, 0.8, 0.7, 3, 1, 0.6, verdict);
    }

    @Test
    void aDozenHospitalsHaveASentenceEach() {
        List<ResultStatistics.Comparison> all = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            all.add(at("h" + i, McNemar.Verdict.NO_DETECTABLE_DIFFERENCE));
        }
        assertThat(ResultsViewModel.comparisonSentences(all)).hasSize(12).first().asString().startsWith("At h0 (20 test patients)");
    }

    @Test
    void thirteenAreCountedAndOnlyTheWorseOnesToldInFull() {
        List<ResultStatistics.Comparison> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(at("same" + i, McNemar.Verdict.NO_DETECTABLE_DIFFERENCE));
        }
        all.add(at("better", McNemar.Verdict.BETTER));
        all.add(at("worse1", McNemar.Verdict.WORSE));
        all.add(at("worse2", McNemar.Verdict.WORSE));
        List<String> told = ResultsViewModel.comparisonSentences(all);
        assertThat(told).hasSize(3);
        assertThat(told.get(0)).startsWith("Of 13 hospitals, the federated model beats the hospital alone at 1, loses "
                + "to it at 2 and makes no detectable difference at 10");
        assertThat(told.get(1)).startsWith("At worse1 ");
        assertThat(told.get(2)).startsWith("At worse2 ");
    }
}
