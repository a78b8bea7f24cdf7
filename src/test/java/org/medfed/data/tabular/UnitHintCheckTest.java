package org.medfed.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.concurrency.InOrder;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.csv.HeaderMode;
import org.medfed.data.harmonise.SiteMapping;
import org.medfed.project.ProtocolJson;
import org.medfed.testsupport.CholesterolUnits;
import org.medfed.testsupport.SharedData;

/**
 * The check across hospitals names a hospital whose numbers look like another unit, from the means and standard
 * deviations in the hospitals' summaries, the same whether the tables are here or behind nodes; and it stays
 * silent on natural differences between real hospitals.
 */
class UnitHintCheckTest {

    private static final Path SAMPLE = CholesterolUnits.SAMPLE;
    private static final List<String> HOSPITALS = CholesterolUnits.HOSPITALS;

    @TempDir
    Path dir;

    private final TabularSettings settings = TabularSettings.defaults("disease");

    /** The sample's four hospitals, cholesterol in mg/dL at the first three and left in mmol/L at rural-clinic. */
    private List<TabularFederation.SiteInput> threeInMgPerDecilitre(SiteMapping ruralMapping) {
        List<TabularFederation.SiteInput> out = new ArrayList<>();
        CholesterolUnits.write(dir).forEach((h, file) -> out.add(new TabularFederation.SiteInput(h, file, null,
                h.equals(CholesterolUnits.IN_MMOL) ? ruralMapping : SiteMapping.NONE)));
        return out;
    }

    @Test
    void aHospitalInMmolPerLitreAmongThreeInMgPerDecilitreGetsAWarningWithTheFactor() throws IOException {
        SchemaReport report = TabularFederation.checkSchema(threeInMgPerDecilitre(SiteMapping.NONE), CsvFormat.defaults(),
                settings, InOrder.HERE);
        List<SchemaProblem> units = units(report);
        assertThat(units).singleElement().satisfies(p -> {
            assertThat(p.participant()).isEqualTo("rural-clinic");
            assertThat(p.column()).isEqualTo("cholesterol");
            assertThat(p.severity()).isEqualTo(SchemaProblem.Severity.WARNING);
            assertThat(p.unitFactor()).isEqualTo(38.67);
            assertThat(p.message()).startsWith("'cholesterol' at rural-clinic looks like another unit: its mean is 5.12 ")
                    .contains("at city-general, heart-centre, mountain-hospital").contains("mmol/L and mg/dL")
                    .endsWith("multiply by 38.67 (its mapping)");
        });
        assertThat(report.ok()).as("a hint, not a stop").isTrue();
    }

    @Test
    void theFactorAcceptedInTheHospitalsMappingSilencesTheHint() throws IOException {
        SiteMapping accepted = new SiteMapping(null, null, Map.of("cholesterol", 38.67));
        assertThat(units(TabularFederation.checkSchema(threeInMgPerDecilitre(accepted), CsvFormat.defaults(), settings,
                InOrder.HERE)))
                .isEmpty();
    }

    @Test
    void theSameHintComesFromTheSummariesNodesSend() throws IOException {
        Map<String, SchemaSummary> schemas = new LinkedHashMap<>();
        for (TabularFederation.SiteInput in : threeInMgPerDecilitre(SiteMapping.NONE)) {
            TableOverview sent = LocalTabularSite.overview(in.read(CsvFormat.defaults()), settings, 5);
            schemas.put(in.name(), ProtocolJson.read(ProtocolJson.write(sent), TableOverview.class).schema());
        }
        assertThat(units(SchemaCheck.check(schemas, settings))).singleElement()
                .satisfies(p -> assertThat(p.participant()).isEqualTo("rural-clinic"))
                .satisfies(p -> assertThat(p.unitFactor()).isEqualTo(38.67));
    }

    @Test
    void theMeanAndSdLeaveOnlyForTenValuesOrMoreAndTheHospitalsMinimumCount() throws IOException {
        Path ten = dir.resolve("ten.csv");
        Files.writeString(ten, "x,y\n1,0\n2,1\n3,0\n4,1\n5,0\n6,1\n7,0\n8,1\n9,0\n10,1\n");
        CsvTable table = CsvReader.read(ten, CsvFormat.defaults());
        TabularSettings y = TabularSettings.defaults("y");
        ColumnSummary x = LocalTabularSite.overview(table, y, 1).schema().feature("x").orElseThrow();
        // 1..10: mean 5.5, sample variance 82.5 / 9 = 9.1667
        assertThat(x.mean()).isEqualTo(5.5);
        assertThat(x.sd()).isCloseTo(Math.sqrt(82.5 / 9), within(1e-12));
        assertThat(LocalTabularSite.overview(table, y, 11).schema().feature("x").orElseThrow().mean()).isNull();
        Path nine = dir.resolve("nine.csv");
        Files.writeString(nine, "x,y\n1,0\n2,1\n3,0\n4,1\n5,0\n6,1\n7,0\n8,1\n9,0\n");
        assertThat(new LocalTabularSite("a", CsvReader.read(nine, CsvFormat.defaults()), y).schemaSummary()
                .feature("x").orElseThrow().sd()).isNull();
    }

    @Test
    void theSampleHospitalsNaturalDifferencesGiveNoHint() {
        List<TabularFederation.SiteInput> inputs = HOSPITALS.stream()
                .map(h -> new TabularFederation.SiteInput(h, SAMPLE.resolve(h + ".csv"))).toList();
        assertThat(units(TabularFederation.checkSchema(inputs, CsvFormat.defaults(), settings,
                InOrder.HERE))).isEmpty();
    }

    /** The real Fed-Heart-Disease centres differ (ages, a cholesterol of 0 in every Swiss row, rarer conditions): no hint. */
    @Test
    void theRealFedHeartDiseaseCentresGiveNoFalseHint() {
        List<TabularFederation.SiteInput> sites = List.of(
                new TabularFederation.SiteInput("cleveland", SharedData.data("uci-heart-disease/processed.cleveland.data")),
                new TabularFederation.SiteInput("hungary", SharedData.data("uci-heart-disease/processed.hungarian.data")),
                new TabularFederation.SiteInput("switzerland", SharedData.data("uci-heart-disease/processed.switzerland.data")),
                new TabularFederation.SiteInput("va", SharedData.data("uci-heart-disease/processed.va.data")));
        CsvFormat format = CsvFormat.defaults().withHeader(HeaderMode.NO)
                .withColumnNames(HeartDiseaseFederationTest.COLUMNS);
        // every column a numeric feature, so that each of the 13 is compared
        SchemaReport report = TabularFederation.checkSchema(sites, format, TabularSettings.defaults("num"),
                InOrder.HERE);
        assertThat(report.featureTypes()).hasSize(13);
        Map<String, SchemaSummary> schemas = new LinkedHashMap<>();
        for (TabularFederation.SiteInput s : sites) {
            schemas.put(s.name(), new LocalTabularSite(s.name(), s.read(format), TabularSettings.defaults("num")).schemaSummary());
        }
        long compared = schemas.get("cleveland").features().stream().filter(c -> c.mean() != null).count();
        assertThat(compared).as("columns with a mean and SD to compare").isGreaterThanOrEqualTo(9);
        assertThat(units(report)).isEmpty();
        // but the Swiss cholesterol, 0 on every row, is named: left in, it tells the model the hospital; and so
        // are the VA centre's cholesterols and blood pressure of 0, far below its other values
        List<SchemaProblem> notRecorded = report.warnings().stream()
                .filter(p -> p.kind() == SchemaProblem.Kind.NOT_RECORDED).toList();
        assertThat(notRecorded).extracting(p -> p.participant() + " " + p.column() + " " + p.notRecorded())
                .containsExactlyInAnyOrder("switzerland chol 0", "va chol 0", "va trestbps 0");
        assertThat(notRecorded).filteredOn(p -> p.participant().equals("switzerland")).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("all 123 values are 0, while they vary at the other "
                        + "hospitals: if 0 stands for 'not recorded' at switzerland, mark it so in its mapping "
                        + "('Not recorded'), or the model learns which hospital a patient is from"));
        assertThat(notRecorded).filteredOn(p -> p.participant().equals("va") && p.column().equals("chol"))
                .singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("49 of its 193 values are 0, far "
                        + "below all the others (more than 2.5 standard deviations): if 0 stands for 'not recorded' at "
                        + "va, mark it so in its mapping ('Not recorded'), or the model learns those patients as "
                        + "extreme ones"));
        assertThat(report.warnings()).noneMatch(p -> p.kind() == SchemaProblem.Kind.OTHER);
        // which the Swiss mapping answers: its cholesterol is then missing (and said to be), imputed as others' are
        List<TabularFederation.SiteInput> marked = sites.stream().map(s -> s.name().equals("switzerland")
                ? new TabularFederation.SiteInput(s.name(), s.file(), null,
                        new SiteMapping(null, null, null).withMissing("chol", List.of("0")))
                : s).toList();
        SchemaReport answered = TabularFederation.checkSchema(marked, format, TabularSettings.defaults("num"),
                InOrder.HERE);
        assertThat(answered.warnings()).filteredOn(p -> "chol".equals(p.column()) && p.participant().equals("switzerland"))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("column 'chol' has no values at all"));
    }

    /**
     * The Pima diabetes file writes "not recorded" as 0 in five columns: glucose, blood pressure, skin fold and BMI
     * have it far below their other values and are named; insulin's zeros (half the rows) and the pregnancies'
     * (a count) are not.
     */
    @Test
    void thePimaFilesZerosThatStandForNotRecordedAreNamed() {
        var pima = new TabularFederation.SiteInput("pima",
                SharedData.data("pima-indians-diabetes/pima-indians-diabetes.csv"));
        SchemaReport report = TabularFederation.checkSchema(List.of(pima), CsvFormat.defaults(),
                TabularSettings.defaults("column9"), InOrder.HERE);
        assertThat(report.problems()).filteredOn(p -> p.kind() == SchemaProblem.Kind.NOT_RECORDED)
                .extracting(p -> p.column() + ": " + p.message().substring(0, p.message().indexOf(',')))
                .containsExactly("column2: 5 of its 768 values are 0", "column3: 35 of its 768 values are 0",
                        "column4: 227 of its 768 values are 0", "column6: 11 of its 768 values are 0");
    }

    private static List<SchemaProblem> units(SchemaReport report) {
        return report.problems().stream().filter(p -> p.kind() == SchemaProblem.Kind.UNIT).toList();
    }
}
