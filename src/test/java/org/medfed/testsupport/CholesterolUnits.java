package org.medfed.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The heart sample's four hospitals with their cholesterol in two units: city-general, heart-centre and
 * mountain-hospital converted to mg/dL (× 38.67, whole numbers), rural-clinic left in mmol/L as the sample has it.
 */
public final class CholesterolUnits {

    public static final Path SAMPLE = Path.of("sample-projects/heart-4-hospitals/data");
    public static final List<String> HOSPITALS = List.of("city-general", "heart-centre", "mountain-hospital",
            "rural-clinic");
    public static final String IN_MMOL = "rural-clinic";

    private CholesterolUnits() {
    }

    /** Writes the four files into {@code dir}, by hospital in {@link #HOSPITALS} order. */
    public static Map<String, Path> write(Path dir) {
        Map<String, Path> out = new LinkedHashMap<>();
        try {
            for (String h : HOSPITALS) {
                List<String> lines = Files.readAllLines(SAMPLE.resolve(h + ".csv"));
                Path file = dir.resolve(h + ".csv");
                Files.writeString(file, h.equals(IN_MMOL) ? String.join("\n", lines) + "\n" : inMgPerDecilitre(lines));
                out.put(h, file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String inMgPerDecilitre(List<String> lines) {
        StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
        int c = List.of(lines.get(0).split(",")).indexOf("cholesterol");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (!cells[c].equals("NA")) {
                cells[c] = String.format(Locale.ROOT, "%.0f", Double.parseDouble(cells[c]) * 38.67);
            }
            b.append(String.join(",", cells)).append('\n');
        }
        return b.toString();
    }
}
