package org.medfed.data.harmonise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.csv.CsvTable;
import org.medfed.engine.BadInputException;

class SiteMappingTest {

    @TempDir
    Path dir;

    private CsvTable table(String... lines) throws Exception {
        Path f = dir.resolve("b.csv");
        Files.writeString(f, String.join("\n", lines) + "\n");
        return CsvReader.read(f, CsvFormat.defaults());
    }

    @Test
    void renamesThenRecodesThenConvertsUnitsByTheStudysNames() throws Exception {
        CsvTable raw = table("age_years,glucose_mmol,sex,outcome", "61,5.5,male,benign", "47,,female,malignant",
                "70,7.25,female,benign");
        SiteMapping m = new SiteMapping(Map.of("age_years", "age", "glucose_mmol", "glucose"),
                Map.of("sex", Map.of("male", "M", "female", "F"), "outcome", Map.of("benign", "2", "malignant", "4")),
                Map.of("glucose", 18.0));
        CsvTable t = m.apply(raw, "hospital-b");
        assertThat(t.columns()).containsExactly("age", "glucose", "sex", "outcome");
        // 5.5 mmol/L × 18 = 99 mg/dL; 7.25 × 18 = 130.5; a missing value stays missing
        assertThat(t.rows()).containsExactly(new String[] {"61", "99", "M", "2"}, new String[] {"47", null, "F", "4"},
                new String[] {"70", "130.5", "F", "2"});
        assertThat(t.line(1)).isEqualTo("line 3");
        assertThat(m.describe()).contains("column 'age_years' is 'age'", "outcome: 'benign' is '2'",
                "glucose multiplied by 18");
        assertThat(raw.value(0, 3)).isEqualTo("benign"); // the file's table is left as it was
    }

    @Test
    void aColumnsNotRecordedValuesBecomeMissingInThatColumnOnly() throws Exception {
        // cholesterol 0 means 'not recorded' at this hospital; 0 elsewhere (sex, fbs) is a value
        CsvTable raw = table("chol_mmol,sex,fbs", "0,1,0", " 0 ,0,1", "5.2,0,0", "-9,1,0");
        SiteMapping m = new SiteMapping(Map.of("chol_mmol", "chol"), null, Map.of("chol", 38.67))
                .withMissing("chol", List.of("0", "-9"));
        CsvTable t = m.apply(raw, "switzerland");
        assertThat(t.rows()).containsExactly(new String[] {null, "1", "0"}, new String[] {null, "0", "1"},
                new String[] {"201.084", "0", "0"}, new String[] {null, "1", "0"});
        assertThat(t.isMissing(0, 0)).isTrue();
        assertThat(t.isNumber(2, 0)).isTrue();
        assertThat(m.describe()).contains("chol: '0', '-9' not recorded");
        assertThat(new SiteMapping(null, null, null).withMissing("chol", List.of(" ", ""))).isEqualTo(SiteMapping.NONE);
        assertThatThrownBy(() -> new SiteMapping(null, null, null).withMissing("ldl", List.of("0")).apply(raw, "b"))
                .hasMessageContaining("b's mapping marks values as not recorded in column 'ldl', which the table does "
                        + "not have");
    }

    @Test
    void aValueTheMappingDoesNotNameStaysAsItIs() throws Exception {
        CsvTable t = new SiteMapping(null, Map.of("outcome", Map.of("benign", "2")), null)
                .apply(table("x,outcome", "1,benign", "2,unknown"), "b");
        assertThat(t.rows()).containsExactly(new String[] {"1", "2"}, new String[] {"2", "unknown"});
    }

    @Test
    void mistakesAreNamedWithTheHospitalTheColumnAndTheLine() throws Exception {
        CsvTable raw = table("age,sex", "61,M", "abc,F");
        assertThatThrownBy(() -> new SiteMapping(Map.of("years", "age2"), null, null).apply(raw, "rural"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("rural's mapping renames column 'years', which the file does not have; its columns are age, sex");
        assertThatThrownBy(() -> new SiteMapping(Map.of("sex", "age"), null, null).apply(raw, "rural"))
                .hasMessageContaining("gives two columns the name 'age'");
        assertThatThrownBy(() -> new SiteMapping(null, null, Map.of("age", 2.0)).apply(raw, "rural"))
                .hasMessageContaining("b.csv line 3: column 'age' is 'abc', expected a number to convert with the factor 2.0");
        assertThatThrownBy(() -> new SiteMapping(null, null, Map.of("age", 0.0)))
                .hasMessageContaining("the unit factor of column 'age' is 0.0, expected a number other than 0");
        assertThat(SiteMapping.NONE.apply(raw, "x")).isSameAs(raw);
    }

    @Test
    void convertedNumbersAreWrittenPlainly() {
        assertThat(SiteMapping.number(99.0)).isEqualTo("99");
        assertThat(SiteMapping.number(0.1 * 3)).isEqualTo("0.3");
        assertThat(SiteMapping.number(-2.5e-7)).isEqualTo("-0.00000025");
        assertThat(List.of(SiteMapping.number(130.5))).containsExactly("130.5");
    }
}
