package org.medfed.data.image;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.medfed.engine.BadInputException;

/**
 * An image study's manifest: a CSV whose header names the columns {@code file} and {@code label}, one image per
 * row, files relative to the CSV's folder. Read the same way by the run and by the workbench's preview, so that
 * a row the run refuses is refused on screen too.
 */
public final class ImageManifest {

    /** One listed image: where it is, its class, the path as written and the line, for messages. */
    public record Entry(Path file, String label, String written, String line) {
    }

    private ImageManifest() {
    }

    /**
     * The listed images in file order; whether each file exists is left to the caller.
     *
     * @throws BadInputException naming the line when the header or a row is malformed
     */
    public static List<Entry> read(Path csv) {
        if (!Files.isRegularFile(csv)) {
            throw new BadInputException(csv, null, "not found: the study takes its labels from this manifest "
                    + "(a CSV with the columns file,label)");
        }
        List<Entry> entries = new ArrayList<>();
        Path base = csv.toAbsolutePath().getParent();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader reader = org.medfed.io.ByteOrderMark.skipped(Files.newBufferedReader(csv, StandardCharsets.UTF_8));
                CSVParser parser = CSVParser.parse(reader, format)) {
            if (!parser.getHeaderMap().containsKey("file") || !parser.getHeaderMap().containsKey("label")) {
                throw new BadInputException(csv, "line 1", "the header must name the columns 'file' and 'label', found "
                        + parser.getHeaderNames());
            }
            for (CSVRecord r : parser) {
                String line = "line " + r.getParser().getCurrentLineNumber();
                if (!r.isConsistent()) {
                    throw new BadInputException(csv, line, "expected " + parser.getHeaderNames().size()
                            + " columns, found " + r.size());
                }
                String file = r.get("file");
                String label = r.get("label");
                if (file.isEmpty() || label.isEmpty()) {
                    throw new BadInputException(csv, line, "the file and the label must both be given");
                }
                entries.add(new Entry(base.resolve(file).normalize(), label, file, line));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(csv, null, "could not be read: " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new BadInputException(csv, null, "lists no images");
        }
        return entries;
    }
}
