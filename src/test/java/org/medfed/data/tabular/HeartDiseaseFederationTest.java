package org.medfed.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.concurrency.InOrder;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.HeaderMode;
import org.medfed.testsupport.SharedData;

/** The FLamby Fed-Heart-Disease preparation on the real UCI files. */
class HeartDiseaseFederationTest {

    static final List<String> COLUMNS = List.of("age", "sex", "cp", "trestbps", "chol", "fbs", "restecg", "thalach",
            "exang", "oldpeak", "slope", "ca", "thal", "num");

    static TabularFederation prepare(Normalization normalization) {
        List<TabularFederation.SiteInput> sites = List.of(
                new TabularFederation.SiteInput("0-cleveland", SharedData.data("uci-heart-disease/processed.cleveland.data")),
                new TabularFederation.SiteInput("1-hungary", SharedData.data("uci-heart-disease/processed.hungarian.data")),
                new TabularFederation.SiteInput("2-switzerland", SharedData.data("uci-heart-disease/processed.switzerland.data")),
                new TabularFederation.SiteInput("3-va", SharedData.data("uci-heart-disease/processed.va.data")));
        CsvFormat format = CsvFormat.defaults().withHeader(HeaderMode.NO).withColumnNames(COLUMNS);
        TabularSettings settings = new TabularSettings("num", List.of(), List.of("slope", "ca", "thal"),
                Map.of("cp", ColumnType.CATEGORICAL, "restecg", ColumnType.CATEGORICAL), MissingPolicy.DROP_ROWS, true,
                normalization, LabelRule.NONZERO_POSITIVE, 0.66, 43, true);
        return TabularFederation.prepare(sites, format, settings, InOrder.HERE);
    }

    @Test
    void reproducesFlambysThirteenFeaturesAndPerCentreSplitCounts() {
        TabularFederation f = prepare(Normalization.LOCAL);
        assertThat(f.preprocessing().featureNames()).containsExactly("age", "sex", "cp=2", "cp=3", "cp=4", "trestbps",
                "chol", "fbs", "restecg=1", "restecg=2", "thalach", "exang", "oldpeak");
        assertThat(f.preprocessing().classes()).containsExactly("0", "1");
        // FLamby's published counts: 199/104, 172/89, 30/16, 85/45
        assertThat(f.sites()).extracting(s -> s.train().size()).containsExactly(199, 172, 30, 85);
        assertThat(f.sites()).extracting(s -> s.test().size()).containsExactly(104, 89, 16, 45);
    }

    @Test
    void localNormalisationCentresEachSitesTrainingRows() {
        TabularFederation f = prepare(Normalization.LOCAL);
        for (TabularFederation.PreparedSite s : f.sites()) {
            for (int j = 0; j < 13; j++) {
                double sum = 0;
                double sq = 0;
                for (float[] x : s.train().inputs()) {
                    sum += x[j];
                    sq += x[j] * x[j];
                }
                int n = s.train().size();
                assertThat(sum / n).as(s.name() + " feature " + j).isCloseTo(0, within(1e-5));
                double sd = Math.sqrt((sq - sum * sum / n) / (n - 1));
                // unit sample variance, or a constant (Switzerland's cholesterol is 0 in every row)
                assertThat(sd).as(s.name() + " feature " + j).satisfiesAnyOf(
                        v -> assertThat(v).isCloseTo(1, within(1e-4)), v -> assertThat(v).isCloseTo(0, within(1e-6)));
            }
        }
    }

    @Test
    void pooledStatisticsFromCountsEqualTheStatisticsOfThePooledRows() {
        TabularFederation f = prepare(Normalization.POOLED);
        // pooled training rows standardised with the pooled statistics have mean 0 and sd 1 over all 486 rows
        var pooled = f.pooledTraining();
        assertThat(pooled.size()).isEqualTo(486);
        for (int j = 0; j < 13; j++) {
            double sum = 0;
            double sq = 0;
            for (float[] x : pooled.inputs()) {
                sum += x[j];
                sq += x[j] * x[j];
            }
            assertThat(sum / 486).isCloseTo(0, within(1e-5));
            assertThat(Math.sqrt((sq - sum * sum / 486) / 485)).isCloseTo(1, within(1e-4));
        }
    }
}
