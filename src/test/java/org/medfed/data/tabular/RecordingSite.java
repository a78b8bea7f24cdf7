package org.medfed.data.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfed.data.ExampleSet;
import org.medfed.data.csv.ColumnType;

/**
 * Stands between the coordinator and a real site, as a network would: every answer goes through its plain
 * key/value form ({@link PlainMessage}) and is kept, so that a test can look at everything that left the site
 * and replay it without the site.
 */
final class RecordingSite implements TabularSite {

    private final TabularSite site;
    private final List<Object> sent = new ArrayList<>();
    private SchemaSummary schema;
    private Map<String, ColumnType> featureTypes;
    private RowSummary rows;
    private LevelSummary levels;
    private List<String> classes;
    private SplitSummary split;
    private NumericSummary numbers;
    private TrainLevelCounts levelCounts;
    private FittedPreprocessing encoding;
    private Moments moments;

    RecordingSite(TabularSite site) {
        this.site = site;
    }

    private <T> T send(T answer) {
        sent.add(PlainMessage.toPlain(answer));
        return PlainMessage.roundTrip(answer);
    }

    /** Every answer that left the site, in its plain form, in order. */
    List<Object> sent() {
        return List.copyOf(sent);
    }

    /** A site that gives the same answers from the recorded summaries alone. */
    SummaryOnlySite replay() {
        return new SummaryOnlySite(new SummaryOnlySite.Answers(name(), schema, featureTypes, rows, levels, classes, split,
                numbers, levelCounts, encoding, moments));
    }

    @Override
    public String name() {
        return site.name();
    }

    @Override
    public SchemaSummary schemaSummary() {
        return schema = send(site.schemaSummary());
    }

    @Override
    public RowSummary selectRows(Map<String, ColumnType> featureTypes) {
        this.featureTypes = featureTypes;
        return rows = send(site.selectRows(featureTypes));
    }

    @Override
    public LevelSummary levelSummary() {
        return levels = send(site.levelSummary());
    }

    @Override
    public SplitSummary split(List<String> classes) {
        this.classes = classes;
        return split = send(site.split(classes));
    }

    @Override
    public NumericSummary numericSummary() {
        return numbers = send(site.numericSummary());
    }

    @Override
    public TrainLevelCounts trainLevelCounts() {
        return levelCounts = send(site.trainLevelCounts());
    }

    @Override
    public Moments encodedMoments(FittedPreprocessing encoding) {
        this.encoding = encoding;
        return moments = send(site.encodedMoments(encoding));
    }

    @Override
    public ExampleSet examples(FittedPreprocessing preprocessing, boolean test) {
        throw new AssertionError("the coordinator asked " + name() + " for its examples");
    }
}
