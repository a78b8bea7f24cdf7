package org.medfed.data.csv;

/**
 * What a number in a data file may be: written in decimal ({@code 12}, {@code -0.5}, {@code 1.2e3}), finite, of at
 * most {@value #MAX_MAGNITUDE_TEXT} in size and at most {@value #MAX_LENGTH} characters long. {@code Infinity},
 * {@code NaN}, {@code 1e309} (which Java reads as infinity), {@code -1e400} or a 400-digit number are refused where
 * they are read, with the file, line and column, instead of reaching training and making every hospital "diverge".
 * Hexadecimal and Java's {@code 1d}/{@code 1f} suffixes are not numbers here.
 */
public final class CsvNumber {

    /** Largest magnitude allowed; values beyond it are no measurement and lose all precision as model inputs. */
    public static final double MAX_MAGNITUDE = 1e15;
    static final String MAX_MAGNITUDE_TEXT = "1e15";
    /** Longest text read as a number. */
    public static final int MAX_LENGTH = 40;

    /** The texts of 0 to 1023, made once: codes, counts and class labels are mostly small whole numbers. */
    private static final String[] SMALL_WHOLE_NUMBERS = new String[1024];

    static {
        for (int i = 0; i < SMALL_WHOLE_NUMBERS.length; i++) {
            SMALL_WHOLE_NUMBERS[i] = Integer.toString(i);
        }
    }

    private CsvNumber() {
    }

    /** {@link Long#toString(long)}, without making a new string for a small whole number. */
    public static String wholeNumber(long value) {
        return value >= 0 && value < SMALL_WHOLE_NUMBERS.length ? SMALL_WHOLE_NUMBERS[(int) value]
                : Long.toString(value);
    }

    /**
     * Whether {@code text} is written as a number (decimal, or one of infinity and NaN, which {@link #parse} then
     * refuses in words), so that a column of numbers with one {@code 1e309} is a numeric column with a bad value,
     * not a text column.
     */
    public static boolean looksNumeric(String text) {
        if (text == null) {
            return false;
        }
        String s = text.trim();
        if (s.isEmpty()) {
            return false;
        }
        String unsigned = s.charAt(0) == '+' || s.charAt(0) == '-' ? s.substring(1) : s;
        if (unsigned.equalsIgnoreCase("infinity") || unsigned.equalsIgnoreCase("inf")
                || unsigned.equalsIgnoreCase("nan")) {
            return true;
        }
        return isDecimal(unsigned);
    }

    /**
     * {@code 3,5} as {@code 3.5} when that makes a number (a European spreadsheet's decimal comma); any other text as
     * it is: a number already, words, or {@code 1.234,5} and {@code 1,2,3}, which are no decimal-comma number.
     */
    public static String withDecimalPoint(String text) {
        int comma = text.indexOf(',');
        if (comma < 0 || comma != text.lastIndexOf(',') || text.indexOf('.') >= 0) {
            return text;
        }
        String pointed = text.replace(',', '.');
        return looksNumeric(pointed) ? pointed : text;
    }

    /** Whether {@code text} is a number written with a decimal comma ({@code 63,5}), which a point would make one. */
    public static boolean writtenWithDecimalComma(String text) {
        return text != null && text.indexOf(',') >= 0 && !withDecimalPoint(text.trim()).equals(text.trim());
    }

    /** A plain decimal without sign: digits, an optional point, an optional exponent. */
    private static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    /**
     * The value of a text that {@link #looksNumeric} accepts, whatever it is: "inf", "-INFINITY" and "nan" in any
     * case too, which {@link Double#parseDouble} refuses. For profiling and ordering what a file holds; reading a
     * value for training goes through {@link #parse}, which refuses those in words.
     */
    public static double anyValue(String text) {
        String s = text.trim();
        boolean negative = s.startsWith("-");
        String unsigned = s.startsWith("+") || negative ? s.substring(1) : s;
        if (unsigned.equalsIgnoreCase("infinity") || unsigned.equalsIgnoreCase("inf")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }

    /**
     * The value of {@code text}, or a {@link NumberFormatException} whose message says what is wrong in words
     * ("is not finite", "is larger than 1e15"), for the caller to place in its file, line and column.
     */
    public static double parse(String text) {
        if (!looksNumeric(text)) {
            throw new NumberFormatException("expected a number");
        }
        String s = text.trim();
        if (s.length() > MAX_LENGTH) {
            throw new NumberFormatException("is " + s.length() + " characters long; a number may have at most "
                    + MAX_LENGTH);
        }
        double v = anyValue(s);
        if (!Double.isFinite(v)) {
            throw new NumberFormatException("is not a finite number");
        }
        if (Math.abs(v) > MAX_MAGNITUDE) {
            throw new NumberFormatException("is beyond the allowed range -" + MAX_MAGNITUDE_TEXT + " to "
                    + MAX_MAGNITUDE_TEXT);
        }
        return v;
    }

    /** {@link #parse} as a problem text ("column 'bp' is '1e309', not a finite number ..."), or null when valid. */
    public static String problem(String column, String text) {
        try {
            parse(text);
            return null;
        } catch (NumberFormatException e) {
            return "column '" + column + "' is '" + shorten(text) + "', " + (e.getMessage().startsWith("expected")
                    ? e.getMessage() : "which " + e.getMessage() + "; expected a finite number from -"
                    + MAX_MAGNITUDE_TEXT + " to " + MAX_MAGNITUDE_TEXT);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 48 ? text : text.substring(0, 20) + "..." + text.substring(text.length() - 10)
                + " (" + text.length() + " characters)";
    }
}
