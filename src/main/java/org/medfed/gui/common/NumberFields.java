package org.medfed.gui.common;

import java.util.Locale;

/**
 * Reading numbers typed into forms. People type "0,05" as often as "0.05"; both mean the same here, and the
 * messages say what was expected rather than quoting a parser.
 */
public final class NumberFields {

    private NumberFields() {
    }

    /** The number typed, or NaN when it is not one. */
    public static double parseDouble(String text) {
        if (text == null) {
            return Double.NaN;
        }
        String t = text.trim().replace(',', '.');
        if (t.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The whole number typed, or null when it is not one. */
    public static Long parseLong(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number as a form shows it: no trailing zeros, no exponent for everyday values. */
    public static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) >= 1e-4 && Math.abs(v) < 1e6) {
            String s = String.format(Locale.ROOT, "%.8f", v);
            int end = s.length(); // trailing zeros and a bare point cut without a regular expression per call
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            return s.substring(0, s.charAt(end - 1) == '.' ? end - 1 : end);
        }
        return String.format(Locale.ROOT, "%s", v);
    }

    /** A metric for tables: three decimals, a dash when absent. */
    public static String metric(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }
}
