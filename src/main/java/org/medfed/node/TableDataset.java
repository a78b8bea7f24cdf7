package org.medfed.node;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.tabular.FittedPreprocessing;
import org.medfed.data.tabular.LocalTabularSite;
import org.medfed.engine.BadInputException;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.model.ModelSpec;
import org.medfed.model.ModelTrainer;
import org.medfed.project.ProtocolJson;
import org.medfed.project.Study;
import org.medfed.site.HospitalSite;

/**
 * A table the hospital registered, as its node serves it: the coordinator opens it for a study, takes part in
 * the federated agreement on columns, levels and standardisation (answering with summaries only), asks the node
 * to build the model beside the encoded rows, and from then on trains and evaluates through the hospital's site.
 * The file is the one in the node's configuration; nothing the coordinator sends names a path.
 */
public final class TableDataset implements ServedDataset {

    static final String STUDY = "study";
    static final String PARTICIPANT = "participant";
    static final String JSON = "json";
    static final String FEATURE_TYPES = "feature_types";
    static final String CLASSES = "classes";

    private final String id;
    private final Path file;
    private final CsvFormat format;
    private final int minimumCount;

    private Study study;
    private LocalTabularSite table;
    private HospitalSite site;

    /**
     * @param format       how to read the file, or null to read it as the study says
     * @param minimumCount the policy's smallest count that may leave (category counts under it are withheld)
     */
    public TableDataset(String id, Path file, CsvFormat format, int minimumCount) {
        this.id = id;
        this.file = file;
        this.format = format;
        this.minimumCount = minimumCount;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return "table";
    }

    @Override
    public synchronized int trainSize() {
        return site == null ? -1 : site.trainer().trainSize();
    }

    @Override
    public synchronized Params handle(SiteRequest request, RunControl control) {
        Params p = request.params();
        return switch (request.procedure()) {
            case TABLE_OPEN -> open(p);
            case TABLE_SCHEMA -> json(table().schemaSummary());
            case TABLE_ROWS -> json(table().selectRows(featureTypes(p)));
            case TABLE_LEVELS -> json(table().levelSummary());
            case TABLE_SPLIT -> json(table().split(List.of(p.text(CLASSES).split("\n"))));
            case TABLE_NUMERIC -> json(table().numericSummary());
            case TABLE_TRAIN_LEVELS -> json(table().trainLevelCounts());
            case TABLE_MOMENTS -> json(table().encodedMoments(ProtocolJson.read(p.text(JSON),
                    FittedPreprocessing.class)));
            case MODEL_OPEN -> openModel(ProtocolJson.read(p.text(JSON), FittedPreprocessing.class));
            default -> {
                if (site == null) {
                    throw new ProtocolException("the coordinator asked for '" + request.procedure().id()
                            + "' before the model was set up on dataset '" + id + "'");
                }
                yield site.handle(request, control);
            }
        };
    }

    private Params open(Params p) {
        study = ProtocolJson.read(p.text(STUDY), Study.class);
        if (study.data() == null || study.data().label() == null) {
            throw new BadInputException("the study sent to dataset '" + id + "' has no label column");
        }
        CsvFormat f = format != null ? format : study.data().csvFormat();
        table = new LocalTabularSite(p.text(PARTICIPANT), CsvReader.read(file, f), study.data().tabularSettings(),
                minimumCount);
        site = null;
        return Params.EMPTY;
    }

    private Params openModel(FittedPreprocessing prep) {
        LocalTabularSite t = table();
        ModelSpec spec = study.model().toSpec(prep.inputSize(), prep.classes().size());
        ModelTrainer trainer = ModelTrainer.create(spec, t.examples(prep, false), t.examples(prep, true));
        site = new HospitalSite(t.name(), trainer);
        return Params.builder().number("train_size", trainer.trainSize()).number("test_size", trainer.testSize())
                .build();
    }

    private LocalTabularSite table() {
        if (table == null) {
            throw new ProtocolException("dataset '" + id + "' has not been opened for a study");
        }
        return table;
    }

    private static Map<String, ColumnType> featureTypes(Params p) {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        String text = p.text(FEATURE_TYPES);
        if (!text.isEmpty()) {
            for (String line : text.split("\n")) {
                int tab = line.lastIndexOf('\t');
                out.put(line.substring(0, tab), ColumnType.valueOf(line.substring(tab + 1)));
            }
        }
        return out;
    }

    private static Params json(Object summary) {
        return Params.builder().text(JSON, ProtocolJson.write(summary)).build();
    }

}
