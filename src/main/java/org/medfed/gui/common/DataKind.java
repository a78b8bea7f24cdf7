package org.medfed.gui.common;

import java.util.Locale;
import org.medfed.project.Study;

/**
 * What a study's hospitals hold, which decides what each screen shows: a table (one CSV per hospital), medical images
 * (one DICOM folder per hospital) or genotypes (a VCF file and a phenotype sheet per hospital).
 */
public enum DataKind {
    TABLE,
    IMAGES,
    GENOTYPES;

    public static DataKind of(Study study) {
        String type = study.dataType() == null ? "" : study.dataType().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "images", "image", "dicom" -> IMAGES;
            case "genotypes", "genotype", "vcf" -> GENOTYPES;
            default -> TABLE;
        };
    }

    /** True for a genotype study whose task is the association study (a GWAS), not a risk model trained in rounds. */
    public static boolean isAssociation(Study study) {
        return of(study) == GENOTYPES && "association".equalsIgnoreCase(study.task());
    }

    /** What one hospital's data is called in messages: "data file", "image folder", "VCF file and phenotype sheet". */
    public String dataNoun() {
        return switch (this) {
            case TABLE -> "data file";
            case IMAGES -> "image folder";
            case GENOTYPES -> "VCF file and phenotype sheet";
        };
    }
}
