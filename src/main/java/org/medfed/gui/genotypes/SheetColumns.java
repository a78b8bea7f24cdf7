package org.medfed.gui.genotypes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
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
 * The column names of a phenotype sheet, read from its header line only, so that the Task form can offer them
 * before anything else is read. The separator is chosen as the engine's sheet reader chooses it.
 */
public final class SheetColumns {

    private SheetColumns() {
    }

    public static List<String> read(Path sheet) {
        String header;
        try (BufferedReader in = new BufferedReader(
                org.medfed.io.ByteOrderMark.skipped(Files.newBufferedReader(sheet, StandardCharsets.UTF_8)))) {
            header = in.readLine();
        } catch (IOException e) {
            throw new BadInputException(sheet, null, "cannot be read: " + e.getMessage(), e);
        }
        if (header == null || header.isBlank()) {
            throw new BadInputException(sheet, "line 1", "the file is empty; expected a header line naming the columns");
        }
        return split(header);
    }

    static List<String> split(String header) {
        // the engine's rule: a comma when there is one, else a tab, else a semicolon
        char separator = header.contains(",") ? ',' : header.contains("\t") ? '\t' : header.contains(";") ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setTrim(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(header)).setFormat(format).get()) {
            List<String> names = new ArrayList<>();
            for (CSVRecord record : parser) {
                record.forEach(names::add);
                break;
            }
            return names;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new BadInputException("the header line '" + header + "' cannot be read: " + e.getMessage());
        }
    }
}
