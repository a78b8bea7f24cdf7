package org.medfed.data.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.medfed.data.ExampleSet;
import org.medfed.data.csv.ColumnType;

/**
 * A site that has no table at all: it answers each step with a summary record it was given, as a remote node's
 * stub would after receiving them. When it was given the coordinator's requests too, it checks that the
 * coordinator asks the same (a null request is not checked).
 */
final class SummaryOnlySite implements TabularSite {

    /** One site's answers, and the coordinator's requests that produced them. */
    record Answers(String name, SchemaSummary schema, Map<String, ColumnType> featureTypes, RowSummary rows,
                   LevelSummary levels, List<String> classes, SplitSummary split, NumericSummary numbers,
                   TrainLevelCounts levelCounts, FittedPreprocessing encoding, Moments moments) {
    }

    private final Answers answers;

    SummaryOnlySite(Answers answers) {
        this.answers = answers;
    }

    @Override
    public String name() {
        return answers.name();
    }

    @Override
    public SchemaSummary schemaSummary() {
        return answers.schema();
    }

    @Override
    public RowSummary selectRows(Map<String, ColumnType> featureTypes) {
        if (answers.featureTypes() != null) {
            assertThat(featureTypes).isEqualTo(answers.featureTypes());
        }
        return answers.rows();
    }

    @Override
    public LevelSummary levelSummary() {
        return answers.levels();
    }

    @Override
    public SplitSummary split(List<String> classes) {
        if (answers.classes() != null) {
            assertThat(classes).isEqualTo(answers.classes());
        }
        return answers.split();
    }

    @Override
    public NumericSummary numericSummary() {
        return answers.numbers();
    }

    @Override
    public TrainLevelCounts trainLevelCounts() {
        return answers.levelCounts();
    }

    @Override
    public Moments encodedMoments(FittedPreprocessing encoding) {
        if (answers.encoding() != null) {
            assertThat(encoding).isEqualTo(answers.encoding());
        }
        return answers.moments();
    }

    @Override
    public ExampleSet examples(FittedPreprocessing preprocessing, boolean test) {
        throw new UnsupportedOperationException(name() + " has no rows: it only knows its summaries");
    }
}
