package org.medfed.network.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfed.engine.BadInputException;
import org.medfed.network.pki.StudyAuthority;
import org.medfed.network.pki.Validity;
import org.medfed.project.CoordinatorAddress;
import org.medfed.project.HospitalNames;

/**
 * A kit as the researcher asks for it, before anything is written: the study's name, where the nodes reach the
 * coordinator ({@code HOST:PORT}), the hospitals, how many days the certificates are valid, and the folder. One
 * set of checks for {@code medfed provision} and the workbench's "Provision hospitals…" dialog; each problem
 * names the field it is about, so that each says it in its own terms (an option, a field of the dialog).
 */
public record KitRequest(String study, String coordinator, List<String> hospitals, int days, Path out) {

    /** Ten years: past that a study should make new keys anyway. */
    public static final int MAX_DAYS = 3650;

    /** What a problem is about. */
    public enum Field { STUDY, COORDINATOR, HOSPITAL, DAYS, OUT }

    /** What is wrong with one field, in words. */
    public record Problem(Field field, String text) {
    }

    public KitRequest {
        hospitals = hospitals == null ? List.of() : List.copyOf(hospitals);
    }

    /** The first problem, in the order of the fields; empty when the kit can be written. */
    public Optional<Problem> problem() {
        Optional<String> name = StudyAuthority.studyNameProblem(study);
        if (name.isPresent()) {
            return Optional.of(new Problem(Field.STUDY, name.get()));
        }
        try {
            CoordinatorAddress.parse(coordinator);
        } catch (BadInputException e) {
            return Optional.of(new Problem(Field.COORDINATOR, e.getMessage()));
        }
        if (hospitals.isEmpty()) {
            return Optional.of(new Problem(Field.HOSPITAL, "no hospital is named; a kit holds one folder per hospital"));
        }
        Map<String, String> byFolder = new HashMap<>();
        for (String h : hospitals) {
            Optional<String> problem = HospitalNames.problem(h);
            if (problem.isPresent()) {
                return Optional.of(new Problem(Field.HOSPITAL, problem.get()));
            }
            String earlier = byFolder.putIfAbsent(HospitalNames.folderKey(h), h);
            if (earlier != null) {
                return Optional.of(new Problem(Field.HOSPITAL, "'" + h + "' is given twice" + (earlier.equals(h) ? ""
                        : " (as '" + earlier + "'; names differing only in capitals would share a folder on Windows and "
                        + "macOS)")));
            }
        }
        if (days < 1 || days > MAX_DAYS) {
            return Optional.of(new Problem(Field.DAYS, "must be between 1 and " + MAX_DAYS));
        }
        if (out == null) {
            return Optional.of(new Problem(Field.OUT, "no folder is chosen for the kit"));
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return Optional.of(new Problem(Field.OUT, "is a file, not a folder"));
        }
        List<String> existing = StudyKit.existingKitEntries(out);
        if (!existing.isEmpty()) {
            return Optional.of(new Problem(Field.OUT, "already holds a kit (" + String.join(", ", existing)
                    + "); choose a new folder, so that no key of an existing kit is overwritten"));
        }
        return Optional.empty();
    }

    /**
     * Makes the study CA and every certificate, and writes the kit into {@link #out} (all or nothing, see
     * {@link StudyKit#writeTo}). Call only when {@link #problem()} is empty.
     */
    public void write(Instant now) throws IOException {
        problem().ifPresent(p -> {
            throw new IllegalStateException("the kit request has a problem: " + p);
        });
        new StudyKit(study, CoordinatorAddress.parse(coordinator), hospitals, Validity.days(days, now)).writeTo(out, now);
    }
}
