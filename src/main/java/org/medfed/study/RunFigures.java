package org.medfed.study;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The figures a list of a study's runs shows for each run: the federated model's accuracy and AUC, the pooled model's
 * accuracy and the best hospital alone, each the mean over hospitals (results.csv's participant "mean"). Kept in
 * run.properties when a run finishes, so that listing runs does not read results.csv, which for a study of many
 * hospitals with its comparison models is hundreds of megabytes (a row per model, hospital and metric); a run kept
 * before they were recorded there has them read from its results.csv.
 */
public record RunFigures(double federatedAccuracy, double federatedAuc, double pooledAccuracy,
                         double bestAloneAccuracy, String bestAlone) {

    public static final RunFigures NONE = new RunFigures(Double.NaN, Double.NaN, Double.NaN, Double.NaN, "");

    /** Says that the figures below it were recorded (each is left out when the run has none). */
    private static final String RECORDED = "figures";
    private static final String FEDERATED_ACCURACY = "federatedAccuracy";
    private static final String FEDERATED_AUC = "federatedAuc";
    private static final String POOLED_ACCURACY = "pooledAccuracy";
    private static final String BEST_ALONE_ACCURACY = "bestAloneAccuracy";
    private static final String BEST_ALONE = "bestAlone";

    /** The figures of a finished run, from the same table results.csv is written from. */
    public static RunFigures of(StudyResult result) {
        Builder b = new Builder();
        for (ResultsTable.Row row : ResultsTable.of(result).rows()) {
            b.add(row.model(), "accuracy", row.mean("accuracy"));
            b.add(row.model(), "auc", row.mean("auc"));
        }
        return b.build();
    }

    /** Adds the figures to a run's properties. */
    void writeTo(Properties p) {
        p.setProperty(RECORDED, "means over hospitals");
        put(p, FEDERATED_ACCURACY, federatedAccuracy);
        put(p, FEDERATED_AUC, federatedAuc);
        put(p, POOLED_ACCURACY, pooledAccuracy);
        put(p, BEST_ALONE_ACCURACY, bestAloneAccuracy);
        if (!bestAlone.isEmpty()) {
            p.setProperty(BEST_ALONE, bestAlone);
        }
    }

    /**
     * The figures of the run in {@code dir} whose properties are {@code p}: as recorded, or, for a run kept before they
     * were, from its results.csv (none without one).
     *
     * @throws IOException when results.csv cannot be read
     */
    public static RunFigures of(Path dir, Properties p) throws IOException {
        if (p.containsKey(RECORDED)) {
            return new RunFigures(get(p, FEDERATED_ACCURACY), get(p, FEDERATED_AUC), get(p, POOLED_ACCURACY),
                    get(p, BEST_ALONE_ACCURACY), p.getProperty(BEST_ALONE, ""));
        }
        Path results = dir.resolve(RunOutputs.RESULTS);
        return Files.isRegularFile(results) ? fromResults(results) : NONE;
    }

    /** The rows of participant "mean", streamed: the file may be far larger than the figures. */
    private static RunFigures fromResults(Path results) throws IOException {
        Builder b = new Builder();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(results, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord row : parser) {
                if ("mean".equals(row.get("participant")) && !row.get("value").isEmpty()) {
                    b.add(row.get("model"), row.get("metric"), Double.parseDouble(row.get("value")));
                }
            }
        }
        return b.build();
    }

    private static void put(Properties p, String key, double value) {
        if (!Double.isNaN(value)) {
            p.setProperty(key, String.valueOf(value));
        }
    }

    private static double get(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key, "NaN"));
    }

    /** Picks the figures out of (model, metric, mean) triples; the first hospital alone wins a tie. */
    private static final class Builder {
        private double federatedAccuracy = Double.NaN;
        private double federatedAuc = Double.NaN;
        private double pooledAccuracy = Double.NaN;
        private double bestAloneAccuracy = Double.NaN;
        private String bestAlone = "";

        void add(String model, String metric, double v) {
            if (Double.isNaN(v)) {
                return;
            }
            if (model.equals(ResultsTable.FEDERATED) && metric.equals("accuracy")) {
                federatedAccuracy = v;
            } else if (model.equals(ResultsTable.FEDERATED) && metric.equals("auc")) {
                federatedAuc = v;
            } else if (model.equals(BaselineResult.POOLED) && metric.equals("accuracy")) {
                pooledAccuracy = v;
            } else if (model.startsWith(BaselineResult.LOCAL) && metric.equals("accuracy") && !(v <= bestAloneAccuracy)) {
                bestAloneAccuracy = v;
                bestAlone = model.substring(BaselineResult.LOCAL.length());
            }
        }

        RunFigures build() {
            return new RunFigures(federatedAccuracy, federatedAuc, pooledAccuracy, bestAloneAccuracy, bestAlone);
        }
    }
}
