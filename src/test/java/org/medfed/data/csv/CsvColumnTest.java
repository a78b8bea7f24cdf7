package org.medfed.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Values read once into a column come back as the same text and as the number {@link Double#parseDouble} gives. */
class CsvColumnTest {

    @Test
    void plainDecimalsAreRecognisedWithTheirNumberOfDecimals() {
        assertThat(plainDecimals("0")).isZero();
        assertThat(plainDecimals("-12")).isZero();
        assertThat(plainDecimals("12.30")).isEqualTo(2);
        assertThat(plainDecimals("-0.125")).isEqualTo(3);
        assertThat(plainDecimals("123456789012345")).isZero();
        // kept as text: their text could not be written back from the value, or they are no plain decimal
        for (String other : List.of("007", "00.5", ".5", "5.", "+5", "1e3", "1E-2", "-", "", "1234567890123456",
                "12345678901234.56", "inf", "NaN", "3,5", "1.2.3", "--1", "0x10", "12a")) {
            assertThat(plainDecimals(other)).as(other).isEqualTo(-1);
        }
    }

    @Test
    void everyValueComesBackAsWrittenAndAsParsed() {
        List<String> values = new ArrayList<>(List.of("0", "-0", "-0.000", "0.5", "12.30", "100", "-7.25",
                "999999999999999", "0.000000000000001", "1e3", "+4", "007", "inf", "-INFINITY", "nan", "F", "never", " 5"));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            int decimals = random.nextInt(8);
            double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(9));
            values.add(String.format(Locale.ROOT, "%." + decimals + "f", v));
        }
        values.add(null);
        CsvColumn column = new CsvColumn();
        values.forEach(column::add);
        column.finish(false);

        assertThat(column.size()).isEqualTo(values.size());
        for (int r = 0; r < values.size(); r++) {
            String v = values.get(r);
            assertThat(column.text(r)).as("row %d", r).isEqualTo(v);
            assertThat(column.isMissing(r)).isEqualTo(v == null);
            assertThat(column.looksNumeric(r)).as(v).isEqualTo(CsvNumber.looksNumeric(v));
            if (column.looksNumeric(r)) {
                assertThat(Double.doubleToRawLongBits(column.number(r))).as(v)
                        .isEqualTo(Double.doubleToRawLongBits(CsvNumber.anyValue(v)));
            } else {
                assertThat(column.number(r)).isNaN();
            }
        }
    }

    @Test
    void onlyValuesThatAreNoFiniteNumberHaveAProblem() {
        CsvColumn column = new CsvColumn();
        for (String v : new String[] {"12.5", null, "1e3", "1e309", "abc"}) {
            column.add(v);
        }
        assertThat(column.numberProblem(0, "bp")).isNull();
        assertThat(column.numberProblem(1, "bp")).isNull();
        assertThat(column.numberProblem(2, "bp")).isNull();
        assertThat(column.numberProblem(3, "bp")).isEqualTo(CsvNumber.problem("bp", "1e309")).contains("'1e309'");
        assertThat(column.numberProblem(4, "bp")).isEqualTo("column 'bp' is 'abc', expected a number");
    }

    @Test
    void aHeaderFoundAtTheEndIsDroppedAndRepeatedTextsAreShared() {
        CsvColumn column = new CsvColumn();
        column.add("sex");
        column.add(new String("F"));
        column.add(new String("F"));
        column.finish(true);

        assertThat(column.size()).isEqualTo(2);
        assertThat(column.text(0)).isEqualTo("F").isSameAs(column.text(1));
    }

    /** The number of decimals of a plain decimal, -1 when {@code s} is not one. */
    private static int plainDecimals(String s) {
        long plain = CsvColumn.plainDecimal(s);
        return plain < 0 ? -1 : (int) (plain & CsvColumn.DECIMALS);
    }
}
