package org.medfed.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.concurrency.InOrder;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.harmonise.SiteMapping;
import org.medfed.engine.BadInputException;
import org.medfed.testsupport.MixedCoding;

/**
 * The check across hospitals compares codings, not just types: an outcome coded 2/4 at two hospitals and
 * benign/malignant at a third stops the run and names each hospital's coding; the third hospital's mapping fixes
 * it and the study agrees on two classes. Columns that look like identifiers are left out unless kept.
 */
class HarmonisationCheckTest {

    @TempDir
    Path dir;

    private final TabularSettings settings = TabularSettings.defaults("class");

    private List<TabularFederation.SiteInput> inputs(SiteMapping ruralMapping) {
        List<Path> files = MixedCoding.write(dir);
        List<TabularFederation.SiteInput> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            out.add(new TabularFederation.SiteInput(MixedCoding.HOSPITALS.get(i), files.get(i), null,
                    i == 2 ? ruralMapping : SiteMapping.NONE));
        }
        return out;
    }

    @Test
    void anOutcomeCodedDifferentlyStopsTheRunAndNamesEveryHospitalsCoding() {
        SchemaReport report = TabularFederation.checkSchema(inputs(SiteMapping.NONE), CsvFormat.defaults(), settings,
                InOrder.HERE);
        assertThat(report.errors()).hasSize(1);
        SchemaProblem p = report.errors().get(0);
        assertThat(p.participant()).isEqualTo("rural");
        assertThat(p.column()).isEqualTo("class");
        assertThat(p.kind()).isEqualTo(SchemaProblem.Kind.CODING);
        assertThat(p.message()).contains("the outcome 'class' is coded differently at the hospitals: "
                + "city-general: {2, 4}; county: {2, 4}; rural: {benign, malignant}");
        // before this check the run trained a four-class model on it; now it does not start
        assertThatThrownBy(() -> TabularFederation.prepare(inputs(SiteMapping.NONE), CsvFormat.defaults(), settings,
                InOrder.HERE))
                .isInstanceOf(BadInputException.class).hasMessageContaining("rural: {benign, malignant}");
    }

    @Test
    void theHospitalsMappingFixesItAndTheStudyHasTwoClasses() {
        SiteMapping rural = new SiteMapping(null, Map.of("class", Map.of("benign", "2", "malignant", "4")), null);
        TabularFederation f = TabularFederation.prepare(inputs(rural), CsvFormat.defaults(), settings, InOrder.HERE);
        assertThat(f.preprocessing().classes()).containsExactly("2", "4");
        assertThat(f.schema().errors()).isEmpty();
        // rural's 20 malignant rows of 60 are class 4 (index 1) like everyone else's
        TabularFederation.PreparedSite r = f.sites().get(2);
        long malignant = java.util.stream.IntStream.concat(java.util.Arrays.stream(r.train().labels()),
                java.util.Arrays.stream(r.test().labels())).filter(y -> y == 1).count();
        assertThat(malignant).isEqualTo(20);
    }

    @Test
    void anIdentifierIsLeftOutWithANoteAndCanBeKept() {
        SiteMapping rural = new SiteMapping(null, Map.of("class", Map.of("benign", "2", "malignant", "4")), null);
        TabularFederation f = TabularFederation.prepare(inputs(rural), CsvFormat.defaults(), settings, InOrder.HERE);
        assertThat(f.preprocessing().featureNames()).containsExactly("clump", "cell_size", "nuclei");
        SchemaProblem note = f.schema().warnings().stream().filter(w -> w.kind() == SchemaProblem.Kind.IDENTIFIER)
                .findFirst().orElseThrow();
        assertThat(note.column()).isEqualTo("patient_id");
        assertThat(note.message()).contains("looks like an identifier (its name, and a different value on every row "
                + "at city-general, county, rural)");
        // kept, it is a feature: as its text would make a level, and send a name, per patient, the hospital refuses it
        assertThatThrownBy(() -> TabularFederation.prepare(inputs(rural), CsvFormat.defaults(),
                settings.withKeep(List.of("patient_id")), InOrder.HERE))
                .isInstanceOf(org.medfed.engine.BadInputException.class)
                .hasMessageContaining("column 'patient_id' has 60 different values: more than the 50 a column of "
                        + "categories may have");
    }

    @Test
    void identifiersAreKnownByNameOrByAValueOnEveryRow() {
        assertThat(List.of("patient_id", "PatientID", "MRN", "Sample code number", "record no", "id", "subject-id"))
                .allMatch(IdentifierColumns::byName);
        assertThat(List.of("age", "paid", "idea", "diagnosis", "sample_volume", "bmi", "valid"))
                .noneMatch(IdentifierColumns::byName);
    }

    @Test
    void measurementsWithDecimalsAreNeverTakenForIdentifiers() throws Exception {
        StringBuilder a = new StringBuilder("bmi,code,y\n");
        for (int i = 0; i < 25; i++) {
            a.append(20 + i * 0.37).append(',').append("X").append(i).append(',').append(i % 2).append('\n');
        }
        Path fa = dir.resolve("a.csv");
        Files.writeString(fa, a);
        Path fb = dir.resolve("b.csv");
        Files.writeString(fb, a.toString().replace("X", "Y"));
        SchemaReport r = TabularFederation.checkSchema(List.of(new TabularFederation.SiteInput("a", fa),
                new TabularFederation.SiteInput("b", fb)), CsvFormat.defaults(), TabularSettings.defaults("y"),
                        InOrder.HERE);
        assertThat(r.featureTypes()).containsOnlyKeys("bmi");
        assertThat(r.warnings()).extracting(SchemaProblem::column).containsExactly("code");
    }

    @Test
    void categoriesSpelledDifferentlyAreNamedAndAClassAtOneHospitalIsAWarning() {
        List<SchemaProblem> problems = new ArrayList<>();
        SchemaCheck.compareCodings("sex", "column", Map.of("a", List.of("F", "M"), "b", List.of("female", "male")),
                false, problems);
        assertThat(problems).hasSize(2).allMatch(p -> p.severity() == SchemaProblem.Severity.ERROR);
        problems.clear();
        SchemaCheck.compareCodings("smoker", "column", new java.util.TreeMap<>(Map.of("a", List.of("no", "yes"),
                "b", List.of("No", "no", "yes"))), false, problems);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.participant()).isEqualTo("b");
            assertThat(p.message()).contains("column 'smoker' is spelled differently (No) at the hospitals: "
                    + "a: {no, yes}; b: {No, no, yes}");
        });
        problems.clear();
        SchemaCheck.compareCodings("y", "the outcome", new java.util.TreeMap<>(Map.of("a", List.of("0", "1"),
                "b", List.of("0", "1", "2"))), true, problems);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(SchemaProblem.Severity.WARNING);
            assertThat(p.message()).startsWith("outcome value 2 only at b");
        });
    }
}
