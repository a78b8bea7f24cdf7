package org.medfed.data.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.medfed.engine.BadInputException;

/**
 * Reads NumPy {@code .npz} archives: a zip of {@code .npy} files, each a magic string, a version, a header
 * (a Python dict literal with 'descr', 'fortran_order' and 'shape') and the raw data. The format is a
 * few lines, so it is parsed here rather than pulling in a NumPy library.
 */
public final class NpzReader {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpzReader() {
    }

    /** Every array of the archive, by name without ".npy", in archive order. */
    public static Map<String, NpyArray> read(Path npz) {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            List<? extends ZipEntry> entries = new ArrayList<>(java.util.Collections.list(zip.entries()));
            for (ZipEntry e : entries) {
                if (e.isDirectory() || !e.getName().endsWith(".npy")) {
                    continue;
                }
                String name = e.getName().substring(0, e.getName().length() - 4);
                try (InputStream in = zip.getInputStream(e)) {
                    out.put(name, parseNpy(in, npz, e.getName()));
                }
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(npz, null, "file not found");
        } catch (ZipException e) {
            throw new BadInputException(npz, null, "is not a NumPy .npz archive (not a zip file)");
        } catch (IOException e) {
            if (!Files.exists(npz)) {
                throw new BadInputException(npz, null, "file not found");
            }
            throw new BadInputException(npz, null, "could not be read: " + e.getMessage(), e);
        }
        return out;
    }

    /** Parses one .npy stream; {@code entry} names it in errors. */
    static NpyArray parseNpy(InputStream in, Path npz, String entry) throws IOException {
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8 || !java.util.Arrays.equals(java.util.Arrays.copyOf(magic, 6), MAGIC)) {
            throw new BadInputException(npz, "entry " + entry, "is not a .npy array (no \\x93NUMPY magic)");
        }
        int major = magic[6];
        int headerLength;
        if (major == 1) {
            byte[] l = in.readNBytes(2);
            headerLength = (l[0] & 0xFF) | (l[1] & 0xFF) << 8;
        } else if (major == 2 || major == 3) {
            byte[] l = in.readNBytes(4);
            headerLength = (l[0] & 0xFF) | (l[1] & 0xFF) << 8 | (l[2] & 0xFF) << 16 | (l[3] & 0xFF) << 24;
        } else {
            throw new BadInputException(npz, "entry " + entry, ".npy format version " + major + " is not supported");
        }
        String header = new String(in.readNBytes(headerLength),
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new BadInputException(npz, "entry " + entry, "has an unreadable .npy header: " + header.trim());
        }
        if (f.group(1).equals("True")) {
            throw new BadInputException(npz, "entry " + entry, "is stored in Fortran order, which is not supported");
        }
        List<Integer> dims = new ArrayList<>();
        for (String part : s.group(1).split(",")) {
            if (!part.isBlank()) {
                int dim;
                try {
                    dim = Integer.parseInt(part.trim());
                } catch (NumberFormatException e) {
                    dim = -1;
                }
                if (dim < 0) {
                    throw new BadInputException(npz, "entry " + entry, "declares the dimension '" + part.trim()
                            + "', expected a whole number from 0 to " + Integer.MAX_VALUE);
                }
                dims.add(dim);
            }
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        int size;
        try {
            size = NpyArray.dtypeSize(d.group(1));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(npz, "entry " + entry, e.getMessage());
        }
        long bytes = size;
        try {
            for (int dim : shape) {
                bytes = Math.multiplyExact(bytes, dim);
            }
        } catch (ArithmeticException e) {
            bytes = Long.MAX_VALUE;
        }
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new BadInputException(npz, "entry " + entry, "is too large to hold in memory (" + bytes + " bytes)");
        }
        byte[] data = in.readNBytes((int) bytes);
        if (data.length != bytes) {
            throw new BadInputException(npz, "entry " + entry, "is truncated: " + data.length + " of " + bytes
                    + " data bytes");
        }
        return new NpyArray(d.group(1), shape, data);
    }
}
