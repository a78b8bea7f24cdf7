package org.medfed.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HospitalSplitterTest {

    @Test
    void iidDealsRowsEvenlyAndEachOnce() {
        Map<String, int[]> parts = HospitalSplitter.iid(10, 3, 1);
        assertThat(parts.values()).extracting(a -> a.length).containsExactly(4, 3, 3);
        assertThat(parts.values().stream().flatMapToInt(java.util.Arrays::stream).sorted().toArray())
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void smallAlphaMakesHospitalsMoreUnevenThanLargeAlpha() {
        Map<String, List<Integer>> byClass = Map.of("0", range(0, 500), "1", range(500, 1000));
        double small = imbalance(HospitalSplitter.dirichlet(byClass, 4, 0.1, 3), 500);
        double large = imbalance(HospitalSplitter.dirichlet(byClass, 4, 100, 3), 500);
        // with alpha 100 every hospital gets close to half of each class; with 0.1 they are far apart
        assertThat(large).isLessThan(0.1);
        assertThat(small).isGreaterThan(0.25);
    }

    @Test
    void rulesParseAndRefuseNonsense() {
        assertThat(SplitRule.parse("dirichlet:0.5").alpha()).isEqualTo(0.5);
        assertThat(SplitRule.parse("column:site").column()).isEqualTo("site");
        assertThatThrownBy(() -> SplitRule.parse("dirichlet:-1")).hasMessageContaining("alpha must be a positive number");
        assertThatThrownBy(() -> SplitRule.parse("random")).hasMessageContaining("expected iid, dirichlet:ALPHA");
    }

    @Test
    void aLabelThatIsNoColumnIsRefusedWhateverTheRule(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("in.csv");
        java.nio.file.Files.writeString(file, "age,disease\n50,1\n60,0\n70,1\n80,0\n");
        org.medfed.data.csv.CsvTable table = org.medfed.data.csv.CsvReader.read(file,
                org.medfed.data.csv.CsvFormat.defaults());
        for (String rule : List.of("iid", "dirichlet:0.5")) {
            assertThatThrownBy(() -> HospitalSplitter.split(table, 2, SplitRule.parse(rule), "diseas", 1))
                    .hasMessage("in.csv: has no column 'diseas'; its columns are age, disease");
        }
        assertThat(HospitalSplitter.split(table, 2, SplitRule.parse("iid"), "disease", 1)).hasSize(2);
    }

    /** Mean absolute difference between each hospital's share of class 1 and one half. */
    private static double imbalance(Map<String, int[]> parts, int firstOfClass1) {
        double sum = 0;
        for (int[] rows : parts.values()) {
            long ones = java.util.Arrays.stream(rows).filter(r -> r >= firstOfClass1).count();
            sum += Math.abs((double) ones / rows.length - 0.5);
        }
        return sum / parts.size();
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(i);
        }
        return out;
    }
}
