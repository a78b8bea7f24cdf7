package org.medfed.gui.genotypes;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;
import org.medfed.report.ManhattanLayout;
import org.medfed.report.ManhattanPlot;

/**
 * What the workbench adds to the association study's Manhattan plot ({@link ManhattanPlot}, the same chart the study
 * writes to its file): the variant a person picked, ringed and named.
 */
final class GwasCharts {

    private GwasCharts() {
    }

    /** Rings the chosen variant on the Manhattan plot and names it (-1 clears); the hits' own labels stay. */
    static void highlight(JFreeChart chart, ManhattanLayout layout, int point, String label) {
        XYPlot plot = chart.getXYPlot();
        // one redraw for the whole change, not one per annotation (a redraw of 100,000 points is not free)
        chart.setNotify(false);
        try {
            for (XYAnnotation a : plot.getAnnotations()) {
                if (a instanceof Ring || a instanceof RingLabel) {
                    plot.removeAnnotation(a, false);
                }
            }
            if (point >= 0) {
                ring(plot, layout, point, label);
            }
        } finally {
            chart.setNotify(true);
        }
    }

    private static void ring(XYPlot plot, ManhattanLayout layout, int point, String label) {
        double px = layout.x(point);
        double py = layout.y(point);
        // sized as a share of the ranges shown when the variant is chosen, so that it is visible at any zoom
        double w = (plot.getDomainAxis().getRange().getLength()) / 120;
        double h = (plot.getRangeAxis().getRange().getLength()) / 40;
        plot.addAnnotation(new Ring(new Ellipse2D.Double(px - w / 2, py - h / 2, w, h)), false);
        plot.addAnnotation(new RingLabel("  " + label, px, py), false);
    }

    /** The picked variant's ring: its own type, so that a new pick removes it and not the hits' labels. */
    private static final class Ring extends XYShapeAnnotation {
        private static final long serialVersionUID = 1L;

        Ring(Shape shape) {
            super(shape, new BasicStroke(2f), ManhattanPlot.LINE);
        }
    }

    private static final class RingLabel extends XYTextAnnotation {
        private static final long serialVersionUID = 1L;

        RingLabel(String text, double x, double y) {
            super(text, x, y);
            setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            setTextAnchor(TextAnchor.CENTER_LEFT);
            setPaint(Color.BLACK);
        }
    }
}
