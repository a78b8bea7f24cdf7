package org.medfed.data.vcf;

import java.util.List;
import java.util.Objects;

/**
 * Which columns of a phenotype sheet to use.
 *
 * @param idColumn column holding the sample id as written in the VCF header; null means the first column
 * @param phenotypeColumn the trait analysed
 * @param kind binary (0/1) or quantitative
 * @param covariates numeric adjustment columns (age, sex coded 0/1, principal components...), possibly none
 */
public record PhenotypeSpec(String idColumn, String phenotypeColumn, PhenotypeKind kind, List<String> covariates) {

    public PhenotypeSpec {
        Objects.requireNonNull(phenotypeColumn, "phenotypeColumn");
        Objects.requireNonNull(kind, "kind");
        covariates = List.copyOf(covariates);
    }
}
