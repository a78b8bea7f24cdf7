package org.medfed.analytics.gwas;

import java.util.List;
import java.util.Locale;
import org.medfed.data.vcf.PhenotypeKind;

/** The study in plain words: what was asked, who took part, what QC removed, lambda and the hits. */
public final class GwasSummaryText {

    /** How the line with the study's significance threshold starts (the report reads the threshold from it). */
    public static final String THRESHOLD = "Significance threshold: p < ";

    private static final int TOP = 10;

    private GwasSummaryText() {
    }

    public static String format(GwasResult r) {
        GwasSettings s = r.settings();
        QcSettings qc = s.qc();
        StringBuilder out = new StringBuilder();
        out.append("MedFed federated association study\n\n");
        out.append("Test: ").append(s.test().description()).append(", effect reported as ")
                .append(s.test() == AssociationTest.LINEAR ? "beta per alternate allele" : "odds ratio per alternate allele")
                .append('\n');
        out.append("Phenotype: '").append(s.phenotype().phenotypeColumn()).append("' (")
                .append(s.phenotype().kind() == PhenotypeKind.BINARY ? "binary: 1 case, 0 control" : "quantitative")
                .append(")\n");
        out.append("Covariates: ").append(s.phenotype().covariates().isEmpty() ? "none"
                : String.join(", ", s.phenotype().covariates())).append('\n');
        out.append("Hospital terms: ").append(s.adjustForSite() ? "yes (one indicator per hospital after the first)" : "no")
                .append('\n');
        out.append("Model columns: ").append(String.join(", ", r.designColumns())).append('\n');
        out.append(THRESHOLD).append(sci(s.significance())).append("\n\n");

        out.append("Hospitals: ").append(r.sites().size()).append('\n');
        for (SiteSummary site : r.sites()) {
            out.append("\n").append(site.site()).append(": ").append(site.analysed()).append(" of ")
                    .append(site.vcfSamples()).append(" VCF samples analysed");
            if (s.phenotype().kind() == PhenotypeKind.BINARY) {
                out.append(" (").append(site.cases()).append(" cases, ").append(site.controls()).append(" controls)");
            }
            out.append('\n');
            for (String line : site.sampleMatch().strip().split("\n")) {
                out.append("  ").append(line).append('\n');
            }
            if (site.lowCallRate() > 0) {
                out.append("  ").append(site.lowCallRate()).append(site.lowCallRate() == 1 ? " sample" : " samples")
                        .append(" called at fewer than ")
                        .append(percent(qc.minSampleCallRate())).append(" of variants (left out)")
                        .append(site.lowCallRateExamples().isEmpty() ? ""
                                : ", e.g. " + String.join(", ", site.lowCallRateExamples())).append('\n');
            }
            out.append("  VCF: ").append(site.records()).append(" records, ").append(site.variants())
                    .append(" biallelic variants kept; multi-allelic records ").append(site.multiAllelicRecords())
                    .append(" (").append(site.multiAllelicSkipped() > 0 ? site.multiAllelicSkipped() + " skipped" : "split")
                    .append("), without GT ").append(site.noGenotypeRecords()).append(", without ALT ")
                    .append(site.noAltRecords()).append(", non-diploid calls ").append(site.nonDiploidCalls())
                    .append(", repeated variants ").append(site.duplicateVariants()).append('\n');
        }

        QcReport q = r.qc();
        out.append("\nVariant quality control over all hospitals (call rate >= ").append(percent(qc.minVariantCallRate()))
                .append(", minor allele frequency >= ").append(qc.minMaf()).append(", Hardy-Weinberg p >= ")
                .append(qc.minHweP() > 0 ? sci(qc.minHweP()) + (qc.hweControlsOnly() && s.phenotype().kind()
                        == PhenotypeKind.BINARY ? " in controls" : " in everyone") : "not applied").append(")\n");
        out.append("  variants seen: ").append(q.variantsSeen()).append('\n');
        out.append("  not present at every hospital: ").append(q.notAtEverySite());
        if (q.notAtEverySite() > 0) {
            out.append(" (not tested), e.g. ").append(String.join(", ", q.notAtEverySiteExamples()));
        }
        out.append('\n');
        out.append("  failed call rate: ").append(q.failedCallRate()).append('\n');
        out.append("  failed minor allele frequency: ").append(q.failedMaf()).append('\n');
        out.append("  failed Hardy-Weinberg: ").append(q.failedHwe()).append('\n');
        out.append("  tested: ").append(q.tested()).append('\n');
        List<AssociationResult> untested = r.results().stream().filter(a -> !a.tested()).toList();
        if (!untested.isEmpty()) {
            out.append("  tested but without a result: ").append(untested.size()).append(", e.g. ")
                    .append(untested.get(0).variant().label()).append(": ").append(untested.get(0).note()).append('\n');
        }

        out.append("\nGenomic inflation factor lambda: ").append(Double.isNaN(r.lambda()) ? "n/a"
                : String.format(Locale.ROOT, "%.4f", r.lambda())).append('\n');
        List<AssociationResult> hits = r.hits();
        out.append("Hits (p < ").append(sci(s.significance())).append("): ").append(hits.size()).append('\n');
        List<AssociationResult> shown = hits.isEmpty() ? r.top(TOP) : hits.subList(0, Math.min(hits.size(), 50));
        if (hits.isEmpty() && !shown.isEmpty()) {
            out.append("Strongest associations (none reaches the threshold):\n");
        }
        for (AssociationResult a : shown) {
            VariantInfo v = a.variant();
            out.append(String.format(Locale.ROOT, "  %s:%d %s %s>%s  freq %.4f  %s %.4g  SE %.4g  p %s%n", v.chrom(),
                    v.position(), v.id(), v.ref(), v.alt(), a.altFrequency(), s.test().effectName(), a.effect(), a.se(),
                    a.p() > 0 ? sci(a.p()) : String.format(Locale.ROOT, "1e-%.1f", a.negLog10P())));
        }
        return out.toString();
    }

    private static String sci(double p) {
        return String.format(Locale.ROOT, "%.3g", p);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
