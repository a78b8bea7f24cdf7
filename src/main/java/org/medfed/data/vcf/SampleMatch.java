package org.medfed.data.vcf;

import java.util.List;

/**
 * How the samples of a VCF and the rows of a phenotype sheet were paired, with every sample left out
 * named, so that a clinician can see at once why a hospital contributes fewer people than expected.
 *
 * @param vcfIndices analysable samples as positions in the VCF's sample order, ascending
 * @param phenotype their phenotype, aligned with {@code vcfIndices}
 * @param covariates their covariates, one array per analysable sample
 * @param vcfSamples samples in the VCF
 * @param sheetRows data rows in the sheet
 * @param vcfOnly VCF samples without a sheet row (left out)
 * @param sheetOnly sheet ids without a VCF sample (ignored)
 * @param duplicated ids written on more than one sheet row (left out: which row is right cannot be known)
 * @param incomplete matched samples whose phenotype or a covariate is missing (left out)
 */
public record SampleMatch(int[] vcfIndices, double[] phenotype, double[][] covariates, int vcfSamples, int sheetRows,
        List<String> vcfOnly, List<String> sheetOnly, List<String> duplicated, List<String> incomplete) {

    private static final int EXAMPLES = 5;

    public SampleMatch {
        vcfOnly = List.copyOf(vcfOnly);
        sheetOnly = List.copyOf(sheetOnly);
        duplicated = List.copyOf(duplicated);
        incomplete = List.copyOf(incomplete);
    }

    public int analysable() {
        return vcfIndices.length;
    }

    /** Plain lines: counts, and a few example ids for every group left out. */
    public String describe() {
        return describe(true);
    }

    /**
     * Plain lines: counts, with a few example ids for every group left out when {@code withExamples}, else counts
     * alone (for a report that leaves the hospital: the ids of its samples stay there).
     */
    public String describe(boolean withExamples) {
        StringBuilder sb = new StringBuilder();
        sb.append(analysable()).append(" of ").append(vcfSamples).append(" VCF samples have a complete phenotype row\n");
        group(sb, vcfOnly, "VCF sample has", "VCF samples have", "no row in the phenotype sheet (left out)", withExamples);
        group(sb, sheetOnly, "phenotype row names", "phenotype rows name", "no sample of the VCF (ignored)", withExamples);
        group(sb, duplicated, "sample id appears", "sample ids appear", "on more than one phenotype row (left out)",
                withExamples);
        group(sb, incomplete, "sample has", "samples have", "a missing phenotype or covariate (left out)", withExamples);
        return sb.toString();
    }

    static String examples(List<String> ids) {
        String shown = String.join(", ", ids.subList(0, Math.min(EXAMPLES, ids.size())));
        return ids.size() > EXAMPLES ? shown + ", ..." : shown;
    }

    private static void group(StringBuilder sb, List<String> ids, String one, String several, String what,
                              boolean withExamples) {
        if (!ids.isEmpty()) {
            sb.append(ids.size()).append(' ').append(ids.size() == 1 ? one : several).append(' ').append(what);
            if (withExamples) {
                sb.append(", e.g. ").append(examples(ids));
            }
            sb.append('\n');
        }
    }
}
