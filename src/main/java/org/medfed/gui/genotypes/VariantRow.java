package org.medfed.gui.genotypes;

import java.util.Locale;
import org.medfed.analytics.gwas.AssociationResult;
import org.medfed.analytics.gwas.AssociationTest;
import org.medfed.analytics.gwas.VariantInfo;

/**
 * A row of the results table: one variant's result, with the numbers kept as numbers (so that columns sort by
 * value) and the words a person reads for the variant's details.
 *
 * @param index the row's position in the study's result list (genome order)
 */
public record VariantRow(int index, AssociationResult result, AssociationTest test) {

    public VariantInfo variant() { return result.variant(); }
    public String chromosome() { return result.variant().chrom(); }
    public int position() { return result.variant().position(); }
    public String id() { return result.variant().label(); }
    public String alleles() { return result.variant().ref() + ">" + result.variant().alt(); }
    public double frequency() { return result.altFrequency(); }
    public double effect() { return result.effect(); }
    public double se() { return result.se(); }
    public double p() { return result.p(); }
    public double negLog10P() { return result.negLog10P(); }

    /** "OR" (odds ratio per alternate allele) or "beta" (change in the trait per alternate allele). */
    public String effectName() {
        return test == AssociationTest.LINEAR ? "beta" : "OR";
    }

    /** Several lines for the details box under the plot. */
    public String details() {
        VariantInfo v = result.variant();
        StringBuilder sb = new StringBuilder();
        sb.append(id()).append("  chromosome ").append(v.chrom()).append(" position ")
                .append(String.format(Locale.ROOT, "%,d", v.position())).append('\n');
        sb.append("alleles ").append(v.ref()).append(" (reference) > ").append(v.alt()).append(" (alternate), ")
                .append("alternate allele frequency ").append(fixed(result.altFrequency(), 3)).append(", n = ")
                .append(result.n()).append('\n');
        sb.append(effectName()).append(' ').append(fixed(result.effect(), 3)).append(", SE ")
                .append(fixed(result.se(), 4)).append(test == AssociationTest.LINEAR ? "" : " (of log OR)")
                .append(", p = ").append(pValue(result.p()));
        if (!result.note().isEmpty()) {
            sb.append('\n').append(result.note());
        }
        return sb.toString();
    }

    static String fixed(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "–";
    }

    /** A p-value as people write them: 0.0123 or 3.4e-12. */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "–";
        }
        if (p == 0) {
            return "< 1e-300";
        }
        return p >= 1e-3 ? String.format(Locale.ROOT, "%.4f", p) : String.format(Locale.ROOT, "%.2e", p);
    }
}
