package org.medfed.data.vcf;

import htsjdk.samtools.util.BlockCompressedInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.medfed.engine.BadInputException;
import org.medfed.io.FileProblem;

/**
 * Looks at the first bytes of a genotype file to decide how to read it, so that a wrongly named file
 * (".vcf" that is really gzip) still reads, and a damaged one is reported before any parsing.
 */
public final class VcfFileProbe {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private VcfFileProbe() {
    }

    /** The layout of {@code file}, or a BadInputException saying why it cannot be a VCF/BCF file. */
    public static VcfLayout layout(Path file) {
        FileProblem.refuseNonFile(file);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, null, Files.exists(file) ? "is not a file" : "file not found");
        }
        try {
            byte[] head = firstBytes(file, 4);
            if (head.length == 0) {
                throw new BadInputException(file, null, "the file is empty, expected a VCF or BCF file");
            }
            if (startsWith(head, "TBI") || startsWith(head, "CSI")) {
                throw new BadInputException(file, null, "this is an index file, not a VCF: open the VCF file "
                        + "beside it (the one without the ." + extension(file).substring(1) + " ending)");
            }
            boolean gzip = head.length >= 2 && (head[0] & 0xff) == GZIP_MAGIC_1 && (head[1] & 0xff) == GZIP_MAGIC_2;
            if (!gzip) {
                if (startsWithBcf(head)) {
                    return VcfLayout.BCF;
                }
                if (hasCompressedName(file)) {
                    throw new BadInputException(file, "byte 1", "the name says gzip-compressed ("
                            + extension(file) + ") but the file does not start with the gzip signature (1f 8b): "
                            + "it is damaged or was renamed; expected a gzip/BGZF-compressed VCF");
                }
                return VcfLayout.PLAIN_VCF;
            }
            boolean bgzf;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                bgzf = BlockCompressedInputStream.isValidFile(in);
            }
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                byte[] inner = in.readNBytes(4);
                if (startsWithBcf(inner)) {
                    return VcfLayout.BCF;
                }
                if (startsWith(inner, "TBI") || startsWith(inner, "CSI")) {
                    throw new BadInputException(file, null, "this is an index file, not a VCF: open the VCF file "
                            + "beside it (the one without the ." + extension(file).substring(1) + " ending)");
                }
            }
            return bgzf ? VcfLayout.BGZF_VCF : VcfLayout.GZIP_VCF;
        } catch (IOException e) {
            throw new BadInputException(file, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The tabix (.tbi) or CSI (.csi) index beside a compressed file, if there is one. */
    public static Optional<Path> index(Path file) {
        for (String suffix : new String[] {".tbi", ".csi", ".idx"}) {
            Path candidate = file.resolveSibling(file.getFileName() + suffix);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static byte[] firstBytes(Path file, int n) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(n);
        }
    }

    private static boolean startsWithBcf(byte[] head) {
        return startsWith(head, "BCF");
    }

    private static boolean startsWith(byte[] head, String magic) {
        if (head.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (head[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasCompressedName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") || name.endsWith(".bgz") || name.endsWith(".bgzf");
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot);
    }
}
