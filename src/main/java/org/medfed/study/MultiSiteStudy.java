package org.medfed.study;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.medfed.concurrency.Workers;
import org.medfed.data.tabular.SchemaProblem;
import org.medfed.data.tabular.TabularAgreement;
import org.medfed.data.tabular.TabularCoordinator;
import org.medfed.data.tabular.TabularSettings;
import org.medfed.engine.BadInputException;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.model.ModelSpec;
import org.medfed.network.coordinator.NodeRegistry;
import org.medfed.network.coordinator.RemoteParticipant;
import org.medfed.network.node.CallHandler;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.ProtocolJson;
import org.medfed.project.Study;
import org.medfed.project.StudyValidation;

/**
 * Prepares a study whose hospitals keep their tables, images or genotypes behind their own nodes (for genotypes,
 * the risk model: each node builds its table from its VCF and phenotype sheet): waits for the nodes, opens
 * each hospital's registered dataset, agrees from summaries (for tables on columns, levels and standardisation with
 * {@link TabularCoordinator}, for images on the classes with {@link MultiSiteImages}: the same agreements a
 * simulation runs), and has every node build the model beside its encoded rows or images. Only summaries and
 * counts reach the coordinator.
 */
public final class MultiSiteStudy {

    private MultiSiteStudy() {
    }

    /** Whether {@code study} names hospitals behind nodes. */
    public static boolean isMultiSite(Study study) {
        return study.enabledParticipants().stream().anyMatch(ParticipantEntry::isRemote);
    }

    /** The node names the study's hospitals run on. */
    public static List<String> nodes(Study study) {
        return study.enabledParticipants().stream().filter(ParticipantEntry::isRemote).map(ParticipantEntry::node)
                .distinct().sorted().toList();
    }

    /**
     * @param workers gives the threads that wait on the hospitals' calls
     * @param run identifies the run (its folder): a node that kept state for the same run (SCAFFOLD's control
     *            variate) keeps it when the run is resumed; for any other run it starts afresh
     */
    public static PreparedStudy prepare(Workers workers, Study study, Path studyFile, NodeRegistry registry, Duration wait, String run,
                                        Consumer<String> progress) {
        return prepare(workers, study, studyFile, registry, wait, run, progress, Map.of());
    }

    /**
     * As {@link #prepare(Workers, Study, Path, NodeRegistry, Duration, String, Consumer)} for a mixed study: the hospitals
     * with their table here take part through {@code servedHere} (by hospital name; see node.LocalHospitals), the
     * handler their own node would run, so that every hospital goes through the same procedures and the run is
     * the simulation's, bit for bit.
     */
    public static PreparedStudy prepare(Workers workers, Study study, Path studyFile, NodeRegistry registry,
                                        Duration wait, String run, Consumer<String> progress,
                                        Map<String, CallHandler> servedHere) {
        StudyValidation.check(studyFile, study);
        check(study, studyFile, servedHere.keySet());
        List<RemoteParticipant> hospitals = NodeParticipants.connect(study, studyFile, registry, wait, progress,
                servedHere);
        Duration limit = study.training().runConfig(study.seed()).participantTimeout();
        try (MultiSiteCalls calls = new MultiSiteCalls(workers, hospitals.size(), limit)) {
            return isImages(study) ? MultiSiteImages.prepare(study, studyFile, hospitals, run, progress, calls)
                    : prepareTables(study, studyFile, hospitals, run, progress, calls);
        }
    }

    private static PreparedStudy prepareTables(Study study, Path studyFile, List<RemoteParticipant> hospitals,
                                               String run, Consumer<String> progress, MultiSiteCalls calls) {
        List<String> policyNotes = open(Procedure.TABLE_OPEN, study, hospitals, run, calls);
        progress.accept("agreeing on columns, categories and standardisation from the hospitals' summaries");
        List<RemoteTabularSite> tables = hospitals.stream().map(h -> new RemoteTabularSite(h, calls)).toList();
        TabularSettings settings = isGenotypes(study) ? GenotypeStudyData.settings(study)
                : study.data().tabularSettings();
        TabularAgreement agreement = TabularCoordinator.agree(tables, settings, calls.atOnce());
        String prepJson = ProtocolJson.write(agreement.preprocessing());
        List<RemoteParticipant> ready = calls.each(hospitals, h -> {
            Params sizes = calls.call(h, SiteRequest.of(0, Procedure.MODEL_OPEN,
                    Params.builder().text("json", prepJson).build()));
            return h.withSizes(sizes.integer("train_size"), sizes.integer("test_size"));
        });
        List<String> warnings = new ArrayList<>(policyNotes);
        agreement.schema().warnings().stream().map(SchemaProblem::toString).forEach(warnings::add);
        RemoteStudyData data = RemoteStudyData.tables(ready, agreement.preprocessing(), warnings);
        ModelSpec spec = study.model().toSpec(data.inputShape(), data.classes().size());
        return new PreparedStudy(study, studyFile, data, spec);
    }

    /**
     * Has every node open its registered dataset for the study: the study's settings travel with, of the
     * participants, only the hospital's own entry (its name, node and dataset id, and its mapping onto the study's
     * columns and codes, which its node applies to the table it reads); the node reads its own registered files;
     * no path travels, and no hospital learns another's entry. Returns what the hospitals' policies mean for the
     * study (a limit of rounds it goes past), one warning per hospital that has something to say.
     */
    static List<String> open(Procedure open, Study study, List<RemoteParticipant> hospitals, String run,
                             MultiSiteCalls calls) {
        List<Params> replies = calls.each(hospitals, h -> {
            List<ParticipantEntry> own = study.participants().stream().filter(p -> p.name().equals(h.name())).toList();
            String studyJson = ProtocolJson.write(study.withParticipants(own));
            return calls.call(h, SiteRequest.of(0, open, Params.builder()
                    .text("study", studyJson).text("participant", h.name()).text("run", run).build()));
        });
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < hospitals.size(); i++) {
            String note = replies.get(i).text(Procedure.POLICY_NOTE, "");
            if (!note.isEmpty()) {
                notes.add(hospitals.get(i).name() + ": " + note);
            }
        }
        return notes;
    }

    /** Whether the study's data are images ("images", or its synonym "dicom"). */
    static boolean isImages(Study study) {
        return "images".equals(study.dataType()) || "dicom".equals(study.dataType());
    }

    private static boolean isGenotypes(Study study) {
        return "genotypes".equals(study.dataType());
    }

    private static void check(Study study, Path studyFile, java.util.Set<String> servedHere) {
        if (isImages(study)) {
            MultiSiteImages.check(study, studyFile);
        } else if (isGenotypes(study)) {
            // the risk model: each node builds its table from its VCF and phenotype sheet, then as for tables
            GenotypeStudyData.check(study, studyFile);
        } else if (!"tabular".equals(study.dataType())) {
            throw new BadInputException(studyFile, null, "a study with hospitals behind nodes trains on tables, "
                    + "images or genotypes; \"" + study.dataType() + "\" studies train in the simulation");
        } else if (study.data() == null || study.data().label() == null) {
            throw new BadInputException(studyFile, null, "the study has no \"data\" section with a \"label\" column");
        }
        NodeParticipants.check(study, studyFile, servedHere);
    }
}
