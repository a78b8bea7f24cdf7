package org.medfed.data.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.BadInputException;

/**
 * An immutable DICOM dataset (or sequence item): elements in ascending tag order with typed getters.
 *
 * <p>Getters return null (or the given default) for an absent or empty attribute, and throw a
 * {@link BadInputException} naming the file and tag when a value is present but malformed, such as an IS
 * "1A", so that a clinician learns which attribute of which file is wrong.
 */
public final class DicomObject {

    private final Path source;
    private final Map<Integer, DicomElement> elements;
    private final Charset charset;

    private DicomObject(Path source, Map<Integer, DicomElement> elements, Charset inherited) {
        this.source = source;
        this.elements = Collections.unmodifiableMap(elements);
        DicomElement cs = elements.get(Tag.SpecificCharacterSet);
        this.charset = cs == null || cs.value() == null ? inherited
                : ValueCodec.charsetOf(ValueCodec.text(cs.value(), Vr.CS, StandardCharsets.ISO_8859_1)
                        .split("\\\\", -1)[0]);
    }

    public static Builder builder() {
        return new Builder(null, StandardCharsets.ISO_8859_1);
    }

    static Builder builder(Path source, Charset inherited) {
        return new Builder(source, inherited);
    }

    /** The file this dataset was read from, or null when built in memory. */
    public Path source() {
        return source;
    }

    Charset charset() {
        return charset;
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    /** The element, or null. */
    public DicomElement element(int tag) {
        return elements.get(tag);
    }

    /** All elements in ascending tag order. */
    public Collection<DicomElement> elements() {
        return elements.values();
    }

    public int size() {
        return elements.size();
    }

    /** The first value as text, or null when absent or empty. */
    public String getString(int tag) {
        String[] all = getStrings(tag);
        return all.length == 0 ? null : all[0];
    }

    public String getString(int tag, String defaultValue) {
        String s = getString(tag);
        return s == null || s.isEmpty() ? defaultValue : s;
    }

    /** By keyword ("Modality") for the tags of {@link DataDictionary}. */
    public String getString(String keyword) {
        Integer tag = DataDictionary.tagOf(keyword);
        if (tag == null) {
            throw new IllegalArgumentException("not a keyword of our dictionary: " + keyword);
        }
        return getString(tag);
    }

    /**
     * Every value as text: text VRs split at backslashes; binary VRs (US, FL, ...) formatted as numbers.
     */
    public String[] getStrings(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.value() == null || e.value().length == 0) {
            return new String[0];
        }
        if (e.vr().kind() == Vr.Kind.TEXT || e.vr() == Vr.UN) {
            String text = ValueCodec.text(e.value(), e.vr(), charset);
            if (e.vr() == Vr.LT || e.vr() == Vr.ST || e.vr() == Vr.UT || e.vr() == Vr.UR) {
                return new String[] {text};
            }
            String[] parts = text.split("\\\\", -1);
            for (int i = 0; i < parts.length; i++) {
                parts[i] = parts[i].trim();
            }
            return parts;
        }
        double[] numbers = getDoubles(tag);
        String[] out = new String[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            double v = numbers[i];
            out[i] = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        return out;
    }

    /** The first value as an integer, or the default when absent or empty. */
    public int getInt(int tag, int defaultValue) {
        double[] v = getDoubles(tag);
        if (v.length == 0) {
            return defaultValue;
        }
        if (v[0] != Math.rint(v[0]) || Math.abs(v[0]) > Integer.MAX_VALUE) {
            throw bad(tag, "'" + v[0] + "' is not a whole number");
        }
        return (int) v[0];
    }

    /** The first value as a number, or the default when absent or empty. */
    public double getDouble(int tag, double defaultValue) {
        double[] v = getDoubles(tag);
        return v.length == 0 ? defaultValue : v[0];
    }

    /**
     * Every value as a number, whatever the VR: binary integers and floats in the element's byte order,
     * IS and DS parsed (a malformed one is a {@link BadInputException}), UN read by its length (2 bytes
     * as US, 4 as UL) because implicit VR files give unknown tags no VR.
     */
    public double[] getDoubles(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.value() == null || e.value().length == 0) {
            return new double[0];
        }
        byte[] b = e.value();
        boolean be = e.bigEndian();
        Vr vr = e.vr();
        if (vr == Vr.UN) {
            vr = b.length == 2 ? Vr.US : b.length == 4 ? Vr.UL : Vr.UN;
        }
        switch (vr) {
            case US, SS, OW -> {
                double[] out = new double[b.length / 2];
                for (int i = 0; i < out.length; i++) {
                    int u = ValueCodec.u16(b, 2 * i, be);
                    out[i] = vr == Vr.SS ? (short) u : u;
                }
                return out;
            }
            case UL, SL, OL, AT -> {
                double[] out = new double[b.length / 4];
                for (int i = 0; i < out.length; i++) {
                    int s = ValueCodec.s32(b, 4 * i, be);
                    out[i] = vr == Vr.SL ? s : Integer.toUnsignedLong(s);
                }
                return out;
            }
            case FL, OF -> {
                double[] out = new double[b.length / 4];
                for (int i = 0; i < out.length; i++) {
                    out[i] = Float.intBitsToFloat(ValueCodec.s32(b, 4 * i, be));
                }
                return out;
            }
            case FD, OD -> {
                double[] out = new double[b.length / 8];
                for (int i = 0; i < out.length; i++) {
                    out[i] = Double.longBitsToDouble(ValueCodec.s64(b, 8 * i, be));
                }
                return out;
            }
            case OB -> {
                double[] out = new double[b.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b[i] & 0xFF;
                }
                return out;
            }
            default -> {
                return parseNumbers(tag, e);
            }
        }
    }

    private double[] parseNumbers(int tag, DicomElement e) {
        String[] parts = ValueCodec.text(e.value(), e.vr(), charset).split("\\\\", -1);
        List<Double> values = new ArrayList<>(parts.length);
        for (String p : parts) {
            String t = p.trim();
            if (t.isEmpty()) {
                continue;
            }
            try {
                if (e.vr() == Vr.IS) {
                    values.add((double) Long.parseLong(t.startsWith("+") ? t.substring(1) : t));
                } else {
                    double d = Double.parseDouble(t);
                    if (!Double.isFinite(d) || t.endsWith("d") || t.endsWith("f") || t.endsWith("D")
                            || t.endsWith("F")) {
                        throw new NumberFormatException(t);
                    }
                    values.add(d);
                }
            } catch (NumberFormatException ex) {
                String expected = e.vr() == Vr.IS ? "an integer string (IS) such as '15'"
                        : e.vr() == Vr.DS ? "a decimal string (DS) such as '0.5'" : "a number";
                throw bad(tag, "value '" + t + "' is not " + expected);
            }
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** The items of a sequence; empty when absent. */
    public List<DicomObject> getSequence(int tag) {
        DicomElement e = elements.get(tag);
        return e == null ? List.of() : e.items();
    }

    /** The stored bytes of a value (not copied), or null. */
    public byte[] getBytes(int tag) {
        DicomElement e = elements.get(tag);
        return e == null ? null : e.value();
    }

    BadInputException bad(int tag, String problem) {
        return new BadInputException(source, "tag " + Tag.describe(tag), problem);
    }

    /** Assembles a dataset; later puts of the same tag replace earlier ones. */
    public static final class Builder {

        private final Path source;
        private final Charset inherited;
        private final TreeMap<Integer, DicomElement> elements = new TreeMap<>(Integer::compareUnsigned);

        private Builder(Path source, Charset inherited) {
            this.source = source;
            this.inherited = inherited;
        }

        public Builder add(DicomElement element) {
            elements.put(element.tag(), element);
            return this;
        }

        public boolean contains(int tag) {
            return elements.containsKey(tag);
        }

        /** Text values joined by backslashes, padded to even length (NUL for UI, space otherwise). */
        public Builder putString(int tag, Vr vr, String... values) {
            String joined = String.join("\\", values);
            Charset cs = ValueCodec.usesSpecificCharacterSet(vr) ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII;
            byte[] raw = joined.getBytes(cs);
            if (raw.length % 2 == 1) {
                byte[] padded = java.util.Arrays.copyOf(raw, raw.length + 1);
                padded[raw.length] = (byte) (vr == Vr.UI ? 0 : ' ');
                raw = padded;
            }
            return add(DicomElement.ofValue(tag, vr, raw, false, -1));
        }

        /** Binary integers (US, SS, UL, SL), little endian. */
        public Builder putInt(int tag, Vr vr, int... values) {
            int size = vr == Vr.US || vr == Vr.SS ? 2 : 4;
            if (vr != Vr.US && vr != Vr.SS && vr != Vr.UL && vr != Vr.SL) {
                throw new IllegalArgumentException("putInt needs US, SS, UL or SL, not " + vr);
            }
            byte[] raw = new byte[values.length * size];
            for (int i = 0; i < values.length; i++) {
                if (size == 2) {
                    ValueCodec.putU16(raw, i * 2, values[i], false);
                } else {
                    ValueCodec.putS32(raw, i * 4, values[i], false);
                }
            }
            return add(DicomElement.ofValue(tag, vr, raw, false, -1));
        }

        /** Raw little-endian bytes (OB, OW, UN...), padded to even length with a zero. */
        public Builder putBytes(int tag, Vr vr, byte[] value) {
            byte[] raw = value.length % 2 == 1 ? java.util.Arrays.copyOf(value, value.length + 1) : value.clone();
            return add(DicomElement.ofValue(tag, vr, raw, false, -1));
        }

        /** Encapsulated pixel data: the basic offset table (may be empty) followed by the fragments. */
        public Builder putFragments(int tag, List<byte[]> offsetTableThenFragments) {
            return add(DicomElement.ofFragments(tag, Vr.OB, offsetTableThenFragments, -1));
        }

        public Builder putSequence(int tag, List<DicomObject> items) {
            return add(DicomElement.ofSequence(tag, items, -1));
        }

        public DicomObject build() {
            return new DicomObject(source, new TreeMap<>(elements), inherited);
        }
    }
}
