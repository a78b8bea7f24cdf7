package org.medfed.study;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.medfed.data.ExampleSet;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.tabular.Moments;
import org.medfed.data.tabular.FittedPreprocessing;
import org.medfed.data.tabular.LevelSummary;
import org.medfed.data.tabular.NumericSummary;
import org.medfed.data.tabular.RowSummary;
import org.medfed.data.tabular.SchemaSummary;
import org.medfed.data.tabular.SplitSummary;
import org.medfed.data.tabular.TabularSite;
import org.medfed.data.tabular.TrainLevelCounts;
import org.medfed.engine.Participant;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.project.ProtocolJson;

/**
 * A hospital's table behind its node, as the coordinator's side of the tabular agreement sees it: each step is a
 * request of the catalogue and each answer a summary (JSON of the same records a table in this process gives).
 */
final class RemoteTabularSite implements TabularSite {

    private final Participant hospital;
    private final MultiSiteCalls calls;

    RemoteTabularSite(Participant hospital, MultiSiteCalls calls) {
        this.hospital = hospital;
        this.calls = calls;
    }

    @Override
    public String name() {
        return hospital.name();
    }

    @Override
    public SchemaSummary schemaSummary() {
        return ask(Procedure.TABLE_SCHEMA, Params.EMPTY, SchemaSummary.class);
    }

    @Override
    public RowSummary selectRows(Map<String, ColumnType> featureTypes) {
        String types = featureTypes.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue().name())
                .collect(Collectors.joining("\n"));
        return ask(Procedure.TABLE_ROWS, Params.builder().text("feature_types", types).build(), RowSummary.class);
    }

    @Override
    public LevelSummary levelSummary() {
        return ask(Procedure.TABLE_LEVELS, Params.EMPTY, LevelSummary.class);
    }

    @Override
    public SplitSummary split(List<String> classes) {
        return ask(Procedure.TABLE_SPLIT, Params.builder().text("classes", String.join("\n", classes)).build(),
                SplitSummary.class);
    }

    @Override
    public NumericSummary numericSummary() {
        return ask(Procedure.TABLE_NUMERIC, Params.EMPTY, NumericSummary.class);
    }

    @Override
    public TrainLevelCounts trainLevelCounts() {
        return ask(Procedure.TABLE_TRAIN_LEVELS, Params.EMPTY, TrainLevelCounts.class);
    }

    @Override
    public Moments encodedMoments(FittedPreprocessing encoding) {
        return ask(Procedure.TABLE_MOMENTS, Params.builder().text("json", ProtocolJson.write(encoding)).build(),
                Moments.class);
    }

    /** Never at the coordinator: the examples stay at the hospital, which builds its model beside them. */
    @Override
    public ExampleSet examples(FittedPreprocessing preprocessing, boolean test) {
        throw new UnsupportedOperationException("the rows of " + name() + " stay at its node");
    }

    private <T> T ask(Procedure p, Params params, Class<T> type) {
        Params reply = calls.call(hospital, SiteRequest.of(0, p, params));
        return ProtocolJson.read(reply.text("json"), type);
    }
}
