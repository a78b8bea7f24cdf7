package org.medfed.gui.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.medfed.project.ParticipantEntry;

/**
 * Whether a hospital's data files are the kind its study needs and exist, without reading them: cheap enough to
 * follow every edit. Reading and checking the contents is the job of each data kind's own pane.
 */
public final class HospitalDataCheck {

    private HospitalDataCheck() {
    }

    /** The first problem with this hospital's files, in words that say what to do; empty when they look right. */
    public static Optional<String> problem(DataKind kind, ParticipantEntry p, StudyDocument document) {
        if (p.isRemote()) { // its files are at the hospital: its node says what it has once connected
            return p.dataset() == null || p.dataset().isBlank()
                    ? Optional.of("Give the dataset id its node registered.") : Optional.empty();
        }
        if (p.data().isEmpty()) {
            return Optional.of("Choose this hospital's " + kind.dataNoun() + ".");
        }
        return switch (kind) {
            case TABLE -> p.data().size() > 1
                    ? Optional.of("It has " + p.data().size() + " files; a table study takes one CSV per hospital.")
                    : missingFile(document.resolve(p.data().get(0)), "data file");
            case IMAGES -> {
                Path folder = document.resolve(p.data().get(0));
                yield Files.isDirectory(folder) ? Optional.empty()
                        : Optional.of(Files.exists(folder) ? "Its images must be a folder, not a file: " + folder
                        : "Its image folder is missing: " + folder);
            }
            case GENOTYPES -> {
                if (p.data().size() != 2) {
                    yield Optional.of("It needs two files, its VCF file and its phenotype sheet (CSV); it has "
                            + p.data().size() + ".");
                }
                if (p.data().get(0).isBlank()) {
                    yield Optional.of("Choose its VCF file.");
                }
                if (p.data().get(1).isBlank()) {
                    yield Optional.of("Choose its phenotype sheet (CSV: sample id, phenotype, covariates).");
                }
                Optional<String> vcf = missingFile(document.resolve(p.data().get(0)), "VCF file");
                yield vcf.isPresent() ? vcf : missingFile(document.resolve(p.data().get(1)), "phenotype sheet");
            }
        };
    }

    private static Optional<String> missingFile(Path file, String what) {
        return Files.isRegularFile(file) ? Optional.empty() : Optional.of("Its " + what + " is missing: " + file);
    }

    public static boolean isGenotypeFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".vcf") || name.endsWith(".vcf.gz") || name.endsWith(".vcf.bgz") || name.endsWith(".bcf");
    }
}
