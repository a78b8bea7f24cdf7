package org.medfed.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * The x axis of a Manhattan plot: positions run on end to end across chromosomes, so instead of numbers the
 * axis shows each chromosome's name at the middle of its stretch (of the chromosomes in view, when zoomed).
 */
public final class ChromosomeAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;
    /** Pixels a label needs; below that, only every other chromosome is named (the small ones crowd). */
    private static final double LABEL_PIXELS = 20;

    private final double[] centres;
    private final String[] names;

    public ChromosomeAxis(double[] centres, String[] names) {
        super("Chromosome");
        this.centres = centres.clone();
        this.names = names.clone();
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        List ticks = new ArrayList();
        int visible = 0;
        for (double c : centres) {
            visible += getRange().contains(c) ? 1 : 0;
        }
        int step = visible * LABEL_PIXELS > dataArea.getWidth() ? 2 : 1;
        for (int i = 0; i < centres.length; i += step) {
            if (getRange().contains(centres[i])) {
                ticks.add(new NumberTick(centres[i], names[i], TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
            }
        }
        return ticks;
    }

    @Override
    public boolean equals(Object obj) {
        return super.equals(obj) && obj instanceof ChromosomeAxis other
                && java.util.Arrays.equals(centres, other.centres) && java.util.Arrays.equals(names, other.names);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
