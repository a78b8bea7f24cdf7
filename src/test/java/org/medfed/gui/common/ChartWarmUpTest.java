package org.medfed.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;

class ChartWarmUpTest {

    @Test
    void drawsOneChartPerTaskSoThatARealDrawingNeverWaitsBehindTheWholeWarmUp() {
        Deque<Runnable> drawing = new ArrayDeque<>();
        ChartWarmUp.start(drawing::add);
        int tasks = 0;
        while (!drawing.isEmpty()) {
            assertThat(drawing).as("at most one warm-up task waits at a time").hasSize(1);
            drawing.poll().run();
            tasks++;
        }
        assertThat(tasks).as("the set-up, then one task per drawing").isEqualTo(ChartWarmUp.DRAWS + 1);
    }
}
