package org.medfed.data.csv;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One column of a {@link CsvTable}, each value read once. A plain decimal ({@code 12}, {@code -0.125}: at most
 * {@value #MAX_DIGITS} digits, no exponent, no sign but minus, no leading zero) is kept as its value and its number
 * of decimals, from which its text is written back exactly when asked: 9 bytes instead of a 50-byte string, so a
 * million-row table of measurements fits in a few hundred MB, and nobody parses it again. Other values keep their
 * text (the same text object for repeated categories); those that still look numeric ({@code 1e3}, {@code inf})
 * have their value too.
 */
final class CsvColumn {

    /** 15 digits: any such integer is exact in a double, so value / 10^decimals is correctly rounded. */
    static final int MAX_DIGITS = 15;
    private static final byte MISSING = -1;
    private static final byte TEXT = -2;
    private static final byte NUMERIC_TEXT = -3;
    private static final double[] POWERS_OF_TEN = new double[MAX_DIGITS + 1];
    /** The packing of {@link #plainDecimal}: decimals in the low 4 bits, the minus in the fifth. */
    static final long DECIMALS = 15;
    private static final long MINUS = 16;
    private static final int DIGITS_SHIFT = 5;
    /** Distinct texts shared per column; beyond this many a column is free text and each keeps its own. */
    private static final int MAX_SHARED_TEXTS = 4096;

    static {
        double p = 1;
        for (int i = 0; i <= MAX_DIGITS; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    /** Values live in blocks of this many: a growing table never copies them, and no block is a huge object. */
    private static final int BLOCK_BITS = 13;
    private static final int BLOCK = 1 << BLOCK_BITS;
    private static final int IN_BLOCK = BLOCK - 1;

    private double[][] numbers = new double[16][];
    private byte[][] kinds = new byte[16][];
    private String[][] texts = new String[16][];
    private Map<String, Text> shared = new HashMap<>();
    private int first;
    private int size;

    void add(String value) {
        int r = size++;
        int b = r >>> BLOCK_BITS;
        if (b == kinds.length) {
            numbers = Arrays.copyOf(numbers, b * 2);
            kinds = Arrays.copyOf(kinds, b * 2);
            texts = Arrays.copyOf(texts, b * 2);
        }
        int i = r & IN_BLOCK;
        if (kinds[b] == null || i == kinds[b].length) {
            // the first block grows from a few values, so that a short table of many columns stays small
            int length = b > 0 ? BLOCK : Math.max(16, i * 2);
            numbers[b] = numbers[b] == null ? new double[length] : Arrays.copyOf(numbers[b], length);
            kinds[b] = kinds[b] == null ? new byte[length] : Arrays.copyOf(kinds[b], length);
            if (texts[b] != null) {
                texts[b] = Arrays.copyOf(texts[b], length);
            }
        }
        if (value == null) {
            kinds[b][i] = MISSING;
            numbers[b][i] = Double.NaN;
            return;
        }
        long plain = plainDecimal(value);
        if (plain >= 0) {
            int decimals = (int) (plain & DECIMALS);
            // both exact in a double, so the one division is correctly rounded, as Double.parseDouble is
            double v = (plain >>> DIGITS_SHIFT) / POWERS_OF_TEN[decimals];
            kinds[b][i] = (byte) decimals;
            numbers[b][i] = (plain & MINUS) != 0 ? -v : v;
            return;
        }
        if (texts[b] == null) {
            texts[b] = new String[kinds[b].length];
        }
        Text text = text(value);
        texts[b][i] = text.text();
        kinds[b][i] = text.kind();
        numbers[b][i] = text.number();
    }

    /** A text as read, with whether it looks numeric and its value: worked out once per distinct shared text. */
    private record Text(String text, byte kind, double number) {
    }

    private Text text(String value) {
        Text known = shared == null ? null : shared.get(value);
        if (known != null) {
            return known;
        }
        boolean numeric = CsvNumber.looksNumeric(value);
        Text text = new Text(value, numeric ? NUMERIC_TEXT : TEXT, numeric ? CsvNumber.anyValue(value) : Double.NaN);
        if (shared != null) {
            shared.put(value, text);
            if (shared.size() > MAX_SHARED_TEXTS) {
                shared = null;
            }
        }
        return text;
    }

    /** No more rows; with {@code skipFirst} the first row is left out (a header after all). */
    CsvColumn finish(boolean skipFirst) {
        first = skipFirst ? 1 : 0;
        shared = null;
        return this;
    }

    int size() {
        return size - first;
    }

    /** Where row {@code row} is stored, counting the dropped header; refuses a row the table does not have. */
    private int at(int row) {
        int r = row + first;
        if (row < 0 || r >= size) {
            throw new IndexOutOfBoundsException("row " + row + " of " + size());
        }
        return r;
    }

    private byte kind(int row) {
        int r = at(row);
        return kinds[r >>> BLOCK_BITS][r & IN_BLOCK];
    }

    /** The text as read (trimmed, null when missing). */
    String text(int row) {
        int r = at(row);
        byte kind = kinds[r >>> BLOCK_BITS][r & IN_BLOCK];
        if (kind == MISSING) {
            return null;
        }
        if (kind < 0) {
            return texts[r >>> BLOCK_BITS][r & IN_BLOCK];
        }
        return plainText(numbers[r >>> BLOCK_BITS][r & IN_BLOCK], kind);
    }

    boolean isMissing(int row) {
        return kind(row) == MISSING;
    }

    /** The value of a text written as a number (as {@link CsvNumber#anyValue}); NaN when missing or text. */
    double number(int row) {
        int r = at(row);
        return numbers[r >>> BLOCK_BITS][r & IN_BLOCK];
    }

    /** Whether the value is written as a number ({@link CsvNumber#looksNumeric}). */
    boolean looksNumeric(int row) {
        byte kind = kind(row);
        return kind >= 0 || kind == NUMERIC_TEXT;
    }

    /**
     * What is wrong with the value as a number for training ({@link CsvNumber#problem}), null when it is fine or
     * missing. A plain decimal is always fine: at most 15 digits is finite and below 1e15.
     */
    String numberProblem(int row, String column) {
        byte kind = kind(row);
        return kind >= 0 || kind == MISSING ? null : CsvNumber.problem(column, text(row));
    }

    /**
     * A plain decimal, read in one pass: an optional minus, digits without a leading zero (a single 0 before the
     * point is fine), an optional point followed by digits, {@value #MAX_DIGITS} digits at most. Packed as its digits
     * (as an integer, point removed) shifted by {@value #DIGITS_SHIFT}, the minus and the number of decimals; -1 when
     * {@code s} is not one.
     */
    static long plainDecimal(String s) {
        int n = s.length();
        boolean negative = n > 0 && s.charAt(0) == '-';
        int i = negative ? 1 : 0;
        int start = i;
        long digits = 0;
        char ch = 0;
        while (i < n && (ch = s.charAt(i)) >= '0' && ch <= '9') {
            digits = digits * 10 + (ch - '0');
            i++;
        }
        int integerDigits = i - start;
        if (integerDigits == 0 || integerDigits > MAX_DIGITS || integerDigits > 1 && s.charAt(start) == '0') {
            return -1;
        }
        int decimals = 0;
        if (i < n) {
            if (ch != '.' || i == n - 1) {
                return -1;
            }
            int point = i++;
            while (i < n && (ch = s.charAt(i)) >= '0' && ch <= '9') {
                digits = digits * 10 + (ch - '0');
                i++;
            }
            decimals = i - point - 1;
            if (i < n || integerDigits + decimals > MAX_DIGITS) {
                return -1;
            }
        }
        return digits << DIGITS_SHIFT | (negative ? MINUS : 0) | decimals;
    }

    /** The text of a plain decimal from its value and number of decimals. */
    static String plainText(double value, int decimals) {
        long digits = Math.round(Math.abs(value) * POWERS_OF_TEN[decimals]);
        boolean negative = value < 0 || value == 0 && 1 / value < 0;
        if (decimals == 0 && !negative) {
            return CsvNumber.wholeNumber(digits);
        }
        String d = Long.toString(digits);
        StringBuilder sb = new StringBuilder(d.length() + 3);
        if (negative) {
            sb.append('-');
        }
        if (decimals == 0) {
            return sb.append(d).toString();
        }
        if (d.length() <= decimals) {
            sb.append("0.");
            sb.append("0".repeat(decimals - d.length()));
            return sb.append(d).toString();
        }
        return sb.append(d, 0, d.length() - decimals).append('.').append(d, d.length() - decimals, d.length())
                .toString();
    }
}
