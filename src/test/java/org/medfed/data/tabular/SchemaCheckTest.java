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
    void aTypeGivenToAColumnNoHospitalHasIsAWarning() throws IOException {
        var a = site("hospital-a", "age,diabetes,y\n50,1,1\n60,0,0\n");
        var b = site("hospital-b", "age,diabetes,y\n55,0,1\n65,1,0\n");
        TabularSettings misspelt = new TabularSettings("y", List.of(), List.of(),
                java.util.Map.of("diabets", org.medfed.data.csv.ColumnType.CATEGORICAL), MissingPolicy.DROP_ROWS, true,
                Normalization.POOLED, LabelRule.AS_IS, 0.8, 42, true);
        SchemaReport r = TabularFederation.checkSchema(List.of(a, b), CsvFormat.defaults(), misspelt, InOrder.HERE);
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).singleElement().extracting(SchemaProblem::message)
                .isEqualTo("column 'diabets' is given the type categorical but no hospital has it");
    }

    @Test
    void aLabelUnderAnotherNameAtOneHospitalIsToldOnceWithTheLikelyName() throws IOException {
        var a = site("hospital-a", "age,disease\n50,1\n60,0\n");
        var b = site("hospital-b", "age,diseased\n55,1\n65,0\n");
        var c = site("hospital-c", "age,disease\n52,1\n61,0\n");
        SchemaReport r = TabularFederation.checkSchema(List.of(a, b, c), CsvFormat.defaults(),
                TabularSettings.defaults("disease"), InOrder.HERE);
        // not also "column 'diseased' is missing" at the two hospitals that have the label
        assertThat(r.errors()).singleElement().extracting(SchemaProblem::message)
                .isEqualTo("the label column 'disease' is missing from hospital-b.csv; its columns are age, diseased "
                        + "('diseased' is in no other hospital's file: the label under another name?)");
    }

    @Test
    void aHospitalWithOneOutcomeOnlyIsWarnedOf() throws IOException {
        var a = site("hospital-a", "age,y\n50,1\n60,0\n");
        var b = site("hospital-b", "age,y\n55,1\n65,1\n");
        var c = site("hospital-c", "age,y\n52,0\n61,1\n");
        SchemaReport r = TabularFederation.checkSchema(List.of(a, b, c), CsvFormat.defaults(),
                TabularSettings.defaults("y"), InOrder.HERE);
        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).singleElement().satisfies(p -> {
            assertThat(p.participant()).isEqualTo("hospital-b");
            assertThat(p.message()).isEqualTo("every row has the outcome 'y' = 1: this hospital's test figures will "
                    + "have no AUC, and its training sees one class only");
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
    void numbersWithADecimalCommaReadAsTextAreToldOnceWithTheOptionThatReadsThem() throws IOException {
        var a = site("hospital-a", "age,oldpeak,sex,y\n63,2.3,1,1\n67,1.5,0,0\n41,0.5,1,0\n");
        // a European export read with ';' but without its decimal comma: age and oldpeak are text there
        Path f = dir.resolve("hospital-b.csv");
        Files.writeString(f, "age;oldpeak;sex;y\n63,0;2,3;1;1\n56,0;0,8;0;0\n57,0;?;1;1\n");
        var b = new TabularFederation.SiteInput("hospital-b", f, CsvFormat.defaults().withSeparator(';'), null);
        SchemaReport r = TabularFederation.checkSchema(List.of(a, b), CsvFormat.defaults(), TabularSettings.defaults("y"),
                InOrder.HERE);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(SchemaProblem.Severity.ERROR);
            assertThat(p.kind()).isEqualTo(SchemaProblem.Kind.DECIMAL_COMMA);
            assertThat(p.participant()).isEqualTo("hospital-b");
            assertThat(p.column()).isEqualTo("age");
            assertThat(p.message()).isEqualTo("hospital-b.csv line 2: column 'age' is '63,0', a number written with a "
                    + "decimal comma, and so is column 'oldpeak'; set 'Numbers use a decimal comma' in hospital-b's "
                    + "import options (\"decimalComma\": true): read as text, they cannot join the other hospitals' "
                    + "numbers");
        });
        // read with its decimal comma, the file agrees with the other
        CsvFormat comma = CsvFormat.defaults().withSeparator(';');
        comma = new CsvFormat(';', comma.header(), comma.missingTokens(), comma.columnNames(), true, comma.encoding(),
                comma.quote());
        var read = new TabularFederation.SiteInput("hospital-b", f, comma, null);
        assertThat(TabularFederation.checkSchema(List.of(a, read), CsvFormat.defaults(), TabularSettings.defaults("y"),
                InOrder.HERE).problems()).isEmpty();
    }

    @Test
    void decimalCommaNumbersAtEveryHospitalAreAWarningThatTheyWouldBeCategories() throws IOException {
        var a = site("hospital-a", "weight,y\n\"72,5\",1\n\"80,0\",0\n\"72,5\",0\n");
        var b = site("hospital-b", "weight,y\n\"65,5\",1\n\"91,0\",0\n");
        SchemaReport r = TabularFederation.checkSchema(List.of(a, b), CsvFormat.defaults(), TabularSettings.defaults("y"),
                InOrder.HERE);
        assertThat(r.errors()).isEmpty();
        assertThat(r.problems()).extracting(SchemaProblem::participant).containsExactly("hospital-a", "hospital-b");
        assertThat(r.problems()).allSatisfy(p -> {
            assertThat(p.severity()).isEqualTo(SchemaProblem.Severity.WARNING);
            assertThat(p.message()).endsWith("import options (\"decimalComma\": true), or they are used as "
                    + "categories, not as numbers");
        });
        // words with a comma are no numbers: nothing to say
        var c = site("hospital-c", "drugs,y\n\"aspirin,statin\",1\nnone,0\n");
        assertThat(TabularFederation.checkSchema(List.of(c), CsvFormat.defaults(), TabularSettings.defaults("y"),
                InOrder.HERE).problems()).isEmpty();
    }

    @Test
    void zerosFarBelowAColumnsOtherMeasurementsAreNamedAsPerhapsNotRecorded() throws IOException {
        // systolic pressure 0 on three rows; a 0-2 code and a count with many zeros are not measurements of that kind
        StringBuilder a = new StringBuilder("bp,code,visits,y\n");
        for (int i = 0; i < 30; i++) {
            a.append(i < 3 ? 0 : 110 + i).append(',').append(i % 3).append(',').append(i % 12).append(',')
                    .append(i % 2).append('\n');
        }
        var site = site("hospital-a", a.toString());
        SchemaReport r = TabularFederation.checkSchema(List.of(site), CsvFormat.defaults(), TabularSettings.defaults("y"),
                InOrder.HERE);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(SchemaProblem.Kind.NOT_RECORDED);
            assertThat(p.severity()).isEqualTo(SchemaProblem.Severity.WARNING);
            assertThat(p.column()).isEqualTo("bp");
            assertThat(p.notRecorded()).isEqualTo("0");
            assertThat(p.message()).startsWith("3 of its 30 values are 0, far below all the others");
        });
        // what leaves the hospital is the count of those zeros, and only at its minimum count
        var summary = new LocalTabularSite("hospital-a", site.read(CsvFormat.defaults()), TabularSettings.defaults("y"))
                .schemaSummary();
        assertThat(summary.feature("bp")).hasValueSatisfying(c -> assertThat(c.zerosApart()).isEqualTo(3));
        assertThat(summary.feature("visits")).hasValueSatisfying(c -> assertThat(c.zerosApart()).isZero());
        assertThat(LocalTabularSite.overview(site.read(CsvFormat.defaults()), TabularSettings.defaults("y"), 5)
                .schema().feature("bp")).hasValueSatisfying(c -> assertThat(c.zerosApart()).isZero());
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
