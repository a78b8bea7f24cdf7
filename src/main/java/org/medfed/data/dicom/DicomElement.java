package org.medfed.data.dicom;

import java.util.List;
import java.util.Objects;

/**
 * One data element as read from a file: a plain value (bytes as stored), a sequence of items, or
 * encapsulated pixel data fragments. Values stay in their stored byte order ({@link #bigEndian()}) and are
 * decoded on demand by {@link DicomObject}.
 */
public final class DicomElement {

    private final int tag;
    private final Vr vr;
    private final byte[] value;
    private final List<DicomObject> items;
    private final List<byte[]> fragments;
    private final boolean bigEndian;
    private final long offset;

    private DicomElement(int tag, Vr vr, byte[] value, List<DicomObject> items, List<byte[]> fragments,
            boolean bigEndian, long offset) {
        this.tag = tag;
        this.vr = Objects.requireNonNull(vr, "vr");
        this.value = value;
        this.items = items;
        this.fragments = fragments;
        this.bigEndian = bigEndian;
        this.offset = offset;
    }

    public static DicomElement ofValue(int tag, Vr vr, byte[] value, boolean bigEndian, long offset) {
        return new DicomElement(tag, vr, value, null, null, bigEndian, offset);
    }

    public static DicomElement ofSequence(int tag, List<DicomObject> items, long offset) {
        return new DicomElement(tag, Vr.SQ, null, List.copyOf(items), null, false, offset);
    }

    /** Encapsulated pixel data: the first fragment is the basic offset table (possibly empty). */
    public static DicomElement ofFragments(int tag, Vr vr, List<byte[]> fragments, long offset) {
        return new DicomElement(tag, vr, null, null, List.copyOf(fragments), false, offset);
    }

    public int tag() {
        return tag;
    }

    public Vr vr() {
        return vr;
    }

    /** The stored bytes (not copied: do not modify), or null for a sequence or fragments. */
    public byte[] value() {
        return value;
    }

    public boolean isSequence() {
        return items != null;
    }

    public boolean isFragments() {
        return fragments != null;
    }

    /** The items of a sequence; empty for other elements. */
    public List<DicomObject> items() {
        return items == null ? List.of() : items;
    }

    /** Fragments of encapsulated pixel data, basic offset table first; empty for other elements. */
    public List<byte[]> fragments() {
        return fragments == null ? List.of() : fragments;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    /** Where the element's tag starts in the file (in the inflated stream for deflated files); -1 if built. */
    public long offset() {
        return offset;
    }

    /** Bytes of the value (sum of fragments for encapsulated data, 0 for a sequence). */
    public long length() {
        if (value != null) {
            return value.length;
        }
        long n = 0;
        for (byte[] f : fragments()) {
            n += f.length;
        }
        return n;
    }
}
