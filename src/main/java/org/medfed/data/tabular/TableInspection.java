package org.medfed.data.tabular;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medfed.data.csv.ColumnProfile;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvNumber;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.csv.DateText;
import org.medfed.data.csv.TableProfiler;
import org.medfed.engine.BadInputException;

/**
 * The text report of {@code medfed inspect FILE.csv}: columns, types, missing values, label balance, and what a
 * study would make of them (a column that looks like an identifier, the columns that could be the label).
 */
public final class TableInspection {

    private TableInspection() {
    }

    public static String report(Path file, CsvFormat format, String label) {
        CsvTable table = CsvReader.read(file, format);
        Map<String, ColumnProfile> profiles = TableProfiler.profile(table);
        StringBuilder sb = new StringBuilder();
        sb.append(table.fileName()).append(": ").append(table.rowCount()).append(" rows, ")
                .append(table.columns().size()).append(" columns, ")
                .append(table.hadHeader() ? "header row" : format.columnNames().isEmpty()
                        ? "no header row (columns named column1..)"
                        : "no header row (columns named as given)").append('\n');
        sb.append(String.format(Locale.ROOT, "%-20s %-12s %8s %9s %12s %12s %12s%n", "column", "type", "missing",
                "distinct", "min", "max", "mean"));
        for (ColumnProfile p : profiles.values()) {
            sb.append(String.format(Locale.ROOT, "%-20s %-12s %8d %9s %12s %12s %12s%n", p.name(), p.inferredType().id(),
                    p.missing(), p.distinct() < 0 ? ">" + ColumnProfile.MAX_LEVELS : String.valueOf(p.distinct()),
                    num(p.min()), num(p.max()), num(p.mean())));
            boolean decimalCommas = p.inferredType() == ColumnType.CATEGORICAL
                    && CsvNumber.writtenWithDecimalComma(p.firstText()) && p.levelCounts().keySet().stream()
                    .allMatch(v -> CsvReader.isNumber(v) || CsvNumber.writtenWithDecimalComma(v));
            String identifier = decimalCommas ? null : IdentifierColumns.reason(table, p.name());
            if (decimalCommas) {
                sb.append("    (numbers written with a decimal comma, such as '").append(p.firstText())
                        .append("': read with a decimal comma, they are numbers)\n");
            } else if (p.inferredType() == ColumnType.CATEGORICAL && DateText.looksLikeDate(p.firstText())) {
                sb.append("    (dates, such as '").append(p.firstText()).append("': no feature as they are; leave the ")
                        .append("column out, or add a number made from it, such as an age)\n");
            } else if (identifier != null) {
                sb.append("    (looks like an identifier: ").append(identifier).append("; a study leaves it out of ")
                        .append("the features unless it is kept)\n");
            } else if (p.inferredType() == ColumnType.CATEGORICAL && p.firstText() != null && p.present() > 0
                    && p.levelCounts().keySet().stream().anyMatch(CsvReader::isNumber)) {
                sb.append("    (mostly numbers, but line ").append(p.firstTextLine()).append(" has '")
                        .append(p.firstText()).append("')\n");
            }
        }
        String labelColumn = label != null ? label : table.columns().get(table.columns().size() - 1);
        ColumnProfile lp = profiles.get(labelColumn);
        if (lp == null) {
            throw new BadInputException(file, null, "has no column '" + labelColumn + "'; its columns are "
                    + String.join(", ", table.columns()));
        }
        sb.append('\n').append("label '").append(labelColumn).append("'").append(label == null ? " (the last column)" : "")
                .append(": ");
        if (lp.distinct() < 0 || (label == null && lp.distinct() > LabelCandidates.MAX_CLASSES)) {
            // a column asked for by name gets its balance however many classes it has; the default, only if few
            sb.append(lp.distinct() < 0 ? "more than " + ColumnProfile.MAX_LEVELS : String.valueOf(lp.distinct()))
                    .append(" distinct values: not a class label\n");
            List<String> candidates = LabelCandidates.of(table, profiles, labelColumn);
            sb.append(candidates.isEmpty() ? "no column has 2 to " + LabelCandidates.MAX_CLASSES + " values to be a label\n"
                    : "columns with 2 to " + LabelCandidates.MAX_CLASSES + " values, which could be the label (--label "
                    + "COLUMN shows its balance): " + String.join(", ", candidates) + "\n");
        } else {
            int total = lp.present();
            boolean first = true;
            for (Map.Entry<String, Integer> e : lp.levelCounts().entrySet()) {
                sb.append(first ? "" : ", ").append(e.getKey()).append(": ").append(e.getValue())
                        .append(String.format(Locale.ROOT, " (%.0f%%)", 100.0 * e.getValue() / Math.max(1, total)));
                first = false;
            }
            if (lp.missing() > 0) {
                sb.append(", missing: ").append(lp.missing());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return Math.abs(v) >= 1e5 || (v != 0 && Math.abs(v) < 1e-3) ? String.format(Locale.ROOT, "%.3g", v)
                : String.format(Locale.ROOT, "%.3f", v);
    }
}
