package org.medfed.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

/** A batch of series changes reaches the chart as one notice, and outside a batch each change still does. */
class BatchedSeriesCollectionTest {

    @Test
    void aBatchTellsTheChartOnceAndEachChangeOutsideABatchTellsIt() {
        BatchedSeriesCollection data = new BatchedSeriesCollection();
        AtomicInteger notices = new AtomicInteger();
        data.addChangeListener(e -> notices.incrementAndGet());

        data.batch(() -> {
            for (int i = 0; i < 1000; i++) {
                XYSeries s = new XYSeries("h" + i, false, true);
                data.addSeries(s);
                s.add(1, i / 1000.0);
            }
        });
        assertThat(notices).hasValue(1);
        assertThat(data.getSeriesCount()).isEqualTo(1000);
        assertThat(data.getYValue(999, 0)).isEqualTo(0.999);
        assertThat(data.getDomainUpperBound(false)).isEqualTo(1.0); // the interval delegate saw the batch

        data.getSeries(0).add(2, 0.5);
        assertThat(notices).hasValue(2);
    }
}
