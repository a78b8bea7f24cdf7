package org.medfed.data.image;

import org.medfed.data.dicom.Window;

/**
 * How raw values are brought into [0, 1] before anything else: not at all, through each file's own window
 * (falling back to its min/max), or through one fixed window that every hospital uses.
 *
 * @param mode which of the three
 * @param window the fixed window (FIXED only)
 */
public record Windowing(Mode mode, Window window) {

    public enum Mode { NONE, FROM_FILE, FIXED }

    public Windowing {
        if ((mode == Mode.FIXED) != (window != null)) {
            throw new IllegalArgumentException("a window is given exactly when the mode is FIXED");
        }
    }

    public static Windowing none() {
        return new Windowing(Mode.NONE, null);
    }

    public static Windowing fromFile() {
        return new Windowing(Mode.FROM_FILE, null);
    }

    public static Windowing fixed(Window window) {
        return new Windowing(Mode.FIXED, window);
    }

    /** The values mapped through the window chosen for this image (a new array); NONE returns the input. */
    float[] apply(RawImage image) {
        Window w = switch (mode) {
            case NONE -> null;
            case FIXED -> window;
            case FROM_FILE -> image.window() != null ? image.window()
                    : Window.spanning(image.data(), image.data().length);
        };
        if (w == null) {
            return image.data();
        }
        float[] out = new float[image.data().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) w.unit(image.data()[i]);
        }
        return out;
    }
}
