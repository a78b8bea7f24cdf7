package org.medfed.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medfed.concurrency.InOrder;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvReader;

/** The coordinator's side agrees on the preprocessing from summary records alone. */
class TabularCoordinatorTest {

    static final List<String> HOSPITALS = List.of("city-general", "rural-clinic", "heart-centre", "mountain-hospital");

    static TabularSettings sampleSettings(Normalization normalization, MissingPolicy missing) {
        return new TabularSettings("disease", List.of(), List.of(), Map.of("diabetes", ColumnType.CATEGORICAL), missing,
                true, normalization, LabelRule.AS_IS, 0.75, 7, true);
    }

    static Path sampleFile(String hospital) {
        return Path.of("sample-projects/heart-4-hospitals/data/" + hospital + ".csv");
    }

    static List<Arguments> settingsToTry() {
        List<Arguments> out = new ArrayList<>();
        for (Normalization n : Normalization.values()) {
            for (MissingPolicy m : MissingPolicy.values()) {
                out.add(Arguments.of(n, m));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("settingsToTry")
    void sitesThatOnlyReplaySummariesGiveTheSamePreprocessingAsTheTables(Normalization n, MissingPolicy m) {
        TabularSettings settings = sampleSettings(n, m);
        List<TabularFederation.SiteInput> inputs = HOSPITALS.stream()
                .map(h -> new TabularFederation.SiteInput(h, sampleFile(h))).toList();
        TabularFederation local = TabularFederation.prepare(inputs, CsvFormat.defaults(), settings, InOrder.HERE);

        // each real site's answers go through their plain key/value form and are kept ...
        List<RecordingSite> recorded = HOSPITALS.stream().map(h -> new RecordingSite(
                new LocalTabularSite(h, CsvReader.read(sampleFile(h), CsvFormat.defaults()), settings))).toList();
        TabularCoordinator.agree(recorded, settings, InOrder.HERE);
        // ... and sites made of nothing but those answers (no table, no rows) are enough for the coordinator
        List<TabularSite> summariesOnly = recorded.stream().map(r -> (TabularSite) r.replay()).toList();
        TabularAgreement agreed = TabularCoordinator.agree(summariesOnly, settings, InOrder.HERE);

        assertSamePreprocessing(agreed.preprocessing(), local.preprocessing());
        assertThat(agreed.schema()).isEqualTo(local.schema());
        for (TabularFederation.PreparedSite s : local.sites()) {
            assertThat(agreed.rows().get(s.name()).usableRows()).isEqualTo(s.table().usableRows());
            assertThat(agreed.splits().get(s.name())).isEqualTo(new SplitSummary(s.train().size(), s.test().size()));
        }
    }

    @Test
    void aSiteWrittenByHandFromSummariesIsEnoughAndAnUnreportedCountCountsAsZero() {
        TabularSettings settings = new TabularSettings("y", List.of(), List.of(), Map.of(), MissingPolicy.IMPUTE, true,
                Normalization.POOLED, LabelRule.AS_IS, 0.75, 1, true);
        // hospital a does not report its 2 smokers (its minimum count is 3), so 'no' (5 + 0) beats 'yes' (0 + 4)
        SummaryOnlySite a = handWritten("a", 8, 45.0 * 6, 6, Map.of("no", 5), 3,
                new Moments(6, new double[] {270, 2}, new double[] {12_300, 2}));
        SummaryOnlySite b = handWritten("b", 6, 60.0 * 4, 4, Map.of("yes", 4), 1,
                new Moments(4, new double[] {240, 4}, new double[] {14_500, 4}));

        TabularAgreement agreed = TabularCoordinator.agree(List.of(a, b), settings, InOrder.HERE);

        FittedPreprocessing p = agreed.preprocessing();
        assertThat(p.featureNames()).containsExactly("age", "smoker=yes");
        assertThat(p.features().get(0).imputeNumber()).isEqualTo(510.0 / 10);
        assertThat(p.features().get(1).levels()).containsExactly("no", "yes");
        assertThat(p.features().get(1).imputeLevel()).isEqualTo("no");
        assertThat(p.classes()).containsExactly("0", "1");
        assertThat(p.pooled().count()).isEqualTo(10);
        assertThat(p.pooled().mean()).containsExactly(51.0, 0.6);
    }

    private static SummaryOnlySite handWritten(String name, int rows, double ageSum, long ageCount,
                                               Map<String, Integer> smokerCounts, int minimumCount, Moments moments) {
        SchemaSummary schema = new SchemaSummary(name + ".csv", List.of("age", "smoker", "y"), List.of(
                new ColumnSummary("age", "numeric", rows, 0, false, null, 0),
                new ColumnSummary("smoker", "categorical", rows, 0, false, "no", 2)));
        return new SummaryOnlySite(new SummaryOnlySite.Answers(name, schema, null, new RowSummary(rows, 0, 0),
                new LevelSummary(Map.of("smoker", List.of("no", "yes")), List.of("0", "1")), null,
                new SplitSummary((int) ageCount, rows - (int) ageCount), new NumericSummary(Map.of("age", ageCount),
                Map.of("age", ageSum)), new TrainLevelCounts(Map.of("smoker", smokerCounts), minimumCount), null, moments));
    }

    /** Equal in every value, bit for bit (records compare arrays by reference, so the statistics by hand). */
    static void assertSamePreprocessing(FittedPreprocessing actual, FittedPreprocessing expected) {
        assertThat(actual.features()).isEqualTo(expected.features());
        assertThat(actual.classes()).isEqualTo(expected.classes());
        assertThat(List.of(actual.label(), actual.labelRule(), actual.missing(), actual.normalization()))
                .isEqualTo(List.of(expected.label(), expected.labelRule(), expected.missing(), expected.normalization()));
        assertSameStandardization(actual.pooled(), expected.pooled());
        assertThat(actual.perParticipant().keySet()).isEqualTo(expected.perParticipant().keySet());
        expected.perParticipant().forEach((site, z) -> assertSameStandardization(actual.perParticipant().get(site), z));
    }

    private static void assertSameStandardization(Standardization actual, Standardization expected) {
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(Arrays.equals(actual.mean(), expected.mean())).as("means").isTrue();
        assertThat(Arrays.equals(actual.std(), expected.std())).as("standard deviations").isTrue();
    }
}
