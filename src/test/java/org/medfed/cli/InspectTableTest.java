package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inspect says what a study would make of a table: identifiers left out, and which column could be the label. */
class InspectTableTest {

    @TempDir
    Path tmp;

    /** As the Wisconsin breast-cancer file comes: an id number first, the diagnosis second, a measurement last. */
    @Test
    void namesIdentifiersAndTheColumnsThatCouldBeTheLabel() throws Exception {
        StringBuilder b = new StringBuilder("ref,patient_id,diagnosis,age,seen,size\n");
        for (int i = 0; i < 30; i++) {
            b.append(842302 + 17 * i).append(",P").append(i).append(',').append(i % 3 == 0 ? "M" : "B").append(',')
                    .append(40 + i % 7).append(",2019-03-").append(10 + i % 12).append(',').append(10.5 + i * 0.37)
                    .append('\n');
        }
        Path file = Files.writeString(tmp.resolve("wdbc-like.csv"), b);
        CliRunner r = CliRunner.run("inspect", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("ref  ", "\n    (looks like an identifier: a different whole number on every row; a study leaves "
                        + "it out of the features unless it is kept)")
                .contains("\n    (looks like an identifier: its name;")
                .contains("\n    (dates, such as '2019-03-10': no feature as they are; leave the column out, or add a "
                        + "number made from it, such as an age)")
                .contains("label 'size' (the last column): 30 distinct values: not a class label")
                .contains("columns with 2 to 10 values, which could be the label (--label COLUMN shows its balance): "
                        + "diagnosis (B, M), age (40, 41, 42, 43, 44, 45, 46)");
        // age, a measurement with few values, is a number and not unique: no identifier note under it
        assertThat(r.out().lines().filter(l -> l.contains("looks like an identifier")).count()).isEqualTo(2);

        CliRunner chosen = CliRunner.run("inspect", "--label", "diagnosis", file.toString());
        assertThat(chosen.out()).contains("label 'diagnosis': B: 20 (67%), M: 10 (33%)").doesNotContain("could be");
    }
}
