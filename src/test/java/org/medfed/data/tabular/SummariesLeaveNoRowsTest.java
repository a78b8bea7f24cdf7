package org.medfed.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.concurrency.InOrder;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.csv.CsvTable;

/** What leaves a hospital while the preparation is agreed: names, types, counts and sums, never a row's value. */
class SummariesLeaveNoRowsTest {

    private static final String HOSPITAL_A = """
            patient,age,smoker,chol,y
            Alice Smith,61.37,yes,5.13,1
            Bob Jones,72.91,no,6.27,0
            Carol White,55.13,no,4.88,1
            Dan Brown,48.77,yes,?,0
            Eve Green,66.59,no,5.91,1
            Frank Black,59.03,yes,6.44,0
            Gina Gray,70.41,no,5.02,1
            Hank Moss,52.89,no,4.66,0
            """;
    private static final String HOSPITAL_B = """
            patient,age,smoker,chol,y
            Ivy Stone,63.17,no,5.77,1
            Jack Hill,57.43,no,6.01,0
            Kate Lake,69.29,yes,4.93,1
            Liam Ford,50.61,no,5.39,0
            Mia Reed,74.03,no,6.83,1
            Noah Dale,46.97,no,4.71,0
            """;

    @TempDir
    Path dir;

    private final TabularSettings settings = new TabularSettings("y", List.of(), List.of("patient"), Map.of(),
            MissingPolicy.IMPUTE, true, Normalization.POOLED, LabelRule.AS_IS, 0.75, 1, true);

    private CsvTable table(String name, String content) throws IOException {
        Path f = dir.resolve(name + ".csv");
        Files.writeString(f, content);
        return CsvReader.read(f, CsvFormat.defaults());
    }

    private List<RecordingSite> agreeOverRecordedSites(int minimumCount) throws IOException {
        List<RecordingSite> sites = List.of(
                new RecordingSite(new LocalTabularSite("a", table("hospital-a", HOSPITAL_A), settings, minimumCount)),
                new RecordingSite(new LocalTabularSite("b", table("hospital-b", HOSPITAL_B), settings, minimumCount)));
        TabularCoordinator.agree(sites, settings, InOrder.HERE);
        return sites;
    }

    @Test
    void noCellValueEverLeavesOnlyNamesTypesCountsAndSums() throws IOException {
        List<Object> sent = new ArrayList<>();
        agreeOverRecordedSites(LocalTabularSite.REPORT_EVERY_COUNT).forEach(s -> sent.addAll(s.sent()));
        List<String> texts = new ArrayList<>();
        List<Double> numbers = new ArrayList<>();
        sent.forEach(m -> collectLeaves(m, texts, numbers));

        // the only words are the files' and columns' names, the types, the category levels and the classes
        assertThat(new HashSet<>(texts)).isSubsetOf(Set.of("hospital-a.csv", "hospital-b.csv", "patient", "age", "smoker",
                "chol", "y", "numeric", "categorical", "yes", "no", "0", "1"));
        // no number equals one patient's age or cholesterol, as read or as encoded (float)
        for (String content : List.of(HOSPITAL_A, HOSPITAL_B)) {
            for (String line : content.lines().skip(1).toList()) {
                String[] cells = line.split(",");
                for (String cell : List.of(cells[1], cells[3])) {
                    if (!cell.equals("?")) {
                        double value = Double.parseDouble(cell);
                        assertThat(numbers).as(cell).doesNotContain(value, (double) (float) value);
                    }
                }
            }
        }
    }

    @Test
    void aNumericColumnIsSentAsItsCountAndSumOverTheTrainingRows() throws IOException {
        CsvTable a = table("hospital-a", HOSPITAL_A);
        LocalTabularSite site = new LocalTabularSite("a", a, settings);
        TabularCoordinator.agree(List.of(site, new LocalTabularSite("b", table("hospital-b", HOSPITAL_B), settings)),
                settings, InOrder.HERE);
        long count = 0;
        double sum = 0;
        for (int r : site.siteTable().trainRowIndices()) {
            if (a.value(r, 3) != null) {
                count++;
                sum += Double.parseDouble(a.value(r, 3));
            }
        }
        NumericSummary numbers = site.numericSummary();
        assertThat(numbers.counts()).containsEntry("chol", count).containsEntry("age", 6L);
        assertThat(numbers.sums()).containsEntry("chol", sum);
        assertThat(count).isGreaterThan(1);
    }

    @Test
    void theDroppedColumnsAreOnlyNamedAndTheLabelOnlyByItsClasses() throws IOException {
        SchemaSummary schema = new LocalTabularSite("a", table("hospital-a", HOSPITAL_A), settings).schemaSummary();
        assertThat(schema.columns()).containsExactly("patient", "age", "smoker", "chol", "y");
        assertThat(schema.features()).extracting(ColumnSummary::name).containsExactly("age", "smoker", "chol");
        assertThat(schema.feature("age").orElseThrow().firstText()).isNull();
        assertThat(schema.feature("smoker").orElseThrow()).isEqualTo(
                new ColumnSummary("smoker", "categorical", 8, 0, false, "yes", 2, List.of("no", "yes"), false));
        assertThat(schema.feature("chol").orElseThrow()).isEqualTo(
                new ColumnSummary("chol", "numeric", 7, 1, false, null, 0));
        // the class names leave (as the level step sends them anyway), so that codings are compared first
        assertThat(schema.labelValues()).containsExactly("0", "1");
        assertThat(schema.toString()).doesNotContain("Alice");
    }

    @Test
    void aLevelRarerThanTheMinimumCountIsNamedButNotCounted() throws IOException {
        List<RecordingSite> sites = agreeOverRecordedSites(3);
        SummaryOnlySite b = sites.get(1).replay();
        // hospital b has one smoker: the level is named (it needs its one-hot input) but its count stays at b
        assertThat(b.levelSummary().levels().get("smoker")).containsExactly("no", "yes");
        assertThat(b.trainLevelCounts().counts().get("smoker")).containsOnlyKeys("no");
        assertThat(b.trainLevelCounts().minimumCount()).isEqualTo(3);
        TabularAgreement agreed = TabularCoordinator.agree(List.of(sites.get(0).replay(), b), settings, InOrder.HERE);
        assertThat(agreed.preprocessing().featureNames()).contains("smoker=yes");
    }

    @Test
    void everySummaryIsMadeOfPlainJavaTypes() {
        for (Class<?> summary : List.of(SchemaSummary.class, ColumnSummary.class, RowSummary.class, LevelSummary.class,
                SplitSummary.class, NumericSummary.class, TrainLevelCounts.class, Moments.class)) {
            assertThat(PlainMessage.nonPlainTypes(summary)).as(summary.getSimpleName()).isEmpty();
        }
    }

    private static void collectLeaves(Object plain, List<String> texts, List<Double> numbers) {
        if (plain instanceof PlainMessage.Fields fields) {
            fields.values().forEach(v -> collectLeaves(v, texts, numbers));
        } else if (plain instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                texts.add((String) k);
                collectLeaves(v, texts, numbers);
            });
        } else if (plain instanceof List<?> list) {
            list.forEach(v -> collectLeaves(v, texts, numbers));
        } else if (plain instanceof String s) {
            texts.add(s);
        } else if (plain instanceof Number n) {
            numbers.add(n.doubleValue());
        } else if (plain instanceof double[] values) {
            for (double v : values) {
                numbers.add(v);
            }
        }
    }
}
