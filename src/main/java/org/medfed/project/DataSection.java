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

/** The tabular data settings of a study, as written in the study file. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DataSection(String separator, String header, List<String> missingValues, List<String> columnNames,
                          String label, List<String> features, List<String> drop, Map<String, String> types,
                          String missing, Boolean dropFirstLevel, String normalization, String labelRule,
                          Double trainFraction, Long splitSeed, Boolean stratify) {

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
                Normalization.parse(normalization), LabelRule.parse(labelRule), trainFraction, splitSeed, stratify);
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
                dropFirstLevel, normalization, labelRule, trainFraction, splitSeed, stratify);
    }
}
