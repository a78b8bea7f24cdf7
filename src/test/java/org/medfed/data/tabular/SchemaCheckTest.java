package org.medfed.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.concurrency.InOrder;
import org.medfed.data.csv.CsvFormat;

class SchemaCheckTest {

    @TempDir
    Path dir;

    private TabularFederation.SiteInput site(String name, String content) throws IOException {
        Path f = dir.resolve(name + ".csv");
        Files.writeString(f, content);
        return new TabularFederation.SiteInput(name, f);
    }

    @Test
    void aColumnMissingAtOneHospitalIsReportedByHospitalAndColumn() throws IOException {
        var a = site("hospital-a", "age,chol,y\n50,200,1\n60,210,0\n");
        var b = site("hospital-b", "age,y\n55,1\n65,0\n");
        SchemaReport r = TabularFederation.checkSchema(List.of(a, b), CsvFormat.defaults(), TabularSettings.defaults("y"),
                InOrder.HERE);
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.participant()).isEqualTo("hospital-b");
            assertThat(p.column()).isEqualTo("chol");
            assertThat(p.message()).isEqualTo("column 'chol' is missing from hospital-b.csv (hospital-a has it)");
        });
    }

    @Test
    void aMissingColumnNamesTheHospitalsThatHaveIt() throws IOException {
        var a = site("hospital-a", "age,chol,y\n50,200,1\n60,210,0\n");
        var b = site("hospital-b", "age,y\n55,1\n65,0\n");
        var c = site("hospital-c", "age,chol,y\n52,190,1\n61,220,0\n");
        SchemaReport r = TabularFederation.checkSchema(List.of(a, b, c), CsvFormat.defaults(), TabularSettings.defaults("y"),
                InOrder.HERE);
        assertThat(r.errors()).singleElement().extracting(SchemaProblem::message)
                .isEqualTo("column 'chol' is missing from hospital-b.csv (hospital-a and hospital-c have it)");
    }

    @Test
    void aColumnOfNumbersHereAndWordsThereIsAConflict() throws IOException {
        var a = site("hospital-a", "smoker,y\n0,1\n1,0\n");
        var b = site("hospital-b", "smoker,y\nno,1\nyes,0\n");
        SchemaReport r = TabularFederation.checkSchema(List.of(a, b), CsvFormat.defaults(), TabularSettings.defaults("y"),
                InOrder.HERE);
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.participant()).isEqualTo("hospital-b");
            assertThat(p.message()).contains("holds numbers at hospital-a but text at hospital-b (hospital-b.csv line 2: 'no')");
        });
        assertThatThrownBy(() -> TabularFederation.prepare(List.of(a, b), CsvFormat.defaults(), TabularSettings.defaults("y"),
                InOrder.HERE))
                .hasMessageStartingWith("the hospitals' tables do not match:\n  hospital-b, column 'smoker':");
    }

    @Test
    void categoriesAreAgreedAcrossHospitalsWithoutSharingRows() throws IOException {
        // hospital-a never sees 'asymptomatic', hospital-b never sees 'typical': both get all three columns
        var a = site("hospital-a", "pain,y\ntypical,1\natypical,0\ntypical,0\natypical,1\ntypical,1\n");
        var b = site("hospital-b", "pain,y\nasymptomatic,1\natypical,0\nasymptomatic,0\natypical,1\nasymptomatic,1\n");
        TabularSettings s = new TabularSettings("y", List.of(), List.of(), java.util.Map.of(), MissingPolicy.DROP_ROWS,
                false, Normalization.NONE, LabelRule.AS_IS, 0.6, 1, false);
        TabularFederation f = TabularFederation.prepare(List.of(a, b), CsvFormat.defaults(), s, InOrder.HERE);
        assertThat(f.preprocessing().featureNames()).containsExactly("pain=asymptomatic", "pain=atypical", "pain=typical");
        assertThat(f.sites().get(0).train().inputLength()).isEqualTo(3);
    }

    @Test
    void imputationUsesThePooledMeanFromCountsAndSums() throws IOException {
        // training rows only: with train fraction 0.99 on 4 rows, 3 train rows per site
        var a = site("hospital-a", "x,y\n1,0\n3,1\n?,0\n5,1\n");
        var b = site("hospital-b", "x,y\n10,0\n20,1\n30,0\n40,1\n");
        TabularSettings s = new TabularSettings("y", List.of(), List.of(), java.util.Map.of(), MissingPolicy.IMPUTE,
                true, Normalization.NONE, LabelRule.AS_IS, 0.75, 1, false);
        TabularFederation f = TabularFederation.prepare(List.of(a, b), CsvFormat.defaults(), s, InOrder.HERE);
        FeatureColumn x = f.preprocessing().features().get(0);
        // the fill value is the mean of the present training values of both hospitals, whatever rows the split chose
        var trainA = f.sites().get(0).table();
        double sum = 0;
        int n = 0;
        for (var site : f.sites()) {
            for (int r : site.table().trainRowIndices()) {
                String v = site.table().table().value(r, 0);
                if (v != null) {
                    sum += Double.parseDouble(v);
                    n++;
                }
            }
        }
        assertThat(x.imputeNumber()).isEqualTo(sum / n);
        assertThat(trainA.usableRows()).isEqualTo(4);
    }
}
