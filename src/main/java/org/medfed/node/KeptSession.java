package org.medfed.node;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.medfed.engine.Evaluation;
import org.medfed.engine.ModelVector;
import org.medfed.engine.PersonalModel;
import org.medfed.engine.strategy.personal.HeldOutChoice;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.project.NodeSessionFile;
import org.medfed.site.HospitalSite;
import org.medfed.study.PersonalModelFiles;

/**
 * One served dataset's study state in the node's state folder ({@link NodeSessionFile}), kept so that a node
 * restarted mid-study rebuilds the same examples and model and keeps what the strategy left at the hospital
 * (SCAFFOLD's control variate). A table and an image folder keep it alike; only what they rebuild from differs.
 */
final class KeptSession {

    private final Path file;
    private NodeSessionFile.Session session;
    private Map<String, float[]> kept = Map.of();

    /** @param file where the session is kept, or null to keep none */
    KeptSession(Path file) {
        this.file = file;
    }

    /** The session saved before a restart, if there is one. */
    Optional<NodeSessionFile.Session> saved() {
        return file == null ? Optional.empty() : NodeSessionFile.load(file);
    }

    /**
     * A study is opened: the previous state is removed, but when it is the same run resumed (same run, study and
     * participant) the strategy's vectors are kept for the model about to be built; any other run starts afresh.
     */
    void opened(String run, String study, String participant) {
        kept = Map.of();
        if (file == null) {
            return;
        }
        NodeSessionFile.Session old = NodeSessionFile.load(file).orElse(null);
        if (old != null && !run.isEmpty() && run.equals(old.run()) && study.equals(old.study())
                && participant.equals(old.participant())) {
            kept = old.decodedVectors();
        }
        NodeSessionFile.delete(file);
    }

    /** The model is built beside the data: what rebuilds it is saved, with the kept vectors given back to it. */
    void modelBuilt(NodeSessionFile.Session rebuildsIt, HospitalSite site) {
        kept.forEach((k, v) -> site.state().put(k, ModelVector.wrap(v)));
        session = rebuildsIt.withVectors(kept);
        save();
    }

    /** The model was rebuilt from {@code saved} after a restart: its vectors are given back and it is kept. */
    void resumed(NodeSessionFile.Session saved, HospitalSite site) {
        saved.decodedVectors().forEach((k, v) -> site.state().put(k, ModelVector.wrap(v)));
        session = saved;
        save();
    }

    /**
     * A request for the model built beside the dataset (training, evaluation, a baseline), answered by
     * {@code site}; after it, what the strategy keeps at the hospital between rounds, and the hospital's personal
     * model once made, is saved to survive a restart.
     */
    Params serve(SiteRequest request, RunControl control, HospitalSite site, String dataset,
                 Supplier<PersonalModelFiles.AtNode> study) {
        if (site == null) {
            throw new ProtocolException("the coordinator asked for '" + request.procedure().id()
                    + "' before the model was set up on dataset '" + dataset + "'");
        }
        Params reply = site.handle(request, control);
        keepVectors(request.procedure(), site);
        if (request.procedure() == Procedure.PERSONALISE && file != null) {
            String method = request.params().text(PersonalModel.METHOD);
            // a choice noted by an earlier study's run is not this model's
            String kept = !method.equals(HeldOutChoice.METHOD) ? null
                    : HeldOutChoice.chosen(site.state()).map(HeldOutChoice.Candidate::label).orElse(null);
            site.state().get(PersonalModel.KEPT).ifPresent(model -> PersonalModelFiles.writeAtNode(
                    personalFolder(file, dataset), study.get(), model, Evaluation.fromReply(reply), method,
                    request.round(), kept));
        }
        return reply;
    }

    /**
     * Where a node keeps the personal model it made for {@code dataset}: beside its other state, in
     * {@code personal-DATASET/}.
     */
    static Path personalFolder(Path sessionFile, String dataset) {
        return sessionFile.toAbsolutePath().getParent().resolve("personal-" + dataset);
    }

    private void keepVectors(Procedure procedure, HospitalSite site) {
        boolean keeps = procedure.kind() == Procedure.Kind.TRAINING || procedure == Procedure.PERSONALISE;
        if (!keeps || site.state().vectors().isEmpty() || session == null) {
            return;
        }
        Map<String, float[]> vectors = new LinkedHashMap<>();
        site.state().vectors().forEach((k, v) -> vectors.put(k, v.toArray()));
        session = session.withVectors(vectors);
        save();
    }

    private void save() {
        if (file != null) {
            NodeSessionFile.save(session, file);
        }
    }
}
