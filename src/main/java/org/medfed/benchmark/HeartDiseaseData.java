package org.medfed.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfed.concurrency.InOrder;
import org.medfed.data.ScikitLearnSplit;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.HeaderMode;
import org.medfed.data.tabular.LabelRule;
import org.medfed.data.tabular.MissingPolicy;
import org.medfed.data.tabular.Normalization;
import org.medfed.data.tabular.TabularFederation;
import org.medfed.data.tabular.TabularSettings;
import org.medfed.engine.BadInputException;

/**
 * The UCI heart-disease files of four hospitals prepared as FLamby's Fed-Heart-Disease: columns slope, ca and
 * thal dropped, incomplete rows dropped, chest-pain type and resting ECG one-hot without their first level
 * (13 features), label num > 0, a stratified 66/34 split per centre, z-scores per centre.
 */
public final class HeartDiseaseData {

    /** FLamby's centre order: 0 Cleveland, 1 Hungary, 2 Switzerland, 3 VA Long Beach. */
    public static final List<String> FILES = List.of("processed.cleveland.data", "processed.hungarian.data",
            "processed.switzerland.data", "processed.va.data");
    public static final List<String> CENTRES = List.of("0-cleveland", "1-hungary", "2-switzerland", "3-va");
    public static final List<String> COLUMNS = List.of("age", "sex", "cp", "trestbps", "chol", "fbs", "restecg",
            "thalach", "exang", "oldpeak", "slope", "ca", "thal", "num");

    private HeartDiseaseData() {
    }

    public static CsvFormat format() {
        return CsvFormat.defaults().withHeader(HeaderMode.NO).withColumnNames(COLUMNS);
    }

    /** FLamby splits with scikit-learn's {@code random_state=43}; {@link ScikitLearnSplit} draws the same rows. */
    public static final long SPLIT_SEED = 43;

    public static TabularSettings settings(Normalization normalization) {
        return settings(normalization, SPLIT_SEED);
    }

    public static TabularSettings settings(Normalization normalization, long splitSeed) {
        return new TabularSettings("num", List.of(), List.of("slope", "ca", "thal"),
                Map.of("cp", ColumnType.CATEGORICAL, "restecg", ColumnType.CATEGORICAL), MissingPolicy.DROP_ROWS, true,
                normalization, LabelRule.NONZERO_POSITIVE, 0.66, splitSeed, true);
    }

    public static List<TabularFederation.SiteInput> sites(Path dir) {
        List<TabularFederation.SiteInput> out = new ArrayList<>();
        for (int i = 0; i < FILES.size(); i++) {
            Path file = dir.resolve(FILES.get(i));
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(dir, null, "is not the UCI heart-disease folder: " + FILES.get(i)
                        + " is missing (expected the four processed.*.data files)");
            }
            out.add(new TabularFederation.SiteInput(CENTRES.get(i), file));
        }
        return out;
    }

    /** FLamby's own split, row for row. */
    public static TabularFederation prepare(Path dir, Normalization normalization) {
        return TabularFederation.prepare(sites(dir), format(), settings(normalization, SPLIT_SEED),
                ScikitLearnSplit.INSTANCE, InOrder.HERE);
    }

    /** Another split with FLamby's counts per centre: our stratified shuffle with {@code splitSeed}. */
    public static TabularFederation prepare(Path dir, Normalization normalization, long splitSeed) {
        return TabularFederation.prepare(sites(dir), format(), settings(normalization, splitSeed), InOrder.HERE);
    }
}
