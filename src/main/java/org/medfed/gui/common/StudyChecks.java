package org.medfed.gui.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.medfed.engine.BadInputException;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;

/**
 * What still stands between a study and a run, in words a clinician can act on. Cheap (no file is read), so the
 * Run button can follow every edit.
 */
public final class StudyChecks {

    private StudyChecks() {
    }

    public static List<String> problems(Study study, StudyDocument document) {
        List<String> out = new ArrayList<>();
        List<ParticipantEntry> enabled = study.enabledParticipants();
        if (enabled.isEmpty()) {
            out.add("Add at least one hospital and give it a data file (Participants).");
        }
        Set<String> names = new HashSet<>();
        for (ParticipantEntry p : study.participants()) {
            if (p.name() == null || p.name().isBlank()) {
                out.add("Every hospital needs a name (Participants).");
            } else if (!names.add(p.name())) {
                out.add("Two hospitals are called '" + p.name() + "': give each its own name (Participants).");
            }
        }
        long remote = enabled.stream().filter(ParticipantEntry::isRemote).count();
        if (remote > 0 && remote < enabled.size()) {
            out.add("Some hospitals have files here and some are behind their own nodes: a study runs either all "
                    + "here or all through nodes (Participants).");
        }
        if (remote > 0 && (study.coordinator() == null || study.coordinator().listen() == null)) {
            out.add("Set the port the hospitals' nodes dial, so that the workbench listens for them (Participants).");
        }
        DataKind kind = DataKind.of(study);
        for (ParticipantEntry p : enabled) {
            HospitalDataCheck.problem(kind, p, document).ifPresent(problem ->
                    out.add("Hospital '" + p.name() + "': " + lowerFirst(problem) + " (Participants)."));
        }
        switch (kind) {
            case TABLE -> tableSettings(study, out);
            case IMAGES -> {
                if (study.imaging() == null) {
                    out.add("Choose the imaging settings: task, input size, windowing (Task and model).");
                }
            }
            case GENOTYPES -> {
                if (study.genotypes() == null || study.genotypes().phenotype() == null
                        || study.genotypes().phenotype().column() == null) {
                    out.add("Choose the phenotype column of the hospitals' sheets (Task and model).");
                }
            }
        }
        try {
            study.strategy().resolvedParameters();
        } catch (BadInputException e) {
            out.add(capitalise(e.getMessage()) + " (Algorithm).");
        }
        try {
            study.training().runConfig(study.seed()).training();
        } catch (BadInputException e) {
            out.add(capitalise(e.getMessage()) + " (Algorithm).");
        }
        var t = study.training();
        if (!(t.learningRate() > 0)) {
            out.add("The learning rate must be above 0 (Algorithm).");
        }
        if (t.batchSize() < 1) {
            out.add("The batch size must be at least 1 (Algorithm).");
        }
        if (t.localEpochs() < 1 && t.localSteps() < 1) {
            out.add("Each hospital must train for at least one epoch or step per round (Algorithm).");
        }
        return out;
    }

    private static void tableSettings(Study study, List<String> out) {
        if (study.data() == null || study.data().label() == null || study.data().label().isBlank()) {
            out.add("Choose the label: the column the model should predict (Task and model).");
        } else {
            try {
                study.data().tabularSettings();
                study.data().csvFormat();
            } catch (BadInputException e) {
                out.add(capitalise(e.getMessage()) + " (Task and model).");
            }
        }
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
