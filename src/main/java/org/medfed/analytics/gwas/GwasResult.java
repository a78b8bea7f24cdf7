package org.medfed.analytics.gwas;

import java.util.Comparator;
import java.util.List;

/**
 * The outcome of an association study.
 *
 * @param settings what was asked
 * @param designColumns regression columns (intercept, genotype, covariates, hospital terms)
 * @param sites what each hospital reported
 * @param qc variant quality control over all hospitals
 * @param results one row per tested variant, in genome order
 * @param lambda genomic inflation factor over the tested variants with a statistic
 */
public record GwasResult(GwasSettings settings, List<String> designColumns, List<SiteSummary> sites, QcReport qc,
        List<AssociationResult> results, double lambda) {

    public GwasResult {
        designColumns = List.copyOf(designColumns);
        sites = List.copyOf(sites);
        results = List.copyOf(results);
    }

    /** Variants with p below the significance threshold, most significant first. */
    public List<AssociationResult> hits() {
        return results.stream().filter(r -> r.p() < settings.significance())
                .sorted(Comparator.comparingDouble(AssociationResult::negLog10P).reversed()).toList();
    }

    /** The {@code k} most significant tested variants. */
    public List<AssociationResult> top(int k) {
        return results.stream().filter(AssociationResult::tested)
                .sorted(Comparator.comparingDouble(AssociationResult::negLog10P).reversed()).limit(k).toList();
    }
}
