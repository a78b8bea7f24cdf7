package org.medfed.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Three hospitals' small breast-cancer tables that differ the way real hospitals do: city-general and county code
 * the outcome 2 (benign) / 4 (malignant), rural writes benign / malignant. Each has a patient_id unique per row.
 * Made here with a fixed seed, so every test sees the same rows.
 */
public final class MixedCoding {

    public static final List<String> HOSPITALS = List.of("city-general", "county", "rural");
    public static final String HEADER = "patient_id,clump,cell_size,nuclei,class";

    private MixedCoding() {
    }

    /** Writes the three files into {@code dir}; rural's outcome in words. Returns them in {@link #HOSPITALS} order. */
    public static List<Path> write(Path dir) {
        List<Path> out = new ArrayList<>();
        for (int h = 0; h < HOSPITALS.size(); h++) {
            out.add(write(dir.resolve(HOSPITALS.get(h) + ".csv"), rows(h, 60), ',', false, true));
        }
        return out;
    }

    /** The rows of hospital {@code h} (its outcome in words for the third): id, clump, cell size, nuclei, class. */
    public static List<String[]> rows(int h, int n) {
        Random random = new Random(100 + h);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean malignant = i % 3 == 0; // a third malignant at every hospital
            int base = malignant ? 6 : 2;
            String clump = String.valueOf(base + random.nextInt(4));
            String size = String.format(Locale.ROOT, "%.1f", base + random.nextDouble() * 3);
            String nuclei = String.valueOf(base + random.nextInt(4));
            String cls = h == 2 ? (malignant ? "malignant" : "benign") : (malignant ? "4" : "2");
            rows.add(new String[] {"P" + (1000 * (h + 1) + i), clump, size, nuclei, cls});
        }
        return rows;
    }

    /**
     * Writes {@code rows} under {@link #HEADER} (or without a header), with {@code separator}, numbers with a
     * decimal comma when asked.
     */
    public static Path write(Path file, List<String[]> rows, char separator, boolean decimalComma, boolean header) {
        StringBuilder sb = new StringBuilder();
        if (header) {
            sb.append(HEADER.replace(',', separator)).append('\n');
        }
        for (String[] r : rows) {
            List<String> cells = new ArrayList<>();
            for (String v : r) {
                cells.add(decimalComma ? v.replace('.', ',') : v);
            }
            sb.append(String.join(String.valueOf(separator), cells)).append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
