package org.medfed.data.harmonise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed cases of the unit hint: a known factor between the means, with a spread that agrees. */
class UnitHintsTest {

    private static final UnitHints.Site CITY = new UnitHints.Site("city", 100, 196.0, 36.0);
    private static final UnitHints.Site TOWN = new UnitHints.Site("town", 80, 198.0, 37.0);
    private static final UnitHints.Site COUNTY = new UnitHints.Site("county", 60, 192.0, 35.0);

    @Test
    void aHospitalInMmolPerLitreAmongThreeInMgPerDecilitreIsNamedWithTheFactor() {
        UnitHints.Site rural = new UnitHints.Site("rural", 50, 5.1, 0.93);
        List<UnitHints.Hint> hints = UnitHints.find("chol", List.of(CITY, TOWN, rural, COUNTY));
        assertThat(hints).hasSize(1);
        UnitHints.Hint h = hints.get(0);
        // by hand: pooled mean (100*196 + 80*198 + 60*192) / 240 = 195.667; pooled SD sqrt((99*36^2 + 79*37^2
        // + 59*35^2 + 100*0.333^2 + 80*2.333^2 + 60*3.667^2) / 239) = sqrt(309983.33 / 239) = 36.0139;
        // 195.667 / 5.1 = 38.37, 1 % from 38.67; SD ratio 36.0139 / 0.93 = 38.72: the spread agrees
        assertThat(h.pooled().mean()).isCloseTo(195.6667, within(1e-4));
        assertThat(h.pooled().sd()).isCloseTo(36.0139, within(1e-4));
        assertThat(h.site()).isEqualTo("rural");
        assertThat(h.multiplier()).isEqualTo(38.67);
        assertThat(h.siteUnit()).isEqualTo("mmol/L");
        assertThat(h.studyUnit()).isEqualTo("mg/dL");
        assertThat(h.reference()).containsExactly("city", "town", "county");
        assertThat(h.message()).isEqualTo("'chol' at rural looks like another unit: its mean is 5.1 (SD 0.93) against "
                + "196 (SD 36) at city, town, county, 38.4 times smaller: the factor between mmol/L and mg/dL "
                + "(cholesterol, 38.67). If rural's values are in mmol/L, convert them: multiply by 38.67 (its mapping)");
    }

    @Test
    void theLargerNumbersOfTwoHospitalsAreConvertedToTheFirstHospitalsUnit() {
        UnitHints.Site kg = new UnitHints.Site("a", 50, 80.0, 15.0);
        UnitHints.Site lb = new UnitHints.Site("b", 40, 176.4, 33.1);
        List<UnitHints.Hint> hints = UnitHints.find("weight", List.of(kg, lb));
        // 176.4 / 80 = 2.205, 0.02 % from 2.20462; 33.1 / 15 = 2.207
        assertThat(hints).singleElement().satisfies(h -> {
            assertThat(h.site()).isEqualTo("b");
            assertThat(h.multiplier()).isCloseTo(0.453592, within(1e-6));
            assertThat(h.siteUnit()).isEqualTo("lb");
            assertThat(h.studyUnit()).isEqualTo("kg");
            assertThat(h.message()).contains("2.21 times larger").contains("divide by 2.20462");
        });
    }

    @Test
    void aSpreadThatDoesNotScaleWithTheMeanIsNoUnit() {
        // the mean is 38.4 times smaller, but the SD only 18 times: not the same numbers in another unit
        UnitHints.Site rural = new UnitHints.Site("rural", 50, 5.1, 2.0);
        assertThat(UnitHints.find("chol", List.of(CITY, TOWN, rural, COUNTY))).isEmpty();
    }

    @Test
    void aRatioFarFromEveryKnownFactorIsNoUnit() {
        // 195.667 / 6.52 = 30.0: 29 % from 38.67 and 67 % from 18
        UnitHints.Site rural = new UnitHints.Site("rural", 50, 6.52, 1.2);
        assertThat(UnitHints.find("chol", List.of(CITY, TOWN, rural, COUNTY))).isEmpty();
    }

    @Test
    void naturalDifferencesOfAYesNoColumnAreNoUnit() {
        // Fed-Heart-Disease's fasting blood sugar (0/1): Cleveland's mean is 2.13 times Hungary's (3 % from the
        // kg-lb factor), but the SD only 1.40 times, as a proportion's does
        List<UnitHints.Site> fbs = List.of(new UnitHints.Site("cleveland", 303, 0.149, 0.356),
                new UnitHints.Site("hungary", 286, 0.0699, 0.255), new UnitHints.Site("switzerland", 48, 0.104, 0.309),
                new UnitHints.Site("va", 193, 0.352, 0.479));
        assertThat(UnitHints.find("fbs", fbs)).isEmpty();
    }

    @Test
    void hospitalsWithinNaturalVariationOrWithoutFiguresGiveNoHint() {
        assertThat(UnitHints.find("chol", List.of(CITY, TOWN, COUNTY))).isEmpty();
        assertThat(UnitHints.find("chol", List.of(CITY))).isEmpty();
        // a column of zeros (Switzerland's cholesterol) has no ratio
        assertThat(UnitHints.find("chol", List.of(CITY, new UnitHints.Site("zeros", 123, 0, 0)))).isEmpty();
    }

    @Test
    void everyKnownFactorIsMoreThanTenPercentFromEveryOther() {
        for (UnitFactor a : UnitFactor.KNOWN) {
            for (UnitFactor b : UnitFactor.KNOWN) {
                if (a != b) {
                    assertThat(Math.abs(Math.log(a.factor() / b.factor()))).as(a + " / " + b).isGreaterThan(Math.log(1.1));
                }
            }
        }
    }
}
