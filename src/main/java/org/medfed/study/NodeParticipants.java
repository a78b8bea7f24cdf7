package org.medfed.study;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.medfed.engine.BadInputException;
import java.util.Map;
import java.util.Set;
import org.medfed.network.coordinator.HereChannel;
import org.medfed.network.coordinator.NodeRegistry;
import org.medfed.network.node.CallHandler;
import org.medfed.network.coordinator.RemoteParticipant;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;

/**
 * The hospitals of a study that are behind their own nodes, whatever the study does with them (train a model,
 * run an association study): the checks of how the study names them, and the wait for their nodes.
 */
final class NodeParticipants {

    /** The node name of a hospital with its files here (no certified name has a colon). */
    static final String HERE = "here:";

    private NodeParticipants() {
    }

    /**
     * Refuses half-given hospitals, hospitals with files here that are not {@code servedHere} (a mixed study
     * trains on tables; an association study needs all hospitals alike), and simulated attacks.
     */
    static void check(Study study, Path studyFile, Set<String> servedHere) {
        for (ParticipantEntry p : study.enabledParticipants()) {
            if (!p.isRemote()) {
                if (!servedHere.contains(p.name())) {
                    throw new BadInputException(studyFile, null, "participant '" + p.name() + "' has data files while "
                            + "others are behind nodes; only a model trained on tables (one CSV file per hospital here) "
                            + "mixes hospitals here with hospitals behind nodes");
                }
                continue;
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

    /**
     * Waits up to {@code wait} for every hospital's node; the hospitals, in the study's order, those with files
     * here reached through their handler in {@code servedHere}.
     */
    static List<RemoteParticipant> connect(Study study, Path studyFile, NodeRegistry registry, Duration wait,
                                           Consumer<String> progress, Map<String, CallHandler> servedHere) {
        List<String> nodes = MultiSiteStudy.nodes(study);
        progress.accept("waiting for the nodes of " + String.join(", ", nodes));
        List<String> missing = registry.awaitAll(nodes, wait);
        if (!missing.isEmpty()) {
            List<String> told = new ArrayList<>();
            List<String> silent = new ArrayList<>();
            for (String node : missing) {
                registry.cannotServe(node).ifPresentOrElse(why -> told.add("node " + node + " cannot take part: " + why),
                        () -> silent.add(node));
            }
            String notConnected = silent.isEmpty() ? "" : (told.isEmpty() ? "these hospitals' nodes did not connect "
                    + "within " + wait.toSeconds() + " s: " : "these hospitals' nodes had not connected yet: ")
                    + String.join(", ", silent) + "; start them (medfed node --config node.json) and check that they "
                    + "reach this coordinator";
            String cannot = told.isEmpty() ? "" : String.join("; ", told) + " (the hospital must mend this and start "
                    + "its node again)";
            throw new BadInputException(studyFile, null, cannot + (told.isEmpty() || silent.isEmpty() ? "" : ". ")
                    + notConnected);
        }
        List<RemoteParticipant> hospitals = new ArrayList<>();
        for (ParticipantEntry p : study.enabledParticipants()) {
            hospitals.add(p.isRemote() ? new RemoteParticipant(p.name(), p.node(), p.dataset(), 0, 0, p.weight(), registry)
                    : new RemoteParticipant(p.name(), HERE, HereChannel.DATASET, 0, 0, p.weight(),
                    new HereChannel(servedHere.get(p.name()))));
        }
        return hospitals;
    }
}
