package org.medfed.analytics.gwas.synthetic;

/**
 * The truth about one generated variant.
 *
 * @param index 0-based position in the study
 * @param chrom chromosome "1".."22"
 * @param position 1-based position
 * @param id "syn" + index + 1
 * @param ref reference base
 * @param alt alternate base
 * @param ancestralFrequency alternate allele frequency before drift
 * @param hospitalFrequencies the drifted frequency at each hospital
 * @param effect liability effect per standard deviation of the genotype (0 if not causal)
 * @param hweBroken true when hom-alt calls were turned into heterozygotes
 */
public record SyntheticVariant(int index, String chrom, int position, String id, String ref, String alt,
        double ancestralFrequency, double[] hospitalFrequencies, double effect, boolean hweBroken) {

    public boolean causal() {
        return effect != 0;
    }

    public String key() {
        return chrom + ':' + position + ':' + ref + ':' + alt;
    }
}
