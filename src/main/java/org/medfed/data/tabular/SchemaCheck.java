package org.medfed.data.tabular;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvNumber;
import org.medfed.data.harmonise.SiteMapping;
import org.medfed.io.EnglishList;
import org.medfed.data.harmonise.UnitHints;

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
        java.util.Set<String> withoutLabel = new java.util.HashSet<>();
        for (Map.Entry<String, SchemaSummary> e : sites.entrySet()) {
            if (!e.getValue().hasColumn(settings.label())) {
                withoutLabel.add(e.getKey());
            }
        }
        for (Map.Entry<String, SchemaSummary> e : sites.entrySet()) {
            if (withoutLabel.contains(e.getKey())) {
                List<String> onlyThere = e.getValue().columns().stream()
                        .filter(c -> onlyWhereTheLabelIsMissing(c, sites, withoutLabel)).map(c -> "'" + c + "'").toList();
                problems.add(new SchemaProblem(e.getKey(), settings.label(), SchemaProblem.Severity.ERROR,
                        "the label column '" + settings.label() + "' is missing from " + e.getValue().fileName()
                                + "; its columns are " + String.join(", ", e.getValue().columns())
                                + (onlyThere.isEmpty() || withoutLabel.size() == sites.size() ? ""
                                : " (" + EnglishList.of(onlyThere) + (onlyThere.size() == 1 ? " is" : " are")
                                + " in no other hospital's file: the label under another name?)")));
            }
        }
        List<String> features = new ArrayList<>(featureColumns(sites, settings));
        // such a column is told with the label above, not again as missing at every other hospital
        features.removeIf(column -> withoutLabel.size() < sites.size()
                && onlyWhereTheLabelIsMissing(column, sites, withoutLabel));
        if (settings.features().isEmpty()) {
            features.removeIf(column -> leftOutAsIdentifier(column, sites, settings, problems));
        }
        Map<String, List<String>> outcomes = labelValues(sites);
        compareCodings(settings.label(), "the outcome", outcomes, true, problems);
        oneClassOnly(settings.label(), outcomes, problems);
        for (String f : settings.drop()) {
            if (sites.values().stream().noneMatch(t -> t.hasColumn(f))) {
                problems.add(new SchemaProblem(SchemaProblem.ALL_HOSPITALS, f, SchemaProblem.Severity.WARNING,
                        "column '" + f + "' is to be dropped but no hospital has it"));
            }
        }
        // a misspelt name in the types would leave the real column read as inferred, without a word
        settings.types().forEach((column, type) -> {
            if (sites.values().stream().noneMatch(t -> t.hasColumn(column))) {
                problems.add(new SchemaProblem(SchemaProblem.ALL_HOSPITALS, column, SchemaProblem.Severity.WARNING,
                        "column '" + column + "' is given the type " + type.name().toLowerCase(java.util.Locale.ROOT)
                                + " but no hospital has it"));
            }
        });
        Map<String, ColumnType> types = new LinkedHashMap<>();
        Map<String, DecimalCommas> decimalCommas = new LinkedHashMap<>();
        for (String column : features) {
            ColumnType override = settings.types().get(column);
            List<String> numericAt = new ArrayList<>();
            List<String> textAt = new ArrayList<>();
            List<String> commaAt = new ArrayList<>();
            String example = null;
            String holders = null; // the same for every hospital that lacks the column: found once
            for (Map.Entry<String, SchemaSummary> e : sites.entrySet()) {
                Optional<ColumnSummary> summary = e.getValue().feature(column);
                if (summary.isEmpty()) {
                    holders = holders != null ? holders : holders(sites, column);
                    problems.add(new SchemaProblem(e.getKey(), column, SchemaProblem.Severity.ERROR,
                            "column '" + column + "' is missing from " + e.getValue().fileName() + " (" + holders + ")"));
                    continue;
                }
                ColumnSummary p = summary.get();
                if (p.present() == 0) {
                    problems.add(new SchemaProblem(e.getKey(), column, SchemaProblem.Severity.WARNING,
                            "column '" + column + "' has no values at all"));
                } else if (p.type() == ColumnType.NUMERIC) {
                    numericAt.add(e.getKey());
                } else if (override != ColumnType.CATEGORICAL && writtenWithDecimalCommas(p)) {
                    commaAt.add(e.getKey());
                    decimalCommas.computeIfAbsent(e.getKey(), site -> new DecimalCommas(e.getValue().fileName(),
                            p.firstTextLine(), column, p.firstText())).columns.add(column);
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
            if (!commaAt.isEmpty() && (override == ColumnType.NUMERIC || !numericAt.isEmpty())) {
                // numbers once read with a decimal comma: typed as such, so that the hospitals holding text are
                // told how to read them (an error), not that their codings differ
                commaAt.forEach(site -> decimalCommas.get(site).numbersElsewhere = true);
                numericAt.addAll(commaAt);
            } else {
                textAt.addAll(commaAt);
            }
            if (override != null) {
                if (override == ColumnType.NUMERIC && !textAt.isEmpty()) {
                    if (example != null) {
                        problems.add(new SchemaProblem(textAt.get(0), column, SchemaProblem.Severity.ERROR,
                                "column '" + column + "' is set to numeric but has text (" + example + ")"));
                    }
                }
                types.put(column, override);
            } else if (!numericAt.isEmpty() && !textAt.isEmpty()) {
                for (String site : textAt) {
                    if (commaAt.contains(site)) {
                        continue; // told once for all its columns, below
                    }
                    problems.add(new SchemaProblem(site, column, SchemaProblem.Severity.ERROR,
                            "column '" + column + "' holds numbers at " + String.join(", ", numericAt) + " but text at "
                                    + site + " (" + example + "); fix the values or set the column's type to categorical"));
                }
                types.put(column, ColumnType.CATEGORICAL);
            } else {
                types.put(column, numericAt.isEmpty() ? ColumnType.CATEGORICAL : ColumnType.NUMERIC);
            }
        }
        java.util.Set<String> commaColumns = new java.util.HashSet<>();
        decimalCommas.values().forEach(d -> commaColumns.addAll(d.columns));
        for (String column : features) {
            // numbers with a decimal comma are not codes: their warning says how to read them
            if (types.get(column) == ColumnType.CATEGORICAL && !commaColumns.contains(column)) {
                Map<String, List<String>> levels = new LinkedHashMap<>();
                sites.forEach((site, summary) -> summary.feature(column).ifPresent(c -> levels.put(site, c.levels())));
                compareCodings(column, "column", levels, false, problems);
            }
        }
        for (String column : features) {
            if (types.get(column) == ColumnType.NUMERIC) {
                unitHints(column, sites, problems);
                constantAtOneHospital(column, sites, problems);
                zerosApart(column, sites, problems);
            }
        }
        decimalCommas.forEach((site, d) -> problems.add(d.problem(site)));
        if (features.isEmpty()) {
            problems.add(new SchemaProblem(SchemaProblem.ALL_HOSPITALS, null, SchemaProblem.Severity.ERROR,
                    "no feature columns are left: the tables need at least one column besides the label"));
        }
        return new SchemaReport(types, problems);
    }

    /**
     * A column of text whose values are all numbers once a decimal comma is read as a point ({@code 63,5}): a file
     * from a European spreadsheet read without its decimal comma. Judged from what the hospital sends anyway: its
     * first value that is not a number and, for a column of categories, its levels.
     */
    private static boolean writtenWithDecimalCommas(ColumnSummary p) {
        return CsvNumber.writtenWithDecimalComma(p.firstText()) && p.levels().stream()
                .allMatch(v -> CsvNumber.looksNumeric(v) || CsvNumber.writtenWithDecimalComma(v));
    }

    /** A hospital's columns of numbers written with a decimal comma: one problem for all of them. */
    private static final class DecimalCommas {
        final String fileName;
        final int line;
        final String firstColumn;
        final String firstText;
        final List<String> columns = new ArrayList<>();
        /** Some of the columns are numbers at other hospitals (or set to numeric): the run cannot go on. */
        boolean numbersElsewhere;

        DecimalCommas(String fileName, int line, String firstColumn, String firstText) {
            this.fileName = fileName;
            this.line = line;
            this.firstColumn = firstColumn;
            this.firstText = firstText;
        }

        SchemaProblem problem(String site) {
            String others = columns.size() == 1 ? ""
                    : columns.size() == 2 ? ", and so is column '" + columns.get(1) + "'"
                    : ", and so are " + (columns.size() - 1) + " more columns ("
                            + String.join(", ", columns.subList(1, Math.min(columns.size(), 6)))
                            + (columns.size() > 6 ? ", ..." : "") + ")";
            String message = fileName + " line " + line + ": column '" + firstColumn + "' is '" + firstText
                    + "', a number written with a decimal comma" + others + "; set 'Numbers use a decimal comma' in "
                    + site + "'s import options (\"decimalComma\": true)"
                    + (numbersElsewhere ? ": read as text, they cannot join the other hospitals' numbers"
                            : ", or they are used as categories, not as numbers");
            return new SchemaProblem(site, firstColumn, numbersElsewhere ? SchemaProblem.Severity.ERROR
                    : SchemaProblem.Severity.WARNING, message, SchemaProblem.Kind.DECIMAL_COMMA);
        }
    }

    /**
     * A column that looks like an identifier (its name, or a different value on every row at a hospital) is left
     * out, with a warning that says why and that it can be kept; unless the study keeps it.
     */
    private static boolean onlyWhereTheLabelIsMissing(String column, Map<String, SchemaSummary> sites,
                                                      java.util.Set<String> withoutLabel) {
        return !withoutLabel.isEmpty() && sites.entrySet().stream().filter(e -> e.getValue().hasColumn(column))
                .allMatch(e -> withoutLabel.contains(e.getKey()));
    }

    private static boolean leftOutAsIdentifier(String column, Map<String, SchemaSummary> sites,
                                               TabularSettings settings, List<SchemaProblem> problems) {
        if (settings.keep().contains(column) || settings.types().containsKey(column)) {
            return false;
        }
        List<String> unique = new ArrayList<>();
        sites.forEach((site, summary) -> summary.feature(column)
                .filter(c -> c.identifierLike() && !writtenWithDecimalCommas(c))
                .ifPresent(c -> unique.add(site)));
        boolean named = IdentifierColumns.byName(column);
        if (!named && unique.isEmpty()) {
            return false;
        }
        String why = named && !unique.isEmpty() ? "its name, and a different value on every row at " + String.join(", ", unique)
                : named ? "its name" : "a different value on every row at " + String.join(", ", unique);
        problems.add(new SchemaProblem(SchemaProblem.ALL_HOSPITALS, column, SchemaProblem.Severity.WARNING, "column '" + column
                + "' looks like an identifier (" + why + "), so it is not used as a feature; keep it as a feature if "
                + "it really describes the patients", SchemaProblem.Kind.IDENTIFIER));
        return true;
    }

    /**
     * A hospital whose rows all have one outcome while others have several: it can train, but its test figures
     * have no AUC and its updates pull towards that class alone, which a user should hear before the run.
     */
    private static void oneClassOnly(String label, Map<String, List<String>> values, List<SchemaProblem> problems) {
        long classes = values.values().stream().flatMap(List::stream).distinct().count();
        if (classes < 2) {
            return; // one class everywhere is refused later, for the whole study
        }
        values.forEach((site, v) -> {
            if (v.size() == 1) {
                problems.add(new SchemaProblem(site, label, SchemaProblem.Severity.WARNING, "every row has the "
                        + "outcome '" + label + "' = " + v.get(0) + ": this hospital's test figures will have no AUC, "
                        + "and its training sees one class only"));
            }
        });
    }

    private static Map<String, List<String>> labelValues(Map<String, SchemaSummary> sites) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        sites.forEach((site, summary) -> out.put(site, summary.labelValues()));
        return out;
    }

    /**
     * Hospitals whose values of a column (the outcome, or a column of categories) share none with the other
     * hospitals', or that spell a value with other capitals, code it differently: the run would learn their
     * values as other classes or levels. Each such hospital gets an error that names every hospital's coding.
     * A class of the outcome found at one hospital only (when the codings overlap) is a warning.
     */
    static void compareCodings(String column, String what, Map<String, List<String>> values, boolean outcome,
                               List<SchemaProblem> problems) {
        Map<String, List<String>> coded = new LinkedHashMap<>();
        values.forEach((site, v) -> {
            if (!v.isEmpty()) {
                coded.put(site, v);
            }
        });
        if (coded.size() < 2) {
            return;
        }
        String codings = coded.entrySet().stream().map(e -> e.getKey() + ": {" + String.join(", ", e.getValue()) + "}")
                .collect(java.util.stream.Collectors.joining("; "));
        String subject = outcome ? "the outcome '" + column + "'" : what + " '" + column + "'";
        // how many hospitals have each value, and each value up to case: "another hospital has it" is then a count
        // above one, not a union of all the others' values per hospital (quadratic in hospitals: minutes at 10,000)
        Map<String, Integer> sitesWith = new java.util.HashMap<>();
        Map<String, Integer> sitesWithAnyCase = new java.util.HashMap<>();
        for (List<String> v : coded.values()) {
            new java.util.HashSet<>(v).forEach(x -> sitesWith.merge(x, 1, Integer::sum));
            v.stream().map(SchemaCheck::folded).distinct().forEach(x -> sitesWithAnyCase.merge(x, 1, Integer::sum));
        }
        for (Map.Entry<String, List<String>> e : coded.entrySet()) {
            List<String> mine = e.getValue();
            java.util.function.Predicate<String> elsewhere = v -> sitesWith.getOrDefault(v, 0) > 1;
            boolean shared = mine.stream().anyMatch(elsewhere);
            List<String> caseOnly = mine.stream().filter(v -> !elsewhere.test(v)
                    && sitesWithAnyCase.getOrDefault(folded(v), 0) > 1).toList();
            if (!shared || !caseOnly.isEmpty()) {
                problems.add(new SchemaProblem(e.getKey(), column, SchemaProblem.Severity.ERROR, subject
                        + (shared ? " is spelled differently (" + String.join(", ", caseOnly) + ")" : " is coded differently")
                        + " at the hospitals: " + codings + ". Recode " + e.getKey() + "'s values to the study's codes "
                        + "(its mapping)", SchemaProblem.Kind.CODING));
            } else if (outcome) {
                List<String> alone = mine.stream().filter(v -> !elsewhere.test(v)).toList();
                if (!alone.isEmpty()) {
                    problems.add(new SchemaProblem(e.getKey(), column, SchemaProblem.Severity.WARNING, "outcome value"
                            + (alone.size() == 1 ? " " : "s ") + String.join(", ", alone) + " only at " + e.getKey()
                            + " (" + codings + "); if it is another hospital's code under another name, recode it "
                            + "(its mapping)", SchemaProblem.Kind.CODING));
                }
            }
        }
    }

    /**
     * A hospital whose numbers of the column look like another unit than the others' (from the means and standard
     * deviations the hospitals sent): a warning naming the factor, which its mapping can apply.
     */
    private static void unitHints(String column, Map<String, SchemaSummary> sites, List<SchemaProblem> problems) {
        List<UnitHints.Site> stats = new ArrayList<>();
        sites.forEach((site, summary) -> summary.feature(column).filter(c -> c.mean() != null && c.sd() != null)
                .ifPresent(c -> stats.add(new UnitHints.Site(site, c.present(), c.mean(), c.sd()))));
        for (UnitHints.Hint h : UnitHints.find(column, stats)) {
            problems.add(SchemaProblem.unit(h.site(), column, h.message(), h.multiplier()));
        }
    }

    /**
     * A hospital where every value of a column is the same while it varies at the others (from the means and
     * standard deviations the hospitals sent): often a value not recorded there and written as 0 (cholesterol in the
     * Swiss centre of the UCI heart-disease data). Left in, the column tells the model which hospital a patient is
     * from rather than anything about the patient: a warning, which the hospital's mapping answers (the column's values
 * that mean "not recorded").
     */
    private static void constantAtOneHospital(String column, Map<String, SchemaSummary> sites,
                                              List<SchemaProblem> problems) {
        Map<String, ColumnSummary> spread = new LinkedHashMap<>();
        sites.forEach((site, summary) -> summary.feature(column).filter(c -> c.mean() != null && c.sd() != null)
                .ifPresent(c -> spread.put(site, c)));
        boolean variesElsewhere = spread.values().stream().anyMatch(c -> !constant(c));
        spread.forEach((site, c) -> {
            if (variesElsewhere && constant(c)) {
                String value = SiteMapping.number(c.mean());
                problems.add(SchemaProblem.notRecorded(site, column, "all " + c.present()
                        + " values are " + value + ", while they vary at the other hospitals: if " + value
                        + " stands for 'not recorded' at " + site + ", mark it so in its mapping ('Not "
                        + "recorded'), or the model learns which hospital a patient is from", value));
            }
        });
    }

    /**
     * A hospital whose column of measurements has zeros far below all its other values (a blood pressure or a
     * cholesterol of 0): most often "not recorded" written as 0, which the model would learn as an extreme
     * patient. A warning, answered by the hospital's mapping like the constant column above. The hospital says
     * only how many such zeros it has ({@link ColumnSummary#zerosApart}).
     */
    private static void zerosApart(String column, Map<String, SchemaSummary> sites, List<SchemaProblem> problems) {
        sites.forEach((site, summary) -> summary.feature(column).filter(c -> c.zerosApart() > 0 && !constantSd(c))
                .ifPresent(c -> problems.add(SchemaProblem.notRecorded(site, column, c.zerosApart() + " of its "
                        + c.present() + " values " + (c.zerosApart() == 1 ? "is" : "are") + " 0, far below all the others (more than "
                        + SiteMapping.number(ColumnSummary.ZEROS_APART_SDS) + " standard deviations): if 0 stands for "
                        + "'not recorded' at " + site + ", mark it so in its mapping ('Not recorded'), or the model "
                        + "learns those patients as extreme ones", "0"))));
    }

    private static boolean constantSd(ColumnSummary c) {
        return c.mean() != null && c.sd() != null && constant(c);
    }

    /** The same value on every row (the two-pass standard deviation of equal numbers is 0 or a rounding error). */
    private static boolean constant(ColumnSummary c) {
        return c.sd() <= 1e-9 * Math.max(1, Math.abs(c.mean()));
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

    /** A value up to case, as {@link String#equalsIgnoreCase} compares (upper, then lower case, per character). */
    private static String folded(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            sb.append(Character.toLowerCase(Character.toUpperCase(v.charAt(i))));
        }
        return sb.toString();
    }

    /** "hospital-a has it", "hospital-a and hospital-c have it", or "5 other hospitals have it". */
    private static String holders(Map<String, SchemaSummary> sites, String column) {
        List<String> names = sites.entrySet().stream().filter(e -> e.getValue().feature(column).isPresent())
                .map(Map.Entry::getKey).toList();
        if (names.size() == 1) {
            return names.get(0) + " has it";
        }
        if (names.size() <= 3) {
            return EnglishList.of(names) + " have it";
        }
        return names.size() + " other hospitals have it";
    }
}
