package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.HeaderMode;
import org.medfed.data.tabular.LabelRule;
import org.medfed.data.tabular.MissingPolicy;
import org.medfed.data.tabular.Normalization;
import org.medfed.data.tabular.TabularSettings;
import org.medfed.engine.BadInputException;

/**
 * The tabular data settings of a study, as written in the study file: how the CSV files are read (each hospital may
 * override it in its {@code "csv"}), the label and features, preprocessing and split; {@code keep} names columns
 * that look like identifiers but are features all the same, {@code classNames} the outcome's classes as tables and
 * charts show them ({@code {"2": "benign", "4": "malignant"}}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DataSection(String separator, String header, List<String> missingValues, List<String> columnNames,
                          String label, List<String> features, List<String> drop, Map<String, String> types,
                          String missing, Boolean dropFirstLevel, String normalization, String labelRule,
                          Double trainFraction, Long splitSeed, Boolean stratify, List<String> keep,
                          Map<String, String> classNames) {

    public DataSection {
        separator = separator == null ? "," : separator;
        header = header == null ? "auto" : header;
        missingValues = missingValues == null ? List.copyOf(CsvFormat.DEFAULT_MISSING).stream().sorted().toList()
                : List.copyOf(missingValues);
        columnNames = columnNames == null ? List.of() : List.copyOf(columnNames);
        features = features == null ? List.of() : List.copyOf(features);
        drop = drop == null ? List.of() : List.copyOf(drop);
        types = types == null ? Map.of() : Map.copyOf(types);
        missing = missing == null ? MissingPolicy.DROP_ROWS.id() : missing;
        dropFirstLevel = dropFirstLevel == null ? Boolean.TRUE : dropFirstLevel;
        normalization = normalization == null ? Normalization.POOLED.id() : normalization;
        labelRule = labelRule == null ? LabelRule.AS_IS.id() : labelRule;
        trainFraction = trainFraction == null ? 0.8 : trainFraction;
        splitSeed = splitSeed == null ? 42L : splitSeed;
        stratify = stratify == null ? Boolean.TRUE : stratify;
        keep = keep == null ? List.of() : List.copyOf(keep);
        classNames = classNames == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(classNames));
    }

    /** No identifier-like column kept, classes shown as coded. */
    public DataSection(String separator, String header, List<String> missingValues, List<String> columnNames,
                       String label, List<String> features, List<String> drop, Map<String, String> types,
                       String missing, Boolean dropFirstLevel, String normalization, String labelRule,
                       Double trainFraction, Long splitSeed, Boolean stratify) {
        this(separator, header, missingValues, columnNames, label, features, drop, types, missing, dropFirstLevel,
                normalization, labelRule, trainFraction, splitSeed, stratify, null, null);
    }

    public static DataSection forLabel(String label) {
        return new DataSection(null, null, null, null, label, null, null, null, null, null, null, null, null, null, null);
    }

    public CsvFormat csvFormat() {
        return new CsvFormat(separatorChar(), headerMode(), new java.util.HashSet<>(missingValues), columnNames);
    }

    public TabularSettings tabularSettings() {
        Map<String, ColumnType> typed = new LinkedHashMap<>();
        types.forEach((column, type) -> typed.put(column, ColumnType.parse(type)));
        return new TabularSettings(label, features, drop, typed, MissingPolicy.parse(missing), dropFirstLevel,
                Normalization.parse(normalization), LabelRule.parse(labelRule), trainFraction, splitSeed, stratify, keep);
    }

    /**
     * The class a value of the label column stands for under the study's label rule (the value itself when the rule
     * is not one MedFed knows, which the study's check reports), or null when the value fits no class of the rule.
     */
    public String classOf(String labelValue) {
        LabelRule rule;
        try {
            rule = LabelRule.parse(labelRule);
        } catch (org.medfed.engine.BadInputException e) {
            rule = LabelRule.AS_IS;
        }
        return rule.apply(labelValue);
    }

    /** A class as tables and charts show it: its display name, or the class itself when it has none. */
    public String className(String level) {
        String shown = classNames.get(level);
        return shown == null || shown.isBlank() ? level : shown;
    }

    char separatorChar() {
        return CsvFormat.parseSeparator(separator);
    }

    HeaderMode headerMode() {
        return switch (header.toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> HeaderMode.AUTO;
            case "yes", "true" -> HeaderMode.YES;
            case "no", "false" -> HeaderMode.NO;
            default -> throw new BadInputException("header must be auto, yes or no, was \"" + header + "\"");
        };
    }

    public DataSection withLabel(String newLabel) {
        return new DataSection(separator, header, missingValues, columnNames, newLabel, features, drop, types, missing,
                dropFirstLevel, normalization, labelRule, trainFraction, splitSeed, stratify, keep, classNames);
    }

    public DataSection withDrop(List<String> columns) {
        return new DataSection(separator, header, missingValues, columnNames, label, features, columns, types, missing,
                dropFirstLevel, normalization, labelRule, trainFraction, splitSeed, stratify, keep, classNames);
    }

    public DataSection withKeep(List<String> columns) {
        return new DataSection(separator, header, missingValues, columnNames, label, features, drop, types, missing,
                dropFirstLevel, normalization, labelRule, trainFraction, splitSeed, stratify, columns, classNames);
    }

    public DataSection withClassNames(Map<String, String> names) {
        return new DataSection(separator, header, missingValues, columnNames, label, features, drop, types, missing,
                dropFirstLevel, normalization, labelRule, trainFraction, splitSeed, stratify, keep, names);
    }
}
