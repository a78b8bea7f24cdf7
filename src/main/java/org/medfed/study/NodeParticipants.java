package org.medfed.study;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.medfed.engine.BadInputException;
import org.medfed.network.coordinator.NodeRegistry;
import org.medfed.network.coordinator.RemoteParticipant;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;

/**
 * The hospitals of a study that are behind their own nodes, whatever the study does with them (train a model,
 * run an association study): the checks of how the study names them, and the wait for their nodes.
 */
final class NodeParticipants {

    private NodeParticipants() {
    }

    /** Refuses half-given hospitals, a mix with hospitals whose files are here, and simulated attacks. */
    static void check(Study study, Path studyFile) {
        for (ParticipantEntry p : study.enabledParticipants()) {
            if (!p.isRemote()) {
                throw new BadInputException(studyFile, null, "participant '" + p.name() + "' has data files while "
                        + "others are behind nodes; a study runs either all on this machine or all through nodes");
            }
            if (p.dataset() == null || p.dataset().isBlank()) {
                throw new BadInputException(studyFile, null, "participant '" + p.name() + "' names node '"
                        + p.node() + "' but no \"dataset\": give the dataset id the node registered");
            }
            if (!p.data().isEmpty()) {
                throw new BadInputException(studyFile, null, "participant '" + p.name() + "' names both a node and "
                        + "data files; a hospital behind a node keeps its files, so give only \"node\" and \"dataset\"");
            }
        }
        if (!Protections.attacks(study).isEmpty()) {
            throw new BadInputException(studyFile, null, "simulated attacks run only in a simulation: a real "
                    + "hospital's node never executes one; remove the \"attack\" settings");
        }
    }

    /** Waits up to {@code wait} for every hospital's node; the hospitals, in the study's order. */
    static List<RemoteParticipant> connect(Study study, Path studyFile, NodeRegistry registry, Duration wait,
                                           Consumer<String> progress) {
        List<String> nodes = MultiSiteStudy.nodes(study);
        progress.accept("waiting for the nodes of " + String.join(", ", nodes));
        List<String> missing = registry.awaitAll(nodes, wait);
        if (!missing.isEmpty()) {
            throw new BadInputException(studyFile, null, "these hospitals' nodes did not connect within "
                    + wait.toSeconds() + " s: " + String.join(", ", missing)
                    + "; start them (medfed node --config node.json) and check that they reach this coordinator");
        }
        List<RemoteParticipant> hospitals = new ArrayList<>();
        for (ParticipantEntry p : study.enabledParticipants()) {
            hospitals.add(new RemoteParticipant(p.name(), p.node(), p.dataset(), 0, 0, p.weight(), registry));
        }
        return hospitals;
    }
}
