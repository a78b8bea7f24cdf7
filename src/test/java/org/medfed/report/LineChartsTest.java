package org.medfed.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** Rough edges of the trial in issue 13: a chart of one point drew nothing, a flat line labelled every tick "5E-1". */
class LineChartsTest {

    @Test
    void aSeriesOfOnePointIsDrawnAsADot() {
        XYSeries one = new XYSeries("Accuracy");
        one.add(1, 0.7);
        JFreeChart chart = LineCharts.create("t", "Round", "Accuracy", new XYSeriesCollection(one), true);
        assertThat(((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) chart.getXYPlot().getRenderer()).getItemShapeVisible(0, 0)).isTrue();
        // and something of the series' colour is painted
        BufferedImage img = chart.createBufferedImage(400, 300);
        int blue = LineCharts.PALETTE[0].getRGB();
        boolean painted = false;
        for (int x = 0; x < img.getWidth() && !painted; x++) {
            for (int y = 0; y < img.getHeight() - 60 && !painted; y++) { // above the legend
                painted = img.getRGB(x, y) == blue;
            }
        }
        assertThat(painted).isTrue();
        // two points: a line, no dots
        one.add(2, 0.8);
        assertThat(((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) chart.getXYPlot().getRenderer()).getItemShapeVisible(0, 0)).isFalse();
    }

    @Test
    void aFlatLineKeepsAReadableAxis() {
        XYSeries flat = new XYSeries("Accuracy");
        for (int r = 1; r <= 5; r++) {
            flat.add(r, 0.5);
        }
        JFreeChart chart = LineCharts.create("t", "Round", "Accuracy", new XYSeriesCollection(flat), true);
        chart.createBufferedImage(400, 300); // lays out the axis and picks its tick unit
        NumberAxis y = (NumberAxis) chart.getXYPlot().getRangeAxis();
        assertThat(y.getRange().getLength()).isGreaterThanOrEqualTo(LineCharts.MIN_RANGE);
        assertThat(y.getRange().contains(0.5)).isTrue();
        String label = y.getTickUnit().valueToString(0.5);
        assertThat(label).doesNotContain("E").startsWith("0.5");
    }

    /** The report's curve of accuracy from 0.67 to 0.98 took steps of 0.025 and labelled 0.725 "0.73". */
    @Test
    void everyTickIsWrittenWithAllTheDecimalsOfItsStep() {
        org.jfree.chart.axis.TickUnits units = LineCharts.decimalTicks();
        for (int i = 0; i < units.size(); i++) {
            org.jfree.chart.axis.TickUnit u = units.get(i);
            for (int k = 1; k <= 7; k++) {
                double tick = k * u.getSize();
                assertThat(Double.parseDouble(u.valueToString(tick))).as("step %s, tick %s", u.getSize(), tick)
                        .isCloseTo(tick, org.assertj.core.data.Offset.offset(u.getSize() * 1e-6));
            }
        }
        assertThat(units.getCeilingTickUnit(0.021).valueToString(0.725)).isEqualTo("0.725");
    }
}
