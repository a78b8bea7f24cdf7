package org.medfed.node;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.harmonise.SiteMapping;
import org.medfed.data.tabular.FittedPreprocessing;
import org.medfed.data.tabular.LocalTabularSite;
import org.medfed.data.tabular.TableOverview;
import org.medfed.data.tabular.TabularSettings;
import org.medfed.engine.BadInputException;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.model.ModelSpec;
import org.medfed.model.ModelTrainer;
import org.medfed.project.NodeSessionFile;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.ProtocolJson;
import org.medfed.project.Study;
import org.medfed.site.HospitalSite;
import org.medfed.study.PersonalModelFiles;

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
    static final String RUN = "run";

    /**
     * Where the dataset's table comes from once a study opens it: read from a registered CSV file, or built at the
     * node from other registered files (a genotype study's VCF and phenotype sheet). Each source also says how the
     * study prepares its table.
     */
    public interface Source {

        /**
         * The hospital's table for {@code study}, in which it takes part as {@code participant}; refuses a study it
         * cannot serve with a BadInputException.
         */
        CsvTable table(Study study, String participant);

        /** How {@code study} prepares the table: label, types, missing values, split. */
        TabularSettings settings(Study study);
    }

    private final String id;
    private final String kind;
    private final Source source;
    private final int minimumCount;
    private final KeptSession kept;

    private Study study;
    private LocalTabularSite table;
    private HospitalSite site;
    private ModelSpec spec;
    private FittedPreprocessing preprocessing;
    private String openedStudy;
    private String participant;
    private String featureTypes;
    private String classes;
    private String run;

    /**
     * @param format       how to read the file, or null to read it as the study says
     * @param minimumCount the policy's smallest count that may leave (category counts under it are withheld)
     * @param sessionFile  where the node keeps this dataset's study state across restarts, or null to keep none
     */
    public TableDataset(String id, Path file, CsvFormat format, int minimumCount, Path sessionFile) {
        this(id, "table", csv(id, file, format), minimumCount, sessionFile);
    }

    /**
     * @param kind         the kind of data registered, as node.json names it ("table", "genotypes")
     * @param source       where the table comes from when a study opens it
     * @param minimumCount the policy's smallest count that may leave (category counts under it are withheld)
     * @param sessionFile  where the node keeps this dataset's study state across restarts, or null to keep none
     */
    public TableDataset(String id, String kind, Source source, int minimumCount, Path sessionFile) {
        this.id = id;
        this.kind = kind;
        this.source = source;
        this.minimumCount = minimumCount;
        this.kept = new KeptSession(sessionFile);
    }

    private static Source csv(String id, Path file, CsvFormat format) {
        return new Source() {
            @Override
            public CsvTable table(Study study, String participant) {
                // read as node.json says, else as the study says; a study without a data section yet (the
                // researcher looking before choosing the label) reads it with the defaults. The study's mapping of
                // this hospital's columns and codes (its own participant entry, the only one the coordinator sends)
                // is applied to it here
                SiteMapping mapping = study.participants().stream().filter(p -> p.name().equals(participant))
                        .findFirst().map(ParticipantEntry::siteMapping).orElse(SiteMapping.NONE);
                return mapping.apply(CsvReader.read(file, format != null ? format
                        : study.data() == null ? CsvFormat.defaults() : study.data().csvFormat()), participant);
            }

            @Override
            public TabularSettings settings(Study study) {
                if (study.data() == null || study.data().label() == null) {
                    throw new BadInputException("the study sent to dataset '" + id + "' has no label column");
                }
                return study.data().tabularSettings();
            }
        };
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public synchronized int trainSize() {
        resumeIfSaved();
        return site == null ? -1 : site.trainer().trainSize();
    }

    @Override
    public synchronized Params handle(SiteRequest request, RunControl control) {
        Params p = request.params();
        if (request.procedure() != Procedure.TABLE_OPEN && request.procedure() != Procedure.TABLE_SUMMARY) {
            resumeIfSaved();
        }
        return switch (request.procedure()) {
            case TABLE_SUMMARY -> summary(p);
            case TABLE_OPEN -> open(p);
            case TABLE_SCHEMA -> json(table().schemaSummary());
            case TABLE_ROWS -> {
                featureTypes = p.text(FEATURE_TYPES);
                yield json(table().selectRows(featureTypes(featureTypes)));
            }
            case TABLE_LEVELS -> json(table().levelSummary());
            case TABLE_SPLIT -> {
                classes = p.text(CLASSES);
                yield json(table().split(List.of(classes.split("\n"))));
            }
            case TABLE_NUMERIC -> json(table().numericSummary());
            case TABLE_TRAIN_LEVELS -> json(table().trainLevelCounts());
            case TABLE_MOMENTS -> json(table().encodedMoments(ProtocolJson.read(p.text(JSON),
                    FittedPreprocessing.class)));
            case MODEL_OPEN -> {
                Params sizes = openModel(ProtocolJson.read(p.text(JSON), FittedPreprocessing.class));
                kept.modelBuilt(new NodeSessionFile.Session(run, openedStudy, participant, lines(featureTypes),
                        List.of(classes.split("\n")), p.text(JSON), Map.of()), site);
                yield sizes;
            }
            default -> kept.serve(request, control, site, id, () -> new PersonalModelFiles.AtNode(study, participant,
                    spec, preprocessing, null, preprocessing.classes(), site.trainer().trainSize(),
                    site.trainer().testSize()));
        };
    }

    /**
     * After a restart: the same rows, split and model from the saved session, and the strategy's saved vectors,
     * so that the node takes part again where it left off.
     */
    private void resumeIfSaved() {
        if (table != null) {
            return;
        }
        NodeSessionFile.Session saved = kept.saved().orElse(null);
        if (saved == null) {
            return;
        }
        open(Params.builder().text(STUDY, saved.study()).text(PARTICIPANT, saved.participant())
                .text(RUN, saved.run() == null ? "" : saved.run()).build());
        featureTypes = joined(saved.featureTypes());
        table.selectRows(featureTypes(featureTypes));
        classes = String.join("\n", saved.classes());
        table.split(saved.classes());
        openModel(ProtocolJson.read(saved.preprocessing(), FittedPreprocessing.class));
        kept.resumed(saved, site);
    }

    private Params open(Params p) {
        openedStudy = p.text(STUDY);
        participant = p.text(PARTICIPANT);
        run = p.text(RUN, "");
        study = ProtocolJson.read(openedStudy, Study.class);
        kept.opened(run, openedStudy, participant);
        table = new LocalTabularSite(p.text(PARTICIPANT), source.table(study, participant), source.settings(study), minimumCount);
        site = null;
        return Params.EMPTY;
    }

    /**
     * Read afresh, beside whatever study is open (the researcher may look while a run goes on): the study being
     * open and its saved session are left as they are.
     */
    private Params summary(Params p) {
        Study asked = ProtocolJson.read(p.text(STUDY), Study.class);
        boolean labelled = asked.data() != null && asked.data().label() != null && !asked.data().label().isBlank();
        TableOverview overview = LocalTabularSite.overview(source.table(asked, p.text(PARTICIPANT, "")),
                labelled ? source.settings(asked) : null, minimumCount);
        return Params.builder().number("rows", overview.rows()).text(JSON, ProtocolJson.write(overview)).build();
    }

    private Params openModel(FittedPreprocessing prep) {
        LocalTabularSite t = table();
        spec = study.model().toSpec(prep.inputSize(), prep.classes().size());
        preprocessing = prep;
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

    private static Map<String, String> lines(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        featureTypes(text).forEach((k, v) -> out.put(k, v.name()));
        return out;
    }

    private static String joined(Map<String, String> types) {
        StringBuilder b = new StringBuilder();
        types.forEach((k, v) -> b.append(b.length() == 0 ? "" : "\n").append(k).append('\t').append(v));
        return b.toString();
    }

    private static Map<String, ColumnType> featureTypes(String text) {
        Map<String, ColumnType> out = new LinkedHashMap<>();
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
