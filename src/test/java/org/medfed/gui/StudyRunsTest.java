package org.medfed.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class StudyRunsTest {

    @Test
    void whatComesAfterTheStopWaitsForTheRunsEndAndRunsOnceOnTheUiThread() {
        SimpleBooleanProperty active = new SimpleBooleanProperty(true);
        List<Runnable> ui = new ArrayList<>();
        int[] stops = new int[1];
        int[] after = new int[1];
        StudyRuns runs = new StudyRuns(active::get, () -> stops[0]++, List.of(active), ui::add);
        assertThat(runs.isRunning()).isTrue();
        runs.stopThen(() -> after[0]++);
        assertThat(stops[0]).isEqualTo(1);
        assertThat(ui).as("not while the run goes on").isEmpty();
        active.set(false);
        assertThat(ui).hasSize(1);
        ui.get(0).run();
        assertThat(after[0]).isEqualTo(1);
        active.set(true);
        active.set(false);
        assertThat(ui).as("the watch is gone once the run ended").hasSize(1);

        runs.stopThen(() -> after[0]++);
        assertThat(ui).as("nothing running: at once, on the UI thread").hasSize(2);
    }
}
