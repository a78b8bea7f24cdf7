package org.medfed.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jfree.chart.JFreeChart;
import org.medfed.io.AtomicFiles;
import org.medfed.io.FileProblem;

/** Writes charts as PNG files. */
public final class ChartFiles {

    /**
     * ImageIO's PNG compression quality for deflate's fastest level, 1 (ImageIO takes 9 - round(9 x quality)). A chart is
     * flat colour, so the fastest level makes a file about a tenth larger than ImageIO's default level 4, in about
     * two thirds of the time: the default took longer than drawing a 100,000-point Manhattan plot.
     */
    private static final float FASTEST_DEFLATE = 8f / 9;

    private ChartFiles() {
    }

    /** Writes {@code chart} to {@code file} as a PNG of the given size in pixels, atomically, creating folders. */
    public static void writePng(JFreeChart chart, Path file, int width, int height) {
        try {
            AtomicFiles.write(file, png(chart, width, height));
        } catch (IOException e) {
            throw FileProblem.of(file, "the chart could not be written", e);
        }
    }

    /**
     * The chart as an opaque PNG: drawn over white in three channels rather than four, since a chart has nothing
     * to see through and a fourth channel is a third more bytes to filter and compress.
     */
    static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), null, null);
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(png)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(FASTEST_DEFLATE);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return png.toByteArray();
    }
}
