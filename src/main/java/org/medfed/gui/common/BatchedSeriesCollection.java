package org.medfed.gui.common;

import org.jfree.data.xy.XYSeriesCollection;

/**
 * A collection of chart series that tells its chart once per batch of changes instead of once per series: each
 * notice makes the chart's axes scan every series, so a study of a thousand hospitals adding its thousand lines (or
 * a point to each) one notice at a time scanned a million series on the FX thread before the window could show.
 */
public final class BatchedSeriesCollection extends XYSeriesCollection {

    private boolean batching;

    /** Runs {@code changes} (adding, clearing or filling series) and tells the chart once at the end. */
    public void batch(Runnable changes) {
        batching = true;
        try {
            changes.run();
        } finally {
            batching = false;
        }
        fireDatasetChanged();
    }

    @Override
    protected void fireDatasetChanged() {
        if (!batching) {
            super.fireDatasetChanged();
        }
    }
}
