package org.medfed.gui.common;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A copy of an XY chart that shares nothing mutable with it, so that it can be drawn on another thread while the
 * original keeps changing on the FX thread. JFreeChart's own clone shares the plot's datasets and the legend's
 * item source with the original: both are replaced here by copies.
 */
public final class ChartSnapshot {

    private ChartSnapshot() {
    }

    public static JFreeChart of(JFreeChart chart) {
        try {
            JFreeChart copy = (JFreeChart) chart.clone();
            copy.setNotify(false);
            XYPlot plot = copy.getXYPlot();
            for (int i = 0; i < plot.getDatasetCount(); i++) {
                XYDataset data = plot.getDataset(i);
                if (data instanceof XYSeriesCollection series) {
                    // setDataset also unhooks the copied plot from the original dataset
                    plot.setDataset(i, (XYDataset) series.clone());
                } else if (data instanceof YIntervalSeriesCollection band) {
                    plot.setDataset(i, (XYDataset) band.clone());
                } else if (data != null) {
                    throw new IllegalArgumentException("only series and interval collections can be copied, not " + data.getClass());
                }
            }
            LegendTitle legend = copy.getLegend();
            if (legend != null) {
                legend.setSources(new LegendItemSource[] {plot});
            }
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("a chart part cannot be copied", e);
        }
    }
}
