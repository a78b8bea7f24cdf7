package org.medfed.gui.common;

import java.util.List;
import java.util.Map;
import org.medfed.project.DataSection;
import org.medfed.project.TrainingSection;

/** Copies of the study's sections with one setting changed, for the forms (the records have few withers). */
public final class StudyEdits {

    private StudyEdits() {
    }

    public static DataSection data(DataSection d) {
        return d != null ? d : DataSection.forLabel(null);
    }

    public static DataSection withFeaturesAndDrop(DataSection d, List<String> features, List<String> drop) {
        return new DataSection(d.separator(), d.header(), d.missingValues(), d.columnNames(), d.label(), features, drop,
                d.types(), d.missing(), d.dropFirstLevel(), d.normalization(), d.labelRule(), d.trainFraction(),
                d.splitSeed(), d.stratify(), d.keep(), d.classNames());
    }

    public static DataSection withTypes(DataSection d, Map<String, String> types) {
        return new DataSection(d.separator(), d.header(), d.missingValues(), d.columnNames(), d.label(), d.features(),
                d.drop(), types, d.missing(), d.dropFirstLevel(), d.normalization(), d.labelRule(), d.trainFraction(),
                d.splitSeed(), d.stratify(), d.keep(), d.classNames());
    }

    public static DataSection withPreprocessing(DataSection d, String missing, String normalization, String labelRule) {
        return new DataSection(d.separator(), d.header(), d.missingValues(), d.columnNames(), d.label(), d.features(),
                d.drop(), d.types(), missing, d.dropFirstLevel(), normalization, labelRule, d.trainFraction(),
                d.splitSeed(), d.stratify(), d.keep(), d.classNames());
    }

    public static DataSection withSplit(DataSection d, double trainFraction, long splitSeed) {
        return new DataSection(d.separator(), d.header(), d.missingValues(), d.columnNames(), d.label(), d.features(),
                d.drop(), d.types(), d.missing(), d.dropFirstLevel(), d.normalization(), d.labelRule(), trainFraction,
                splitSeed, d.stratify(), d.keep(), d.classNames());
    }

    /** The training plan with every field given (local epochs win over steps when both are set above zero). */
    public static TrainingSection training(int rounds, int localEpochs, int localSteps, int batchSize,
                                           double learningRate, String optimizer, double fraction, int minParticipants,
                                           int timeoutSeconds) {
        return new TrainingSection(rounds, localSteps, localEpochs, batchSize, learningRate, optimizer, fraction,
                minParticipants, timeoutSeconds);
    }
}
