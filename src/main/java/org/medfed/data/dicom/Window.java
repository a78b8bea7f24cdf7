package org.medfed.data.dicom;

/**
 * A VOI window (centre and width, in modality units) and the DICOM linear function that maps values into
 * it (PS3.3 C.11.2.1.2.1): values at or below {@code c - 0.5 - (w-1)/2} are black, above
 * {@code c - 0.5 + (w-1)/2} white, linear in between.
 *
 * @param center window centre (WindowCenter)
 * @param width window width (WindowWidth), at least 1
 */
public record Window(double center, double width) {

    public Window {
        if (!(width >= 1) || !Double.isFinite(center) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("a window needs a finite centre and a width of at least 1, got "
                    + center + " / " + width);
        }
    }

    /** The window whose linear function maps {@code min} to black and {@code max} to white. */
    public static Window minMax(double min, double max) {
        if (max <= min) {
            return new Window(min + 0.5, 1);
        }
        return new Window((min + max + 1) / 2, max - min + 1);
    }

    /** The window from the lowest to the highest of the first {@code count} values. */
    public static Window spanning(float[] values, int count) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        return minMax(min, max);
    }

    /** Position of a value in the window, 0 (black) to 1 (white). */
    public double unit(double x) {
        double low = center - 0.5 - (width - 1) / 2;
        double high = center - 0.5 + (width - 1) / 2;
        if (x <= low) {
            return 0;
        }
        if (x > high) {
            return 1;
        }
        return (x - (center - 0.5)) / (width - 1) + 0.5;
    }

    /** The grey level 0..255 of a value. */
    public int grey(double x) {
        return (int) Math.round(unit(x) * 255);
    }

    @Override
    public String toString() {
        return "centre " + fmt(center) + ", width " + fmt(width);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
