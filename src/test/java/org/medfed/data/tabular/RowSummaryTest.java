package org.medfed.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowSummaryTest {

    @Test
    void noRowToTrainOnIsAnErrorThatSaysWhereTheRowsWent() {
        SchemaProblem p = new RowSummary(0, 2, 121).problem("switzerland", MissingPolicy.DROP_ROWS);
        assertThat(p.severity()).isEqualTo(SchemaProblem.Severity.ERROR);
        assertThat(p.participant()).isEqualTo("switzerland");
        assertThat(p.message()).isEqualTo("no usable rows: 2 without a label, 121 with missing values (choose to impute "
                + "missing values instead)");
        assertThat(new RowSummary(0, 5, 0).problem("a", MissingPolicy.IMPUTE).message())
                .isEqualTo("no usable rows: 5 without a label, 0 with missing values");
        assertThat(new RowSummary(0, 0, 0).problem("a", MissingPolicy.DROP_ROWS).message())
                .isEqualTo("its file has no data rows, only a header");
    }

    @Test
    void droppingAFifthOfTheRowsOrMoreIsAWarningAndLessIsNothing() {
        // 2 of 10 left out: a fifth exactly
        SchemaProblem p = new RowSummary(8, 0, 2).problem("a", MissingPolicy.DROP_ROWS);
        assertThat(p.severity()).isEqualTo(SchemaProblem.Severity.WARNING);
        assertThat(p.message()).isEqualTo("only 8 of 10 rows are used: 2 left out for a missing value (impute missing "
                + "values to keep them)");
        assertThat(new RowSummary(1, 3, 293).problem("hungary", MissingPolicy.DROP_ROWS).message())
                .isEqualTo("only 1 of 297 rows are used: 293 left out for a missing value, 3 for a missing label "
                        + "(impute missing values to keep them)");
        assertThat(new RowSummary(9, 0, 2).problem("a", MissingPolicy.DROP_ROWS)).isNull(); // 2 of 11
        assertThat(new RowSummary(5, 5, 0).problem("a", MissingPolicy.DROP_ROWS)).isNull(); // labels only
        assertThat(new RowSummary(8, 0, 0).problem("a", MissingPolicy.IMPUTE)).isNull();
    }
}
