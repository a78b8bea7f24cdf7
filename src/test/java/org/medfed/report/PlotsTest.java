package org.medfed.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    @TempDir
    Path tmp;

    static List<AssociationPoint> genome(int perChromosome, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<AssociationPoint> points = new ArrayList<>();
        for (int c = 1; c <= 22; c++) {
            for (int i = 0; i < perChromosome; i++) {
                long position = 1 + random.nextLong(250_000_000L / c);
                points.add(new AssociationPoint("chr" + c, position, "rs" + c + "_" + i,
                        -Math.log10(random.nextDouble())));
            }
        }
        points.add(new AssociationPoint("chr6", 32_000_000, "rs_hit", 12.5));
        points.add(new AssociationPoint("chrX", 5_000_000, "rs_x", 1.0));
        return points;
    }

    @Test
    void manhattanPlotAlternatesChromosomeColoursAndDrawsTheThreshold() throws IOException {
        List<AssociationPoint> points = genome(300, 1);
        JFreeChart chart = ManhattanPlot.create(points, 5e-8, "Disease, logistic regression");
        XYPlot plot = chart.getXYPlot();
        XYDataset data = plot.getDataset();
        assertThat(data.getSeriesCount()).isEqualTo(2);
        // chromosomes 1, 3, ... 21 in one colour, 2, 4, ... 22 and then X in the other
        assertThat(data.getItemCount(0) + data.getItemCount(1)).isEqualTo(points.size());
        assertThat(data.getItemCount(0)).isEqualTo(11 * 300 + 1 + 0);
        assertThat(((ValueMarker) plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next()).getValue())
                .isEqualTo(-Math.log10(5e-8));
        assertThat(plot.getAnnotations()).hasSize(1);
        assertThat(plot.getRangeAxis().getUpperBound()).isGreaterThan(12.5);

        Path png = tmp.resolve("manhattan.png");
        ChartFiles.writePng(chart, png, 1200, 500);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(500);
    }

    @Test
    void qqPlotPutsLambdaInTheTitleAndDrawsTheDiagonal() throws IOException {
        double[] values = genome(200, 2).stream().mapToDouble(AssociationPoint::negLog10P).toArray();
        JFreeChart chart = QqPlot.create(values, 1.0234, "QQ plot");
        assertThat(chart.getTitle().getText()).isEqualTo("QQ plot (\u03bb = 1.023)");
        XYDataset data = chart.getXYPlot().getDataset();
        assertThat(data.getItemCount(0)).isEqualTo(values.length);
        assertThat(chart.getXYPlot().getDataset(1).getItemCount(0)).isEqualTo(2);
        int n = values.length;
        // the largest observed value sits at the smallest expected quantile, -log10(0.5 / n)
        assertThat(data.getXValue(0, 0)).isEqualTo(-Math.log10(0.5 / n));
        assertThat(data.getYValue(0, 0)).isEqualTo(12.5);
        assertThat(data.getXValue(0, n - 1)).isEqualTo(-Math.log10((n - 0.5) / n));
        Path png = tmp.resolve("qq.png");
        ChartFiles.writePng(chart, png, 600, 600);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(600);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    @Test
    void aHitAtTheRightEdgeIsLabelledToItsLeft() {
        List<AssociationPoint> points = genome(50, 3);
        points.add(new AssociationPoint("chr1", 1_000, "rs_first", 20));
        points.add(new AssociationPoint("chrX", 155_000_000, "rs_last", 18));
        XYPlot plot = ManhattanPlot.create(points, 5e-8, "edges").getXYPlot();
        java.util.Map<String, org.jfree.chart.ui.TextAnchor> anchors = new java.util.HashMap<>();
        for (Object a : plot.getAnnotations()) {
            org.jfree.chart.annotations.XYTextAnnotation label = (org.jfree.chart.annotations.XYTextAnnotation) a;
            anchors.put(label.getText(), label.getTextAnchor());
        }
        assertThat(anchors).containsEntry("rs_first", org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT)
                .containsEntry("rs_last", org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT)
                .containsEntry("rs_hit", org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
    }

    @Test
    void theThresholdIsSaidAboveThePlotSoThatNoHitHidesUnderItsLabel() throws IOException {
        List<AssociationPoint> points = genome(50, 5);
        // just above the line, in the genome's last stretch: where the line's own label used to stand
        points.add(new AssociationPoint("chrX", 155_000_000, "rs_under_label", -Math.log10(5e-8) + 0.4));
        JFreeChart chart = ManhattanPlot.create(points, 5e-8, "threshold");
        assertThat(chart.getSubtitle(0)).isInstanceOfSatisfying(org.jfree.chart.title.TextTitle.class,
                t -> assertThat(t.getText()).endsWith("p = 5e-8"));
        ValueMarker line = (ValueMarker) chart.getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)
                .iterator().next();
        assertThat(line.getLabel()).isNull();

        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1000, 400,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, 1000, 400), info);
        g.dispose();
        java.awt.geom.Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getXYPlot();
        XYDataset data = plot.getDataset();
        double hit = -Math.log10(5e-8) + 0.4;
        int series = -1;
        int item = -1;
        for (int k = 0; k < data.getSeriesCount(); k++) {
            for (int i = 0; i < data.getItemCount(k); i++) {
                if (data.getYValue(k, i) == hit) {
                    series = k;
                    item = i;
                }
            }
        }
        assertThat(series).isNotNegative();
        int x = (int) Math.round(plot.getDomainAxis().valueToJava2D(data.getXValue(series, item), area,
                plot.getDomainAxisEdge()));
        int y = (int) Math.round(plot.getRangeAxis().valueToJava2D(data.getYValue(series, item), area,
                plot.getRangeAxisEdge()));
        java.awt.Color dot = (java.awt.Color) plot.getRenderer().getSeriesPaint(series);
        assertThat(image.getRGB(x, y) & 0xffffff).isEqualTo(dot.getRGB() & 0xffffff);
    }

    @Test
    void aPeakOfManyHitsIsNamedOnceByItsStrongest() {
        List<AssociationPoint> points = genome(50, 6);
        // one locus: its variants pass the threshold together, a few kilobases apart
        for (int k = 0; k < 6; k++) {
            points.add(new AssociationPoint("chr11", 60_000_000L + 5_000L * k, "rs_locus_" + k, 14 + k * 0.5));
        }
        points.add(new AssociationPoint("chr2", 10_000_000, "rs_alone", 9));
        List<String> names = new ArrayList<>();
        for (Object a : ManhattanPlot.create(points, 5e-8, "peaks").getXYPlot().getAnnotations()) {
            names.add(((org.jfree.chart.annotations.XYTextAnnotation) a).getText());
        }
        assertThat(names).containsExactlyInAnyOrder("rs_locus_5", "rs_alone", "rs_hit");
    }

    @Test
    void chartsAreWrittenOpaqueOverWhite() throws IOException {
        JFreeChart chart = ManhattanPlot.create(genome(100, 4), 5e-8, "see-through");
        // nothing of the chart's own paints the background: what shows through must be white, not black
        chart.setBackgroundPaint(null);
        chart.getXYPlot().setBackgroundPaint(null);
        Path png = tmp.resolve("clear.png");
        ChartFiles.writePng(chart, png, 800, 300);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getColorModel().hasAlpha()).isFalse();
        assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
        assertThat(image.getRGB(799, 299) & 0xffffff).isEqualTo(0xffffff);
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                dark += (image.getRGB(x, y) & 0xffffff) == (ManhattanPlot.DARK.getRGB() & 0xffffff) ? 1 : 0;
            }
        }
        assertThat(dark).isGreaterThan(100);
    }

    @Test
    void emptyResultsStillGiveACharts() throws IOException {
        ChartFiles.writePng(ManhattanPlot.create(List.of(), 5e-8, "nothing tested"), tmp.resolve("m.png"), 300, 200);
        ChartFiles.writePng(QqPlot.create(new double[0], Double.NaN, "nothing tested"), tmp.resolve("q.png"), 300, 300);
        assertThat(ImageIO.read(tmp.resolve("m.png").toFile()).getWidth()).isEqualTo(300);
        assertThat(ImageIO.read(tmp.resolve("q.png").toFile()).getWidth()).isEqualTo(300);
    }

    /** Writes the two plots to target/plots-preview for a person to look at. */
    public static void main(String[] args) {
        List<AssociationPoint> points = genome(2000, 1);
        ChartFiles.writePng(ManhattanPlot.create(points, 5e-8, "Manhattan preview"), Path.of("target/plots-preview/manhattan.png"), 1400, 500);
        ChartFiles.writePng(QqPlot.create(points.stream().mapToDouble(AssociationPoint::negLog10P).toArray(), 1.01, "QQ preview"),
                Path.of("target/plots-preview/qq.png"), 600, 600);
    }
}
