package org.medfed.data.tabular;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfed.data.csv.ColumnType;

/**
 * Checks that every hospital's table has the label and feature columns, of the same type, before a run,
 * and reports each problem by hospital and column. Coordinator side: it sees only each hospital's
 * {@link SchemaSummary}, never a table.
 */
public final class SchemaCheck {

    private SchemaCheck() {
    }

    /** @param sites each participant's schema summary, in participant order */
    public static SchemaReport check(Map<String, SchemaSummary> sites, TabularSettings settings) {
        List<SchemaProblem> problems = new ArrayList<>();
        for (Map.Entry<String, SchemaSummary> e : sites.entrySet()) {
            if (!e.getValue().hasColumn(settings.label())) {
                problems.add(new SchemaProblem(e.getKey(), settings.label(), SchemaProblem.Severity.ERROR,
                        "the label column '" + settings.label() + "' is missing from " + e.getValue().fileName()
                                + "; its columns are " + String.join(", ", e.getValue().columns())));
            }
        }
        List<String> features = featureColumns(sites, settings);
        for (String f : settings.drop()) {
            if (sites.values().stream().noneMatch(t -> t.hasColumn(f))) {
                problems.add(new SchemaProblem("all", f, SchemaProblem.Severity.WARNING,
                        "column '" + f + "' is to be dropped but no hospital has it"));
            }
        }
        Map<String, ColumnType> types = new LinkedHashMap<>();
        for (String column : features) {
            List<String> numericAt = new ArrayList<>();
            List<String> textAt = new ArrayList<>();
            String example = null;
            for (Map.Entry<String, SchemaSummary> e : sites.entrySet()) {
                Optional<ColumnSummary> summary = e.getValue().feature(column);
                if (summary.isEmpty()) {
                    problems.add(new SchemaProblem(e.getKey(), column, SchemaProblem.Severity.ERROR,
                            "column '" + column + "' is missing from " + e.getValue().fileName()
                                    + " (other hospitals have it)"));
                    continue;
                }
                ColumnSummary p = summary.get();
                if (p.present() == 0) {
                    problems.add(new SchemaProblem(e.getKey(), column, SchemaProblem.Severity.WARNING,
                            "column '" + column + "' has no values at all"));
                } else if (p.type() == ColumnType.NUMERIC) {
                    numericAt.add(e.getKey());
                } else if (p.mostlyNumbers() && !settings.types().containsKey(column)) {
                    // a numeric column with a stray word is a typo to fix, not a column of categories
                    problems.add(new SchemaProblem(e.getKey(), column, SchemaProblem.Severity.ERROR,
                            e.getValue().fileName() + " line " + p.firstTextLine() + ": column '" + column + "' is '"
                                    + p.firstText() + "', expected a number (the column's other values are numbers); "
                                    + "fix the value, or set the column's type to categorical"));
                    numericAt.add(e.getKey());
                } else {
                    textAt.add(e.getKey());
                    if (example == null && p.firstText() != null) {
                        example = e.getValue().fileName() + " line " + p.firstTextLine() + ": '" + p.firstText() + "'";
                    }
                }
            }
            ColumnType override = settings.types().get(column);
            if (override != null) {
                if (override == ColumnType.NUMERIC && !textAt.isEmpty()) {
                    problems.add(new SchemaProblem(textAt.get(0), column, SchemaProblem.Severity.ERROR,
                            "column '" + column + "' is set to numeric but has text (" + example + ")"));
                }
                types.put(column, override);
            } else if (!numericAt.isEmpty() && !textAt.isEmpty()) {
                for (String site : textAt) {
                    problems.add(new SchemaProblem(site, column, SchemaProblem.Severity.ERROR,
                            "column '" + column + "' holds numbers at " + String.join(", ", numericAt) + " but text at "
                                    + site + " (" + example + "); fix the values or set the column's type to categorical"));
                }
                types.put(column, ColumnType.CATEGORICAL);
            } else {
                types.put(column, numericAt.isEmpty() ? ColumnType.CATEGORICAL : ColumnType.NUMERIC);
            }
        }
        if (features.isEmpty()) {
            problems.add(new SchemaProblem("all", null, SchemaProblem.Severity.ERROR,
                    "no feature columns are left: the tables need at least one column besides the label"));
        }
        return new SchemaReport(types, problems);
    }

    /** The chosen features, or every column of any hospital except the label and the dropped ones. */
    static List<String> featureColumns(Map<String, SchemaSummary> sites, TabularSettings settings) {
        if (!settings.features().isEmpty()) {
            return settings.features();
        }
        List<String> out = new ArrayList<>();
        for (SchemaSummary site : sites.values()) {
            for (String c : site.columns()) {
                if (settings.mayBeFeature(c) && !out.contains(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }
}
