package org.medfed.analytics.gwas;

import java.util.List;

/**
 * What variant quality control did over all hospitals.
 *
 * @param variantsSeen distinct variants found at one hospital or more
 * @param notAtEverySite variants missing from at least one hospital (not tested: a pooled test needs all)
 * @param notAtEverySiteExamples a few of them
 * @param failedCallRate variants called in too few samples
 * @param failedMaf variants with too rare a minor allele
 * @param failedHwe variants out of Hardy-Weinberg equilibrium
 * @param tested variants tested
 */
public record QcReport(long variantsSeen, long notAtEverySite, List<String> notAtEverySiteExamples,
        long failedCallRate, long failedMaf, long failedHwe, long tested) {

    public QcReport {
        notAtEverySiteExamples = List.copyOf(notAtEverySiteExamples);
    }
}
