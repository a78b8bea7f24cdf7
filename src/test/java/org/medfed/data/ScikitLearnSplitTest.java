package org.medfed.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.medfed.benchmark.HeartDiseaseData;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.tabular.Normalization;
import org.medfed.data.tabular.SiteTable;
import org.medfed.data.tabular.TabularFederation;
import org.medfed.testsupport.SharedData;

class ScikitLearnSplitTest {

    @Test
    void drawsAsNumpysLegacyRandomState() {
        // numpy: np.random.RandomState(42).permutation(10)
        assertThat(new ScikitLearnSplit.NumpyLegacyDraws(42).permutation(10)).containsExactly(8, 1, 5, 0, 7, 2, 9, 4,
                3, 6);
    }

    @Test
    void approximateModeGivesTheFlooredSharesAndTheLargestRemainder() {
        // 10 draws over counts 7 and 3 (of 10): exactly 7 and 3, nothing left to add and nothing drawn
        assertThat(ScikitLearnSplit.approximateMode(new long[] {7, 3}, 10,
                new ScikitLearnSplit.NumpyLegacyDraws(1))).containsExactly(7, 3);
        // 5 draws over 6 and 3: 3.33 and 1.67 floor to 3 and 1; the larger remainder (0.67) gets the fifth
        assertThat(ScikitLearnSplit.approximateMode(new long[] {6, 3}, 5,
                new ScikitLearnSplit.NumpyLegacyDraws(1))).containsExactly(3, 2);
    }

    @Test
    void stratifiedSplitKeepsTheCountsOfTrainTestSplit() {
        int[] y = IntStream.range(0, 303).map(i -> i % 7 < 3 ? 1 : 0).toArray();
        TrainTestSplit s = ScikitLearnSplit.INSTANCE.split(y, 2, 0.66, 43, true);
        assertThat(s.train()).hasSize(199);
        assertThat(s.test()).hasSize(104);
        TreeSet<Integer> all = new TreeSet<>();
        Arrays.stream(s.train()).forEach(all::add);
        Arrays.stream(s.test()).forEach(all::add);
        assertThat(all).hasSize(303);
    }

    /** FLamby's stored split (scikit-learn 1.2.1, random_state 43), patient by patient, for all four centres. */
    @Test
    void reproducesFlambysFedHeartDiseaseSplitRowForRow() throws IOException {
        Path data = SharedData.data("uci-heart-disease");
        Path stored = SharedData.benchmark("flamby/heart_disease/flamby_split_rs43.csv");
        Map<String, TreeMap<Integer, String>> expected = new TreeMap<>();
        List<String> lines = Files.readAllLines(stored);
        assertThat(lines.get(0)).isEqualTo("centre,row_after_dropping_incomplete,line_in_processed_file,set");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            expected.computeIfAbsent(f[0], k -> new TreeMap<>()).put(Integer.parseInt(f[2]), f[3]);
        }

        TabularFederation federation = HeartDiseaseData.prepare(data, Normalization.LOCAL);
        List<String> centres = List.of("cleveland", "hungarian", "switzerland", "va");
        int checked = 0;
        for (int c = 0; c < centres.size(); c++) {
            SiteTable table = federation.sites().get(c).table();
            TreeMap<Integer, String> ours = new TreeMap<>();
            CsvTable csv = table.table();
            Arrays.stream(table.trainRowIndices()).forEach(r -> ours.put(lineOf(csv, r), "train"));
            Arrays.stream(table.testRowIndices()).forEach(r -> ours.put(lineOf(csv, r), "test"));
            assertThat(ours).as(centres.get(c)).isEqualTo(expected.get(centres.get(c)));
            checked += ours.size();
        }
        assertThat(checked).isEqualTo(740);
    }

    private static int lineOf(CsvTable csv, int row) {
        return Integer.parseInt(csv.line(row).substring("line ".length()));
    }
}
