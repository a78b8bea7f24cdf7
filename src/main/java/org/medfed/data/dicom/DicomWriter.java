package org.medfed.data.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes DICOM Part 10 files: 128-byte preamble, "DICM", a file meta group built from the dataset's
 * SOPClassUID / SOPInstanceUID, then the dataset. It does not compress: for an encapsulated syntax the
 * pixel data must already be fragments (basic offset table first) in that syntax. Sequences are written
 * with undefined lengths; files are written to a temporary name and moved into place.
 */
public final class DicomWriter {

    /** Our implementation class UID: a 2.25 UUID-derived UID (PS3.5 B.2), fixed so files are reproducible. */
    public static final String IMPLEMENTATION_CLASS_UID =
            Uids.fromUuid(UUID.nameUUIDFromBytes("MedFed Workbench DICOM writer".getBytes(StandardCharsets.UTF_8)));
    public static final String IMPLEMENTATION_VERSION_NAME = "MEDFED_0_1";

    private DicomWriter() {
    }

    /** Explicit VR little endian, the syntax every DICOM reader must accept. */
    public static void write(Path file, DicomObject dataset) {
        write(file, dataset, TransferSyntax.EXPLICIT_VR_LE);
    }

    public static void write(Path file, DicomObject dataset, TransferSyntax syntax) {
        byte[] bytes = encode(dataset, syntax);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".writing-", ".dcm");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** The bytes of a Part 10 file holding the dataset. */
    public static byte[] encode(DicomObject dataset, TransferSyntax syntax) {
        DicomElement px = dataset.element(Tag.PixelData);
        if (px != null && px.isFragments() != syntax.encapsulated()) {
            throw new IllegalArgumentException(syntax.encapsulated()
                    ? syntax + " needs encapsulated pixel data (fragments), already compressed"
                    : syntax + " needs uncompressed pixel data, not fragments");
        }
        String sopClass = dataset.getString(Tag.SOPClassUID);
        String sopInstance = dataset.getString(Tag.SOPInstanceUID);
        if (sopClass == null || sopInstance == null) {
            throw new IllegalArgumentException("a Part 10 file needs SOPClassUID and SOPInstanceUID in its dataset");
        }
        DicomObject meta = DicomObject.builder()
                .putBytes(Tag.FileMetaInformationVersion, Vr.OB, new byte[] {0, 1})
                .putString(Tag.MediaStorageSOPClassUID, Vr.UI, sopClass)
                .putString(Tag.MediaStorageSOPInstanceUID, Vr.UI, sopInstance)
                .putString(Tag.TransferSyntaxUID, Vr.UI, syntax.uid())
                .putString(Tag.ImplementationClassUID, Vr.UI, IMPLEMENTATION_CLASS_UID)
                .putString(Tag.ImplementationVersionName, Vr.SH, IMPLEMENTATION_VERSION_NAME)
                .build();
        ByteArrayOutputStream metaBytes = new ByteArrayOutputStream();
        new ElementEncoder(metaBytes, true, false).writeAll(meta);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[128], 0, 128);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        ElementEncoder head = new ElementEncoder(out, true, false);
        head.writeValue(Tag.FileMetaInformationGroupLength, Vr.UL, le32(metaBytes.size()), false);
        out.writeBytes(metaBytes.toByteArray());
        if (syntax.deflated()) {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            try (OutputStream z = new DeflaterOutputStream(out, deflater)) {
                ByteArrayOutputStream plain = new ByteArrayOutputStream();
                new ElementEncoder(plain, true, false).writeAll(dataset);
                z.write(plain.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                deflater.end();
            }
        } else {
            new ElementEncoder(out, syntax.explicitVr(), syntax.bigEndian()).writeAll(dataset);
        }
        return out.toByteArray();
    }

    private static byte[] le32(int v) {
        byte[] b = new byte[4];
        ValueCodec.putS32(b, 0, v, false);
        return b;
    }

    /** Encodes elements in one transfer syntax. */
    private static final class ElementEncoder {
        private final ByteArrayOutputStream out;
        private final boolean explicit;
        private final boolean bigEndian;

        ElementEncoder(ByteArrayOutputStream out, boolean explicit, boolean bigEndian) {
            this.out = out;
            this.explicit = explicit;
            this.bigEndian = bigEndian;
        }

        void writeAll(DicomObject ds) {
            for (DicomElement e : ds.elements()) {
                if (Tag.group(e.tag()) == 0x0002 && ds.contains(Tag.SOPClassUID)) {
                    continue; // the file meta is written from the dataset, never copied into it
                }
                if (e.isSequence()) {
                    header(e.tag(), Vr.SQ, 0xFFFFFFFF);
                    for (DicomObject item : e.items()) {
                        tag(0xFFFEE000);
                        u32(0xFFFFFFFF);
                        writeAll(item);
                        tag(0xFFFEE00D);
                        u32(0);
                    }
                    tag(0xFFFEE0DD);
                    u32(0);
                } else if (e.isFragments()) {
                    header(e.tag(), Vr.OB, 0xFFFFFFFF);
                    for (byte[] fragment : e.fragments()) {
                        tag(0xFFFEE000);
                        u32(fragment.length);
                        out.write(fragment, 0, fragment.length);
                    }
                    tag(0xFFFEE0DD);
                    u32(0);
                } else {
                    writeValue(e.tag(), e.vr(), e.value(), e.bigEndian());
                }
            }
        }

        void writeValue(int tag, Vr vr, byte[] value, boolean valueBigEndian) {
            byte[] v = valueBigEndian == bigEndian ? value : swap(value, wordSize(vr));
            if (explicit && !vr.hasLongHeader() && v.length > 0xFFFF) {
                throw new IllegalArgumentException(Tag.describe(tag) + ": " + v.length
                        + " bytes do not fit the 16-bit length of VR " + vr);
            }
            header(tag, vr, v.length);
            out.write(v, 0, v.length);
        }

        private void header(int tag, Vr vr, int length) {
            tag(tag);
            if (explicit) {
                out.write(vr.name().charAt(0));
                out.write(vr.name().charAt(1));
                if (vr.hasLongHeader()) {
                    u16(0);
                    u32(length);
                } else {
                    u16(length);
                }
            } else {
                u32(length);
            }
        }

        private void tag(int tag) {
            u16(tag >>> 16);
            u16(tag & 0xFFFF);
        }

        private void u16(int v) {
            byte[] b = new byte[2];
            ValueCodec.putU16(b, 0, v, bigEndian);
            out.write(b, 0, 2);
        }

        private void u32(int v) {
            byte[] b = new byte[4];
            ValueCodec.putS32(b, 0, v, bigEndian);
            out.write(b, 0, 4);
        }

        private static int wordSize(Vr vr) {
            return switch (vr) {
                case US, SS, OW, AT -> 2;
                case UL, SL, FL, OL, OF -> 4;
                case FD, OD, SV, UV, OV -> 8;
                default -> 1;
            };
        }

        private static byte[] swap(byte[] value, int size) {
            if (size == 1) {
                return value;
            }
            byte[] s = new byte[value.length];
            for (int i = 0; i + size <= value.length; i += size) {
                for (int k = 0; k < size; k++) {
                    s[i + k] = value[i + size - 1 - k];
                }
            }
            return s;
        }
    }
}
