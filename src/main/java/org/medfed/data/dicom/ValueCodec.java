package org.medfed.data.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Bytes to numbers and text as DICOM stores them, in either byte order. */
final class ValueCodec {

    private ValueCodec() {
    }

    static int u16(byte[] b, int off, boolean be) {
        return be ? ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF) : (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8);
    }

    static int s32(byte[] b, int off, boolean be) {
        if (be) {
            return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
        }
        return (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8) | ((b[off + 2] & 0xFF) << 16) | ((b[off + 3] & 0xFF) << 24);
    }

    static long s64(byte[] b, int off, boolean be) {
        long hi = s32(b, be ? off : off + 4, be) & 0xFFFFFFFFL;
        long lo = s32(b, be ? off + 4 : off, be) & 0xFFFFFFFFL;
        return (hi << 32) | lo;
    }

    static void putU16(byte[] b, int off, int v, boolean be) {
        if (be) {
            b[off] = (byte) (v >>> 8);
            b[off + 1] = (byte) v;
        } else {
            b[off] = (byte) v;
            b[off + 1] = (byte) (v >>> 8);
        }
    }

    static void putS32(byte[] b, int off, int v, boolean be) {
        if (be) {
            putU16(b, off, v >>> 16, true);
            putU16(b, off + 2, v, true);
        } else {
            putU16(b, off, v, false);
            putU16(b, off + 2, v >>> 16, false);
        }
    }

    /** Text VRs whose bytes follow Specific Character Set; the others are plain ASCII (PS3.5 6.1.2.3). */
    static boolean usesSpecificCharacterSet(Vr vr) {
        return switch (vr) {
            case SH, LO, ST, LT, PN, UC, UT -> true;
            default -> false;
        };
    }

    /**
     * The Java charset of a (0008,0005) defined term. Code extension (ISO 2022) sets fall back to Latin-1,
     * which keeps ASCII readable and never fails.
     */
    static Charset charsetOf(String term) {
        if (term == null || term.isBlank()) {
            return StandardCharsets.ISO_8859_1;
        }
        String t = term.trim().toUpperCase(Locale.ROOT).replace("ISO 2022 ", "");
        try {
            return switch (t) {
                case "ISO_IR 192" -> StandardCharsets.UTF_8;
                case "ISO_IR 101", "IR 101" -> Charset.forName("ISO-8859-2");
                case "ISO_IR 109", "IR 109" -> Charset.forName("ISO-8859-3");
                case "ISO_IR 110", "IR 110" -> Charset.forName("ISO-8859-4");
                case "ISO_IR 144", "IR 144" -> Charset.forName("ISO-8859-5");
                case "ISO_IR 127", "IR 127" -> Charset.forName("ISO-8859-6");
                case "ISO_IR 126", "IR 126" -> Charset.forName("ISO-8859-7");
                case "ISO_IR 138", "IR 138" -> Charset.forName("ISO-8859-8");
                case "ISO_IR 148", "IR 148" -> Charset.forName("ISO-8859-9");
                case "GB18030", "GBK" -> Charset.forName("GB18030");
                default -> StandardCharsets.ISO_8859_1;
            };
        } catch (IllegalArgumentException unsupportedOnThisJvm) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    /**
     * Text of a value with the padding DICOM allows removed: trailing spaces and NULs always; leading
     * spaces too, except for the texts where they are significant (LT, ST, UT).
     */
    static String text(byte[] value, Vr vr, Charset charset) {
        Charset cs = usesSpecificCharacterSet(vr) ? charset : StandardCharsets.ISO_8859_1;
        String s = new String(value, cs);
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        if (vr != Vr.LT && vr != Vr.ST && vr != Vr.UT) {
            while (start < end && s.charAt(start) == ' ') {
                start++;
            }
        }
        return s.substring(start, end);
    }
}
