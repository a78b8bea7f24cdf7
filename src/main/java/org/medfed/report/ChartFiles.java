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
        writePng(draw(chart, width, height), file);
    }

    /** Writes a picture {@linkplain #draw drawn} before, atomically, creating folders. */
    public static void writePng(BufferedImage image, Path file) {
        try {
            AtomicFiles.write(file, png(image));
        } catch (IOException e) {
            throw FileProblem.of(file, "the chart could not be written", e);
        }
    }

    /**
     * The chart drawn over white, in three channels rather than four: a chart has nothing to see through, and a
     * fourth channel is a third more bytes to filter and compress. A chart on screen belongs to the FX thread, so the
     * workbench draws it there, where nothing changes it meanwhile, and leaves only the encoding to a background task.
     */
    public static BufferedImage draw(JFreeChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), null, null);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
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
