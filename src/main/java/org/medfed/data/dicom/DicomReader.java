package org.medfed.data.dicom;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.medfed.engine.BadInputException;
import org.medfed.io.FileProblem;

/**
 * Parses a DICOM file (PS3.10 file format, PS3.5 encoding) into a {@link DicomFile}.
 *
 * <p>Lenient rules, each recorded as a warning on the result: a file without preamble and "DICM" is read
 * when a dataset (explicit or implicit VR little endian) starts within its first {@value #MAX_LEAD} bytes;
 * a file meta without TransferSyntaxUID is read with the syntax its dataset looks like. Anything else that
 * is wrong (truncation, a value that is not a VR, an unknown transfer syntax) is a
 * {@link BadInputException} naming the file, the tag and the byte offset.
 */
final class DicomReader {

    static final int MAX_LEAD = 8;
    private static final int UNDEFINED = -1;
    private static final int ITEM = 0xFFFEE000;
    private static final int ITEM_END = 0xFFFEE00D;
    private static final int SEQUENCE_END = 0xFFFEE0DD;
    private static final int MAX_DEPTH = 64;

    private final Path path;
    private final boolean stopAtPixelData;
    private final List<String> warnings = new ArrayList<>();
    private ByteInput in;
    private boolean explicit;
    private boolean bigEndian;
    private boolean pixelDataSkipped;
    private int depth;
    /** The element being read, for error messages. */
    private int currentTag = -1;
    private long currentOffset = -1;

    DicomReader(Path path, boolean stopAtPixelData) {
        this.path = path;
        this.stopAtPixelData = stopAtPixelData;
    }

    DicomFile read() {
        FileProblem.refuseNonFile(path);
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new BadInputException(path, null, "file not found");
        } catch (IOException e) {
            throw new BadInputException(path, null, "could not be read: " + e.getMessage(), e);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 65536)) {
            return parse(raw, size);
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(path, null, "could not be read: " + e.getMessage(), e);
        } catch (ByteInput.EndOfInput e) {
            throw truncated(e.got);
        }
    }

    private DicomFile parse(InputStream raw, long size) throws IOException {
        raw.mark(132 + 1024);
        byte[] head = raw.readNBytes(132 + 1024);
        raw.reset();
        in = new ByteInput(raw, 0, size);
        DicomObject meta;
        boolean hasMagic = head.length >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C'
                && head[131] == 'M';
        int start = 0;
        if (hasMagic) {
            if (size <= 132) {
                throw new NotDicomException(path, "holds only the DICOM preamble and 'DICM' marker (" + size
                        + " bytes) and no data elements: it is not a DICOM object");
            }
            in.skip(132);
        } else {
            start = findHeaderlessStart(head);
            if (start < 0) {
                throw new NotDicomException(path, "is not a DICOM file: no 'DICM' marker at byte 128 and no "
                        + "DICOM dataset at its start");
            }
            in.skip(start);
        }
        int firstGroup = in.peekGroup(false);
        if (firstGroup == 0x0002) {
            meta = readMeta();
        } else {
            meta = DicomObject.builder(path, StandardCharsets.ISO_8859_1).build();
        }
        if (!hasMagic) {
            warnings.add("no 128-byte preamble and no 'DICM' marker: read leniently from byte " + start
                    + (meta.size() == 0 ? " with no file meta information" : ""));
        }
        TransferSyntax syntax = transferSyntax(meta);
        explicit = syntax.explicitVr();
        bigEndian = syntax.bigEndian();
        Inflater inflater = null;
        try {
            if (syntax.deflated()) {
                // the dataset after the file meta is a raw deflate stream (PS3.5 A.5)
                inflater = new Inflater(true);
                in = new ByteInput(new BufferedInputStream(new InflaterInputStream(raw, inflater, 8192)), 0, -1);
            }
            DicomObject dataset = readDataset(UNDEFINED, true, StandardCharsets.ISO_8859_1);
            if (dataset.size() == 0 && !pixelDataSkipped) {
                throw new NotDicomException(path, "has " + (meta.size() == 0 ? "no data elements" : "file meta "
                        + "information but no dataset after it") + ": it is not a DICOM object");
            }
            return new DicomFile(path, meta, dataset, syntax, pixelDataSkipped, warnings);
        } finally {
            if (inflater != null) {
                inflater.end(); // a caller-supplied Inflater is not ended by the stream's close()
            }
        }
    }

    /**
     * Where a file without preamble starts: the first offset below {@link #MAX_LEAD} at which two element
     * headers in ascending tag order parse in explicit or implicit VR little endian, starting in group
     * 0002 or 0008 (every image dataset has SOP Common attributes in group 0008).
     */
    private int findHeaderlessStart(byte[] head) {
        for (int off = 0; off < MAX_LEAD && off + 8 <= head.length; off++) {
            int group = ValueCodec.u16(head, off, false);
            if (group != 0x0002 && group != 0x0008) {
                continue;
            }
            if (plausibleElements(head, off, true) || plausibleElements(head, off, false)) {
                return off;
            }
        }
        return -1;
    }

    private static boolean plausibleElements(byte[] head, int off, boolean explicitVr) {
        int p = off;
        int previous = -1;
        for (int i = 0; i < 2; i++) {
            if (p + 8 > head.length) {
                return i > 0;
            }
            int tag = (ValueCodec.u16(head, p, false) << 16) | ValueCodec.u16(head, p + 2, false);
            if (previous >= 0 && Integer.compareUnsigned(tag, previous) <= 0) {
                return false;
            }
            long len;
            if (explicitVr) {
                Vr vr = Vr.fromBytes(head[p + 4], head[p + 5]);
                if (vr == null) {
                    return false;
                }
                if (vr.hasLongHeader()) {
                    if (p + 12 > head.length) {
                        return true;
                    }
                    len = ValueCodec.s32(head, p + 8, false) & 0xFFFFFFFFL;
                    p += 12;
                } else {
                    len = ValueCodec.u16(head, p + 6, false);
                    p += 8;
                }
            } else {
                len = ValueCodec.s32(head, p + 4, false) & 0xFFFFFFFFL;
                p += 8;
            }
            if (len == 0xFFFFFFFFL) {
                return true;
            }
            if (len > 1 << 20) {
                return false;
            }
            p += (int) len;
            previous = tag;
        }
        return true;
    }

    private DicomObject readMeta() {
        explicit = true;
        bigEndian = false;
        DicomObject.Builder b = DicomObject.builder(path, StandardCharsets.ISO_8859_1);
        while (in.peekGroup(false) == 0x0002) {
            DicomElement e = readElement(StandardCharsets.ISO_8859_1, false);
            if (e != null) {
                b.add(e);
            }
        }
        return b.build();
    }

    private TransferSyntax transferSyntax(DicomObject meta) {
        String uid = meta.getString(Tag.TransferSyntaxUID);
        if (uid == null || uid.isEmpty()) {
            boolean looksExplicit = looksExplicit();
            TransferSyntax guess = looksExplicit ? TransferSyntax.EXPLICIT_VR_LE : TransferSyntax.IMPLICIT_VR_LE;
            if (meta.size() > 0) {
                warnings.add("the file meta information has no TransferSyntaxUID " + Tag.format(Tag.TransferSyntaxUID)
                        + ": the dataset looked like " + guess.displayName() + " and was read as such");
            } else {
                warnings.add("the dataset looked like " + guess.displayName() + " and was read as such");
            }
            return guess;
        }
        Optional<TransferSyntax> ts = TransferSyntax.forUid(uid);
        if (ts.isEmpty()) {
            throw new BadInputException(path, "tag " + Tag.describe(Tag.TransferSyntaxUID),
                    "transfer syntax " + uid + " is not one we know, so the file cannot be read; supported are "
                            + "implicit/explicit VR little endian, explicit VR big endian, deflate, RLE, JPEG and "
                            + "JPEG 2000");
        }
        return ts.get();
    }

    /** Whether the next element header carries a VR (two letters that name one). */
    private boolean looksExplicit() {
        byte[] probe = new byte[6];
        // peek without consuming: the BufferedInputStream below ByteInput supports mark/reset
        return peekBytes(probe) && Vr.fromBytes(probe[4], probe[5]) != null;
    }

    private boolean peekBytes(byte[] probe) {
        return in.peek(probe);
    }

    private DicomObject readDataset(long end, boolean topLevel, Charset inherited) {
        if (++depth > MAX_DEPTH) {
            throw new BadInputException(path, "offset " + in.position(),
                    "sequences are nested more than " + MAX_DEPTH + " deep: the file is damaged");
        }
        DicomObject.Builder b = DicomObject.builder(path, inherited);
        Charset charset = inherited;
        while (true) {
            if (end != UNDEFINED && in.position() >= end) {
                if (in.position() > end) {
                    throw new BadInputException(path, "tag " + Tag.describe(currentTag) + " at offset " + currentOffset,
                            "the element runs past the end of its sequence item: the file is damaged");
                }
                break;
            }
            if (topLevel && in.atEnd()) {
                break;
            }
            DicomElement e = readElement(charset, topLevel);
            if (e == null) {
                if (topLevel && pixelDataSkipped) {
                    break;
                }
                if (!topLevel && end == UNDEFINED) {
                    break;
                }
                continue;
            }
            b.add(e);
            if (e.tag() == Tag.SpecificCharacterSet && e.value() != null) {
                charset = ValueCodec.charsetOf(ValueCodec.text(e.value(), Vr.CS, StandardCharsets.ISO_8859_1)
                        .split("\\\\", -1)[0]);
            }
        }
        depth--;
        return b.build();
    }

    /**
     * Reads one element; null for an item delimiter (end of an undefined-length item) or when reading
     * stops before the pixel data.
     */
    private DicomElement readElement(Charset charset, boolean topLevel) {
        long offset = in.position();
        currentOffset = offset;
        currentTag = -1;
        int tag = in.tag(bigEndian);
        currentTag = tag;
        if (tag == ITEM_END) {
            in.s32(bigEndian);
            if (topLevel) {
                warnings.add("a stray item delimiter at offset " + offset + " was ignored");
            }
            return null;
        }
        if (tag == ITEM || tag == SEQUENCE_END) {
            throw new BadInputException(path, "offset " + offset, "found " + (tag == ITEM ? "a sequence item"
                    : "a sequence delimiter") + " " + Tag.format(tag) + " outside any sequence: the file is damaged");
        }
        Vr vr;
        long length;
        if (explicit) {
            int b0 = readByte();
            int b1 = readByte();
            vr = Vr.fromBytes(b0, b1);
            if (vr == null) {
                throw new BadInputException(path, "tag " + Tag.describe(tag) + " at offset " + offset,
                        "the bytes " + printable(b0, b1) + " are not a value representation (VR); the file is "
                                + "damaged or not in the transfer syntax it declares");
            }
            if (vr.hasLongHeader()) {
                in.u16(bigEndian);
                length = in.s32(bigEndian) & 0xFFFFFFFFL;
            } else {
                length = in.u16(bigEndian);
            }
        } else {
            vr = DataDictionary.implicitVr(tag);
            length = in.s32(bigEndian) & 0xFFFFFFFFL;
        }
        boolean undefined = length == 0xFFFFFFFFL;
        if (tag == Tag.PixelData && topLevel && stopAtPixelData) {
            if (!undefined) {
                checkAvailable(tag, offset, length); // a truncated image should not pass a header scan
            }
            pixelDataSkipped = true;
            return null;
        }
        if (undefined) {
            if (tag == Tag.PixelData) {
                return DicomElement.ofFragments(tag, vr, readFragments(), offset);
            }
            if (vr == Vr.SQ || vr == Vr.UN) {
                // UN of undefined length holds an implicit VR little endian sequence (PS3.5 6.2.2)
                boolean savedExplicit = explicit;
                boolean savedBig = bigEndian;
                if (vr == Vr.UN) {
                    explicit = false;
                    bigEndian = false;
                }
                List<DicomObject> items = readItems(tag, UNDEFINED, charset);
                explicit = savedExplicit;
                bigEndian = savedBig;
                return DicomElement.ofSequence(tag, items, offset);
            }
            throw new BadInputException(path, "tag " + Tag.describe(tag) + " at offset " + offset,
                    "an undefined length is only allowed for sequences and pixel data, not for VR " + vr);
        }
        checkAvailable(tag, offset, length);
        if (vr == Vr.SQ) {
            long end = in.position() + length;
            return DicomElement.ofSequence(tag, readItems(tag, end, charset), offset);
        }
        byte[] value = in.read((int) length);
        return DicomElement.ofValue(tag, vr, value, bigEndian, offset);
    }

    private List<DicomObject> readItems(int sequenceTag, long end, Charset charset) {
        List<DicomObject> items = new ArrayList<>();
        while (end == UNDEFINED || in.position() < end) {
            long offset = in.position();
            int tag = in.tag(bigEndian);
            long length = in.s32(bigEndian) & 0xFFFFFFFFL;
            if (tag == SEQUENCE_END && end == UNDEFINED) {
                break;
            }
            if (tag != ITEM) {
                throw new BadInputException(path, "tag " + Tag.describe(sequenceTag) + " at offset " + offset,
                        "expected a sequence item " + Tag.format(ITEM) + " but found " + Tag.format(tag)
                                + ": the file is damaged");
            }
            if (length == 0xFFFFFFFFL) {
                items.add(readDataset(UNDEFINED, false, charset));
            } else {
                checkAvailable(sequenceTag, offset, length);
                items.add(readDataset(in.position() + length, false, charset));
            }
            currentTag = sequenceTag;
            currentOffset = offset;
        }
        if (end != UNDEFINED && in.position() != end) {
            throw new BadInputException(path, "tag " + Tag.describe(sequenceTag),
                    "its items run past the sequence's declared length: the file is damaged");
        }
        return items;
    }

    private List<byte[]> readFragments() {
        List<byte[]> fragments = new ArrayList<>();
        while (true) {
            long offset = in.position();
            int tag = in.tag(bigEndian);
            long length = in.s32(bigEndian) & 0xFFFFFFFFL;
            if (tag == SEQUENCE_END) {
                break;
            }
            if (tag != ITEM) {
                throw new BadInputException(path, "tag " + Tag.describe(Tag.PixelData) + " at offset " + offset,
                        "expected a pixel data fragment " + Tag.format(ITEM) + " but found " + Tag.format(tag));
            }
            checkAvailable(Tag.PixelData, offset, length);
            fragments.add(in.read((int) length));
        }
        if (fragments.isEmpty()) {
            throw new BadInputException(path, "tag " + Tag.describe(Tag.PixelData),
                    "encapsulated pixel data has no basic offset table item");
        }
        return fragments;
    }

    private void checkAvailable(int tag, long offset, long length) {
        long left = in.remaining();
        if (length > Integer.MAX_VALUE - 16) {
            throw new BadInputException(path, "tag " + Tag.describe(tag) + " at offset " + offset,
                    "declares a value of " + length + " bytes, more than we can hold: the file is damaged");
        }
        if (left >= 0 && length > left) {
            throw new BadInputException(path, "tag " + Tag.describe(tag) + " at offset " + offset,
                    "its value is declared as " + length + " bytes but only " + left
                            + " are left in the file: the file is truncated");
        }
    }

    private int readByte() {
        return in.read(1)[0] & 0xFF;
    }

    private BadInputException truncated(long got) {
        String where = currentTag == -1 ? "offset " + currentOffset
                : "tag " + Tag.describe(currentTag) + " at offset " + currentOffset;
        return new BadInputException(path, where, "the file ends in the middle of this element: it is truncated");
    }

    private static String printable(int b0, int b1) {
        StringBuilder sb = new StringBuilder("'");
        for (int b : new int[] {b0, b1}) {
            sb.append(b >= 0x20 && b < 0x7F ? Character.toString((char) b) : String.format("\\x%02X", b));
        }
        return sb.append("'").toString();
    }
}
