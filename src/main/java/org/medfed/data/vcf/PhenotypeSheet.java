package org.medfed.data.vcf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.medfed.engine.BadInputException;

/**
 * A hospital's phenotype sheet: a CSV (comma, semicolon or tab separated, with a header line) holding a
 * sample id, the phenotype and covariates. Values that cannot be what the study needs are errors naming the
 * line and column; missing values (empty, NA, N/A, NaN, ".") are kept as missing and counted when matching.
 */
public final class PhenotypeSheet {

    private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", ".");

    private final Path file;
    private final PhenotypeSpec spec;
    private final Map<String, PhenotypeRow> rows;
    private final Set<String> duplicated;
    private final int rowCount;

    private PhenotypeSheet(Path file, PhenotypeSpec spec, Map<String, PhenotypeRow> rows, Set<String> duplicated,
            int rowCount) {
        this.file = file;
        this.spec = spec;
        this.rows = rows;
        this.duplicated = duplicated;
        this.rowCount = rowCount;
    }

    public static PhenotypeSheet read(Path file, PhenotypeSpec spec) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, null, Files.exists(file) ? "is not a file" : "file not found");
        }
        try (Reader reader = org.medfed.io.ByteOrderMark.skipped(open(file))) {
            String firstLine;
            try (BufferedReader head = new BufferedReader(open(file))) {
                firstLine = Objects.requireNonNullElse(head.readLine(), "");
            }
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(firstLine)).setHeader()
                    .setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).get();
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                return parse(file, spec, parser);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BadInputException(file, null, "cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports a bad header (duplicate or empty names) and broken quoting this way
            throw new BadInputException(file, null, "is not a readable CSV table: " + e.getMessage(), e);
        }
    }

    private static PhenotypeSheet parse(Path file, PhenotypeSpec spec, CSVParser parser) {
        List<String> header = parser.getHeaderNames();
        if (header.isEmpty()) {
            throw new BadInputException(file, "line 1", "the file is empty; expected a header line naming the columns");
        }
        String idColumn = spec.idColumn() == null ? header.get(0) : spec.idColumn();
        requireColumn(file, header, idColumn, "sample id");
        requireColumn(file, header, spec.phenotypeColumn(), "phenotype");
        for (String c : spec.covariates()) {
            requireColumn(file, header, c, "covariate");
        }
        Map<String, PhenotypeRow> rows = new LinkedHashMap<>();
        Set<String> duplicated = new LinkedHashSet<>();
        int count = 0;
        for (CSVRecord record : parser) {
            long line = parser.getCurrentLineNumber();
            if (record.size() != header.size()) {
                throw new BadInputException(file, "line " + line, "the row has " + record.size() + " values, expected "
                        + header.size() + " (one per column of the header)");
            }
            count++;
            String id = record.get(idColumn);
            if (id.isEmpty()) {
                throw new BadInputException(file, "line " + line, "column '" + idColumn + "' (sample id) is empty");
            }
            double phenotype = number(file, line, spec.phenotypeColumn(), record.get(spec.phenotypeColumn()), true);
            if (spec.kind() == PhenotypeKind.BINARY && !Double.isNaN(phenotype) && phenotype != 0 && phenotype != 1) {
                throw new BadInputException(file, "line " + line, "column '" + spec.phenotypeColumn() + "' is '"
                        + record.get(spec.phenotypeColumn()) + "', expected 0 (control) or 1 (case) for a binary "
                        + "phenotype, or empty/NA when unknown (PLINK's 1 = control, 2 = case coding must be converted)");
            }
            double[] covariates = new double[spec.covariates().size()];
            for (int i = 0; i < covariates.length; i++) {
                String column = spec.covariates().get(i);
                covariates[i] = number(file, line, column, record.get(column), false);
            }
            if (rows.containsKey(id) || duplicated.contains(id)) {
                duplicated.add(id);
                rows.remove(id);
            } else {
                rows.put(id, new PhenotypeRow(id, phenotype, covariates, line));
            }
        }
        return new PhenotypeSheet(file, spec, rows, duplicated, count);
    }

    public Path file() {
        return file;
    }

    public PhenotypeSpec spec() {
        return spec;
    }

    /** Data rows read (duplicates included). */
    public int rowCount() {
        return rowCount;
    }

    /** The row of a sample id, or null when absent or duplicated. */
    public PhenotypeRow row(String id) {
        return rows.get(id);
    }

    /** Ids written on more than one row, in order of first appearance. */
    public List<String> duplicatedIds() {
        return List.copyOf(duplicated);
    }

    /** Pairs the VCF's samples with this sheet's rows. */
    public SampleMatch match(List<String> vcfSamples) {
        Set<String> inVcf = new HashSet<>(vcfSamples);
        List<Integer> indices = new ArrayList<>();
        List<PhenotypeRow> matched = new ArrayList<>();
        List<String> vcfOnly = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        List<String> duplicatedInVcf = new ArrayList<>();
        for (int i = 0; i < vcfSamples.size(); i++) {
            String id = vcfSamples.get(i);
            PhenotypeRow row = rows.get(id);
            if (duplicated.contains(id)) {
                duplicatedInVcf.add(id);
            } else if (row == null) {
                vcfOnly.add(id);
            } else if (!row.complete()) {
                incomplete.add(id);
            } else {
                indices.add(i);
                matched.add(row);
            }
        }
        List<String> sheetOnly = new ArrayList<>();
        for (String id : rows.keySet()) {
            if (!inVcf.contains(id)) {
                sheetOnly.add(id);
            }
        }
        for (String id : duplicated) {
            if (!inVcf.contains(id)) {
                sheetOnly.add(id);
            }
        }
        int n = indices.size();
        int[] vcfIndices = new int[n];
        double[] phenotype = new double[n];
        double[][] covariates = new double[n][];
        for (int k = 0; k < n; k++) {
            vcfIndices[k] = indices.get(k);
            phenotype[k] = matched.get(k).phenotype();
            covariates[k] = matched.get(k).covariates().clone();
        }
        return new SampleMatch(vcfIndices, phenotype, covariates, vcfSamples.size(), rowCount, vcfOnly, sheetOnly,
                duplicatedInVcf, incomplete);
    }

    private static double number(Path file, long line, String column, String text, boolean phenotype) {
        if (MISSING.contains(text.toLowerCase(Locale.ROOT))) {
            return Double.NaN;
        }
        try {
            return org.medfed.data.csv.CsvNumber.parse(text);
        } catch (NumberFormatException e) {
            // reported below with the column's role
        }
        String hint = text.contains(",") ? " (use a dot as the decimal separator)"
                : phenotype ? "" : " (code categories as numbers, e.g. sex as 0/1)";
        throw new BadInputException(file, "line " + line, "column '" + column + "' is '" + text
                + "', expected a number" + hint + ", or empty/NA when unknown");
    }

    private static void requireColumn(Path file, List<String> header, String column, String role) {
        if (!header.contains(column)) {
            throw new BadInputException(file, "line 1", "the " + role + " column '" + column + "' is not in the header; "
                    + "the columns are: " + String.join(", ", header));
        }
    }

    /** Tab or semicolon when the header uses them and has no comma (spreadsheet exports), else comma. */
    private static char delimiter(String header) {
        if (!header.contains(",")) {
            if (header.contains("\t")) {
                return '\t';
            }
            if (header.contains(";")) {
                return ';';
            }
        }
        return ',';
    }

    /** Undecodable bytes (a Latin-1 export) become U+FFFD rather than an exception. */
    private static Reader open(Path file) throws IOException {
        return new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
    }
}
