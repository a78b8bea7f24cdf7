package org.medfed.analytics.gwas;

import java.util.List;

/**
 * What a site reports after preparing: who is analysed and what was left out, in counts and plain words.
 *
 * @param site the hospital's name
 * @param vcfSamples samples in its VCF
 * @param analysed samples analysed (matched, complete, and passing the sample call rate)
 * @param cases analysed cases (binary phenotype), else 0
 * @param controls analysed controls (binary phenotype), else 0
 * @param sampleMatch matching report of VCF vs phenotype sheet (counts and example ids)
 * @param lowCallRate samples left out for a call rate below the study's minimum
 * @param lowCallRateExamples a few of their ids
 * @param records VCF data lines read
 * @param variants biallelic variants kept at this site
 * @param multiAllelicRecords records with several alternate alleles
 * @param multiAllelicSkipped of those, skipped (policy SKIP)
 * @param noGenotypeRecords records without a GT field (skipped)
 * @param noAltRecords records whose ALT is "." (skipped)
 * @param nonDiploidCalls calls of another ploidy, counted as missing
 * @param duplicateVariants repeated contig:position:ref:alt records (first one kept)
 */
public record SiteSummary(String site, int vcfSamples, int analysed, int cases, int controls, String sampleMatch,
        int lowCallRate, List<String> lowCallRateExamples, long records, long variants, long multiAllelicRecords,
        long multiAllelicSkipped, long noGenotypeRecords, long noAltRecords, long nonDiploidCalls,
        long duplicateVariants) {

    public SiteSummary {
        lowCallRateExamples = List.copyOf(lowCallRateExamples);
    }

    /**
     * When some of the VCF's samples were not analysed, one line saying how many and why ("131 of 150 VCF samples
     * analysed: 19 VCF samples have no row in the phenotype sheet (left out), e.g. ..."), else empty: a hospital
     * contributing fewer people than it holds is worth a word where the user ran the study, not only in the summary.
     */
    public String shortfall() {
        if (analysed >= vcfSamples) {
            return "";
        }
        List<String> why = new java.util.ArrayList<>();
        String[] lines = sampleMatch.strip().split("\n");
        // the first line repeats the counts; the others name each group left out
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                why.add(lines[i].strip());
            }
        }
        if (lowCallRate > 0) {
            why.add(lowCallRate + (lowCallRate == 1 ? " sample" : " samples") + " below the study's minimum call rate "
                    + "(left out)");
        }
        return analysed + " of " + vcfSamples + " VCF samples analysed" + (why.isEmpty() ? "" : ": " + String.join("; ", why));
    }
}
