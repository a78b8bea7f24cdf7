package org.medfed.data.dicom;

import java.util.Arrays;

/**
 * The samples of one JPEG-LS scan, decoded in the order its interleave mode gives, each in regular or run mode
 * as its neighbourhood decides, and written into the frame's samples (interleaved per pixel). The context
 * variables are fresh for each scan (T.87 A.2.1).
 */
final class JpegLsScan {

    private final int width;
    private final int height;
    private final int componentCount;
    private final int[] samples;
    private final int near;
    private final JpegLsRegularMode regular;
    private final JpegLsRunMode run;

    /** A scan of the frame {@code samples} belongs to ({@code componentCount} components in all). */
    JpegLsScan(int width, int height, int componentCount, int[] samples, JpegLsCodingParameters p,
            JpegLsBitReader bits, FrameErrors errors) {
        this.width = width;
        this.height = height;
        this.componentCount = componentCount;
        this.samples = samples;
        this.near = p.near();
        this.regular = new JpegLsRegularMode(p, bits);
        this.run = new JpegLsRunMode(p, bits, errors);
    }

    /**
     * The lines of the scan's components: for each line, each component's line in turn (one component in mode
     * 0). Each component keeps its own previous line and run index; the context variables are the scan's.
     */
    void decodeLines(int[] comps) {
        int ns = comps.length;
        // one sample of padding on each side: Rc of a line's first sample and Rd of its last (T.87 A.2.1)
        int[][] previous = new int[ns][width + 2];
        int[][] current = new int[ns][width + 2];
        int[] runIndexes = new int[ns]; // one per component in line-interleaved scans
        for (int y = 0; y < height; y++) {
            for (int s = 0; s < ns; s++) {
                int[] prev = previous[s];
                int[] cur = current[s];
                cur[0] = prev[1];
                prev[width + 1] = prev[width];
                run.setRunIndex(runIndexes[s]);
                decodeLine(prev, cur);
                runIndexes[s] = run.runIndex();
                int comp = comps[s];
                int base = y * width * componentCount + comp;
                for (int x = 0; x < width; x++) {
                    samples[base + x * componentCount] = cur[x + 1];
                }
                previous[s] = cur;
                current[s] = prev;
            }
        }
    }

    /**
     * A sample-interleaved scan (mode 2): each pixel's components in turn. A pixel whose components are all flat
     * around it starts a run of whole pixels; a run's interruption codes each component against the sample above
     * it, in the first run-interruption context (T.87 A.7, as CharLS, which DCMTK uses, does).
     */
    void decodePixels(int[] comps) {
        int ns = comps.length;
        int[][] previous = new int[ns][width + 2];
        int[][] current = new int[ns][width + 2];
        int[][] d = new int[ns][3];
        run.setRunIndex(0);
        for (int y = 0; y < height; y++) {
            for (int s = 0; s < ns; s++) {
                current[s][0] = previous[s][1];
                previous[s][width + 1] = previous[s][width];
            }
            int x = 1;
            while (x <= width) {
                boolean flat = true;
                for (int s = 0; s < ns; s++) {
                    int[] prev = previous[s];
                    d[s][0] = prev[x + 1] - prev[x];
                    d[s][1] = prev[x] - prev[x - 1];
                    d[s][2] = prev[x - 1] - current[s][x - 1];
                    flat &= Math.abs(d[s][0]) <= near && Math.abs(d[s][1]) <= near && Math.abs(d[s][2]) <= near;
                }
                if (!flat) {
                    for (int s = 0; s < ns; s++) {
                        current[s][x] = regular.decode(current[s][x - 1], previous[s][x], previous[s][x - 1],
                                d[s][0], d[s][1], d[s][2]);
                    }
                    x++;
                    continue;
                }
                int left = width - x + 1;
                int count = run.runLength(left);
                for (int s = 0; s < ns; s++) {
                    Arrays.fill(current[s], x, x + count, current[s][x - 1]);
                }
                x += count;
                if (count == left) {
                    break;
                }
                for (int s = 0; s < ns; s++) {
                    current[s][x] = run.interruption(current[s][x - 1], previous[s][x], 0);
                }
                run.lowerRunIndex();
                x++;
            }
            for (int s = 0; s < ns; s++) {
                int base = y * width * componentCount + comps[s];
                for (int i = 0; i < width; i++) {
                    samples[base + i * componentCount] = current[s][i + 1];
                }
                int[] swap = previous[s];
                previous[s] = current[s];
                current[s] = swap;
            }
        }
    }

    /** One line; {@code prev} and {@code cur} hold samples at 1..width. */
    private void decodeLine(int[] prev, int[] cur) {
        int x = 1;
        while (x <= width) {
            int ra = cur[x - 1];
            int rb = prev[x];
            int rc = prev[x - 1];
            int rd = prev[x + 1];
            int d1 = rd - rb;
            int d2 = rb - rc;
            int d3 = rc - ra;
            if (Math.abs(d1) <= near && Math.abs(d2) <= near && Math.abs(d3) <= near) {
                // run mode (T.87 A.7): a run of Ra, then perhaps an interruption sample
                int left = width - x + 1;
                int count = run.runLength(left);
                Arrays.fill(cur, x, x + count, ra);
                x += count;
                if (count == left) {
                    break;
                }
                cur[x] = run.interruption(ra, prev[x], Math.abs(ra - prev[x]) <= near ? 1 : 0);
                run.lowerRunIndex();
                x++;
            } else {
                cur[x] = regular.decode(ra, rb, rc, d1, d2, d3);
                x++;
            }
        }
    }
}
