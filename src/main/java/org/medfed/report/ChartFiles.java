package org.medfed.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.medfed.io.AtomicFiles;
import org.medfed.io.FileProblem;

/** Writes charts as PNG files. */
public final class ChartFiles {

    private ChartFiles() {
    }

    /** Writes {@code chart} to {@code file} as a PNG of the given size in pixels, atomically, creating folders. */
    public static void writePng(JFreeChart chart, Path file, int width, int height) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(png, chart, width, height);
            AtomicFiles.write(file, png.toByteArray());
        } catch (IOException e) {
            throw FileProblem.of(file, "the chart could not be written", e);
        }
    }
}
