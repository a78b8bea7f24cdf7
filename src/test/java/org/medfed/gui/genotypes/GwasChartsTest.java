package org.medfed.gui.genotypes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.junit.jupiter.api.Test;
import org.medfed.report.AssociationPoint;
import org.medfed.report.ManhattanLayout;
import org.medfed.report.ManhattanPlot;

class GwasChartsTest {

    @Test
    void pickingAVariantKeepsTheHitsLabelsAndRingsOnlyTheLastPick() {
        List<AssociationPoint> points = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            points.add(new AssociationPoint("chr" + (1 + i % 22), 1_000L * (i + 1), "rs" + i, 0.01 * i));
        }
        points.add(new AssociationPoint("chr3", 5_000_000, "rs_hit", 12));
        points.add(new AssociationPoint("chr9", 7_000_000, "rs_other_hit", 9));
        ManhattanLayout layout = ManhattanLayout.of(points, AssociationPoint::chromosome, AssociationPoint::position,
                AssociationPoint::negLog10P, p -> true);
        JFreeChart chart = ManhattanPlot.create(layout, row -> points.get(row).label(), 5e-8, "picks");
        assertThat(texts(chart)).containsExactlyInAnyOrder("rs_hit", "rs_other_hit");

        GwasCharts.highlight(chart, layout, 3, "rs3");
        GwasCharts.highlight(chart, layout, 5, "rs5");
        assertThat(texts(chart)).containsExactlyInAnyOrder("rs_hit", "rs_other_hit", "  rs5");
        assertThat(chart.getXYPlot().getAnnotations()).hasSize(4);

        GwasCharts.highlight(chart, layout, -1, "");
        assertThat(texts(chart)).containsExactlyInAnyOrder("rs_hit", "rs_other_hit");
        assertThat(chart.getXYPlot().getAnnotations()).hasSize(2);
    }

    private static List<String> texts(JFreeChart chart) {
        return chart.getXYPlot().getAnnotations().stream().filter(a -> a instanceof XYTextAnnotation)
                .map(a -> ((XYTextAnnotation) a).getText()).toList();
    }
}
