package org.medfed.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.medfed.metrics.Quartiles;

/** Which hospitals the Run screen's per-hospital charts draw: every one while few, the band and the picked ones beyond. */
class HospitalLinesTest {

    private static List<String> hospitals(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(String.format(Locale.ROOT, "h%02d", i));
        }
        return out;
    }

    @Test
    void fewHospitalsEachHaveALineThatTheirCheckBoxHidesAndShowsAgainInPlace() {
        ObservableList<String> names = FXCollections.observableArrayList(hospitals(4));
        HospitalLines lines = new HospitalLines(names);
        assertThat(lines.bandedProperty().get()).isFalse();
        assertThat(lines.lines()).containsExactly("h01", "h02", "h03", "h04");
        assertThat(lines.toggles()).containsExactly("h01", "h02", "h03", "h04");

        lines.show("h02", false);
        assertThat(lines.lines()).containsExactly("h01", "h03", "h04");
        assertThat(lines.toggles()).as("the box stays, unticked").containsExactly("h01", "h02", "h03", "h04");
        assertThat(lines.colour("h03")).as("each keeps its colour").isEqualTo(2);
        lines.show("h02", true);
        assertThat(lines.lines()).containsExactly("h01", "h02", "h03", "h04");

        names.setAll(hospitals(HospitalLines.ALL_LINES_UP_TO));
        assertThat(lines.bandedProperty().get()).isFalse();
        assertThat(lines.lines()).hasSize(12);
    }

    @Test
    void manyHospitalsStartWithTheBandAloneAndDrawTheHospitalsPickedInTheOrderPicked() {
        ObservableList<String> names = FXCollections.observableArrayList(hospitals(1000));
        HospitalLines lines = new HospitalLines(names);
        assertThat(lines.bandedProperty().get()).isTrue();
        assertThat(lines.lines()).isEmpty();
        assertThat(lines.toggles()).isEmpty();

        lines.show("h999", true);
        lines.show("h07", true);
        lines.show("not-a-hospital", true);
        assertThat(lines.lines()).containsExactly("h999", "h07");
        assertThat(lines.toggles()).containsExactly("h999", "h07");
        assertThat(lines.colour("h07")).isEqualTo(1);

        lines.show("h999", false);
        assertThat(lines.lines()).containsExactly("h07");
        assertThat(lines.toggles()).as("unticking takes the hospital away").containsExactly("h07");
        assertThat(lines.colour("h07")).isZero();
    }

    @Test
    void aTableHasAColumnForEveryHospitalWhileFewElseForThePickedOnesAndTheAttackers() {
        ObservableList<String> names = FXCollections.observableArrayList(hospitals(4));
        HospitalLines lines = new HospitalLines(names);
        lines.show("h01", false);
        assertThat(lines.columns(java.util.Set.of())).as("a hidden line keeps its column").hasSize(4);
        names.setAll(hospitals(100));
        lines.show("h50", true);
        lines.show("h03", true);
        assertThat(lines.columns(java.util.Set.of("h99"))).containsExactly("h03", "h50", "h99");
    }

    @Test
    void atMostADozenArePickedAndTheRefusalIsSaid() {
        HospitalLines lines = new HospitalLines(FXCollections.observableArrayList(hospitals(50)));
        hospitals(HospitalLines.MOST_PICKED).forEach(h -> lines.show(h, true));
        lines.show("h40", true);
        assertThat(lines.lines()).hasSize(HospitalLines.MOST_PICKED).doesNotContain("h40");
        assertThat(lines.noteProperty().get()).contains("At most 12");
        lines.show("h01", false);
        assertThat(lines.noteProperty().get()).isEmpty();
        lines.show("h40", true);
        assertThat(lines.lines()).endsWith("h40");
    }

    @Test
    void anotherSetOfHospitalsKeepsThePickedOnesThatAreStillThere() {
        ObservableList<String> names = FXCollections.observableArrayList(hospitals(30));
        HospitalLines lines = new HospitalLines(names);
        lines.show("h05", true);
        lines.show("h25", true);
        names.setAll(hospitals(20));
        assertThat(lines.lines()).containsExactly("h05");
        names.setAll(hospitals(3));
        assertThat(lines.bandedProperty().get()).isFalse();
        assertThat(lines.lines()).containsExactly("h01", "h02", "h03");
    }

    @Test
    void theBandIsTheSpreadOfOneRecordsFigureOverTheHospitals() {
        // four hospitals: lowest 0.5, quartiles at positions 1.25, 2.5, 3.75 of (0.5, 0.6, 0.8, 0.9)
        Quartiles q = HospitalLines.band(Map.of("a", 0.9, "b", 0.5, "c", 0.8, "d", 0.6));
        assertThat(q.min()).isEqualTo(0.5);
        assertThat(q.q1()).isCloseTo(0.525, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(q.median()).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(q.q3()).isCloseTo(0.875, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(q.max()).isEqualTo(0.9);
        assertThat(HospitalLines.band(Map.of("a", 1200L, "b", 1200L)).median()).isEqualTo(1200);
        assertThat(HospitalLines.band(Map.of())).isNull();
    }
}
