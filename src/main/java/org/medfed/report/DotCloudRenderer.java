package org.medfed.report;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.BitSet;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;

/**
 * Square dots for plots of many thousands of points. A dot whose place on screen (to within half a dot) already
 * holds one is not drawn again: in a Manhattan or QQ plot of 100,000 variants most points crowd the bottom rows and
 * would be painted over each other, so skipping them changes no pixel that matters and saves most of the drawing.
 * No chart entity is made per point (clicks are resolved from the data, see {@link ManhattanLayout#nearest}). The
 * workbench's plots and the study's PNG files both draw with it.
 */
public final class DotCloudRenderer extends AbstractXYItemRenderer {

    private static final long serialVersionUID = 1L;

    private final int size;
    private final int cell;
    private transient BitSet painted;
    private transient int columns;

    /** Dots {@code size} pixels wide. */
    public DotCloudRenderer(int size) {
        this.size = size;
        this.cell = Math.max(1, size / 2);
        setDefaultCreateEntities(false);
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset dataset,
            PlotRenderingInfo info) {
        // one drawing pass of the plot: forget what the previous pass painted
        columns = (int) Math.ceil(dataArea.getWidth() / cell) + 1;
        int rows = (int) Math.ceil(dataArea.getHeight() / cell) + 1;
        painted = new BitSet(columns * rows);
        return super.initialise(g2, dataArea, plot, dataset, info);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
            XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
            CrosshairState crosshairState, int pass) {
        double x = dataset.getXValue(series, item);
        double y = dataset.getYValue(series, item);
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return;
        }
        double tx = domainAxis.valueToJava2D(x, dataArea, plot.getDomainAxisEdge());
        double ty = rangeAxis.valueToJava2D(y, dataArea, plot.getRangeAxisEdge());
        if (!dataArea.contains(tx, ty)) {
            return; // outside a zoomed-in view
        }
        int at = (int) ((ty - dataArea.getY()) / cell) * columns + (int) ((tx - dataArea.getX()) / cell);
        if (painted.get(at)) {
            return;
        }
        painted.set(at);
        Paint paint = getItemPaint(series, item);
        if (g2.getPaint() != paint) {
            g2.setPaint(paint);
        }
        g2.fill(new Rectangle2D.Double(tx - size / 2.0, ty - size / 2.0, size, size));
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof DotCloudRenderer other && other.size == size && super.equals(obj);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + size;
    }
}
