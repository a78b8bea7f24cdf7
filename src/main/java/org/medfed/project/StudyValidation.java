package org.medfed.project;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.medfed.engine.BadInputException;
import org.medfed.engine.Limit;
import org.medfed.engine.strategy.StrategyCatalog;

/**
 * Checks of a study that JSON types alone cannot express, each naming the field concerned: the one check of a
 * study's settings, made when a study file is read and again on the study a command line or the workbench is about
 * to run (after options or screens changed it), before any data is read. Numeric bounds come from {@link Limit}.
 */
public final class StudyValidation {

    private StudyValidation() {
    }

    private static void checkPrivacy(PrivacySection privacy) {
        if (privacy == null) {
            return;
        }
        if (privacy.dp() != null) {
            Limit.CLIP_NORM.check(privacy.dp().clipNorm());
            if (privacy.dp().noiseMultiplier() != null) {
                Limit.NOISE_MULTIPLIER.check(privacy.dp().noiseMultiplier());
            }
        }
        if (privacy.dpSgd() != null) {
            Limit.CLIP_NORM.check(privacy.dpSgd().clipNorm());
            if (privacy.dpSgd().noiseMultiplier() != null) {
                Limit.NOISE_MULTIPLIER.check(privacy.dpSgd().noiseMultiplier());
            }
        }
        if (privacy.secureAggregation() != null) {
            Limit.SECURE_AGGREGATION_BITS.check(privacy.secureAggregation().bits());
        }
        if (privacy.paillier() != null) {
            Limit.PAILLIER_BITS.check(privacy.paillier().modulusBits());
        }
    }

    /** Whole numbers of a JSON list, a missing one as 0 (which every bound refuses). */
    static int[] ints(java.util.List<Integer> values) {
        return values == null ? new int[0] : values.stream().mapToInt(v -> v == null ? 0 : v).toArray();
    }

    /**
     * Refuses, in words naming {@code file} and the field, a study whose settings are out of their documented bounds
     * or do not fit together.
     */
    public static void check(Path file, Study study) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < study.participants().size(); i++) {
            ParticipantEntry p = study.participants().get(i);
            String where = "participants[" + i + "]";
            if (p.name() == null || p.name().isBlank()) {
                throw new BadInputException(file, null, where + " has no \"name\"");
            }
            if (!names.add(p.name())) {
                throw new BadInputException(file, null, "two participants are named '" + p.name() + "'");
            }
            if (p.isRemote()) {
                if (p.node().isBlank() || p.dataset() == null || p.dataset().isBlank()) {
                    throw new BadInputException(file, null, "participant '" + p.name() + "' is behind a node: it "
                            + "needs both \"node\" (the node's name) and \"dataset\" (the id the node registered)");
                }
                if (!p.data().isEmpty()) {
                    throw new BadInputException(file, null, "participant '" + p.name() + "' names both a node and "
                            + "data files; a hospital behind a node keeps its files: give only \"node\" and \"dataset\"");
                }
            } else if (p.dataset() != null) {
                throw new BadInputException(file, null, "participant '" + p.name() + "' names a \"dataset\" but no "
                        + "\"node\" that serves it");
            } else if (p.data().isEmpty()) {
                throw new BadInputException(file, null, "participant '" + p.name() + "' has no data files (\"data\": "
                        + "[...]), and no \"node\" and \"dataset\"");
            }
        }
        if (StrategyCatalog.find(study.strategy().id()).isEmpty()) {
            throw new BadInputException(file, null, "strategy \"" + study.strategy().id() + "\" is unknown; known strategies: "
                    + String.join(", ", StrategyCatalog.all().stream().map(d -> d.id()).toList()));
        }
        try {
            if (study.model() != null) {
                Limit.checkLayers(ints(study.model().hidden()), ints(study.model().filters()));
            }
            checkPrivacy(study.privacy());
            study.strategy().resolvedParameters();
            study.training().runConfig(study.seed());
            if (study.data() != null) {
                // a draft the workbench saved before its label was chosen opens; the run asks for the label
                if (study.data().label() != null) {
                    study.data().tabularSettings();
                }
                study.data().csvFormat();
            }
            if (study.imaging() != null) {
                study.imaging().preprocessing();
            }
            // as for the label: a draft without its phenotype column yet opens
            if (study.genotypes() != null && study.genotypes().phenotype() != null
                    && study.genotypes().phenotype().column() != null) {
                study.genotypes().phenotype().spec();
            }
        } catch (BadInputException e) {
            throw new BadInputException(file, null, e.getMessage(), e);
        }
        org.medfed.data.csv.CsvFormat base = study.data() == null ? org.medfed.data.csv.CsvFormat.defaults()
                : study.data().csvFormat();
        for (ParticipantEntry p : study.participants()) {
            try {
                p.csvFormat(base);
                p.siteMapping();
            } catch (BadInputException e) {
                throw new BadInputException(file, null, "participant '" + p.name() + "': " + e.getMessage(), e);
            }
        }
    }
}
