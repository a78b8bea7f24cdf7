package org.medfed.analytics.gwas;

import java.util.Locale;
import org.medfed.data.vcf.MultiAllelicPolicy;
import org.medfed.data.vcf.PhenotypeKind;
import org.medfed.data.vcf.PhenotypeSpec;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProtocolException;

/**
 * The {@code gwas.prepare} step as protocol messages: the coordinator's {@link SitePlan} (which sheet columns,
 * the sample call rate, the design) and the hospital's {@link SiteSummary} (counts of samples and VCF records).
 * Both come back exactly as they were sent; names travel as texts, rates as numbers (doubles), counts as numbers
 * or 64-bit integers.
 */
final class GwasPrepareCodec {

    // the request
    private static final String ID_COLUMN = "phenotype.id_column";
    private static final String PHENOTYPE_COLUMN = "phenotype.column";
    private static final String PHENOTYPE_KIND = "phenotype.kind";
    private static final String COVARIATES = "phenotype.covariate.";
    private static final String MIN_SAMPLE_CALL_RATE = "min_sample_call_rate";
    private static final String MULTI_ALLELIC = "multi_allelic";
    private static final String DESIGN_COVARIATES = "design.covariate.";
    private static final String DESIGN_SITES = "design.site.";
    private static final String DESIGN_SITE_TERMS = "design.site_terms";
    private static final String SITE_INDEX = "site_index";

    // the reply
    private static final String SITE = "site";
    private static final String SAMPLE_MATCH = "sample_match";
    private static final String LOW_CALL_RATE_EXAMPLES = "low_call_rate_example.";
    // whole numbers within int range travel as numbers (exact up to 2^53), the VCF's counts as 64-bit integers
    private static final String VCF_SAMPLES = "vcf_samples";
    private static final String ANALYSED = "analysed";
    private static final String CASES = "cases";
    private static final String CONTROLS = "controls";
    private static final String LOW_CALL_RATE = "low_call_rate";
    private static final String VCF_COUNTS = "vcf_counts";

    private GwasPrepareCodec() {
    }

    static Params request(SitePlan plan) {
        PhenotypeSpec phenotype = plan.phenotype();
        Params.Builder b = Params.builder()
                .text(PHENOTYPE_COLUMN, phenotype.phenotypeColumn())
                .text(PHENOTYPE_KIND, phenotype.kind().name())
                .number(MIN_SAMPLE_CALL_RATE, plan.minSampleCallRate())
                .text(MULTI_ALLELIC, plan.multiAllelic().name())
                .flag(DESIGN_SITE_TERMS, plan.design().siteTerms())
                .number(SITE_INDEX, plan.siteIndex());
        if (phenotype.idColumn() != null) {
            // absent means the sheet's first column
            b.text(ID_COLUMN, phenotype.idColumn());
        }
        GwasFields.putNames(b, COVARIATES, phenotype.covariates());
        GwasFields.putNames(b, DESIGN_COVARIATES, plan.design().covariates());
        GwasFields.putNames(b, DESIGN_SITES, plan.design().siteNames());
        return b.build();
    }

    static SitePlan plan(Params p) {
        PhenotypeSpec phenotype = new PhenotypeSpec(p.has(ID_COLUMN) ? p.text(ID_COLUMN) : null,
                p.text(PHENOTYPE_COLUMN), choice(PhenotypeKind.class, p, PHENOTYPE_KIND),
                GwasFields.names(p, COVARIATES));
        DesignLayout design = new DesignLayout(GwasFields.names(p, DESIGN_COVARIATES),
                GwasFields.names(p, DESIGN_SITES), p.flag(DESIGN_SITE_TERMS));
        int siteIndex = p.integer(SITE_INDEX);
        if (siteIndex < 0 || siteIndex >= design.siteNames().size()) {
            throw new ProtocolException("field '" + SITE_INDEX + "' is " + siteIndex + ", but the study has "
                    + design.siteNames().size() + " hospitals");
        }
        return new SitePlan(phenotype, p.number(MIN_SAMPLE_CALL_RATE), choice(MultiAllelicPolicy.class, p,
                MULTI_ALLELIC), design, siteIndex);
    }

    static Params reply(SiteSummary s) {
        Params.Builder b = Params.builder()
                .text(SITE, s.site())
                .text(SAMPLE_MATCH, s.sampleMatch())
                .number(VCF_SAMPLES, s.vcfSamples())
                .number(ANALYSED, s.analysed())
                .number(CASES, s.cases())
                .number(CONTROLS, s.controls())
                .number(LOW_CALL_RATE, s.lowCallRate())
                .longs(VCF_COUNTS, new long[] {s.records(), s.variants(), s.multiAllelicRecords(),
                        s.multiAllelicSkipped(), s.noGenotypeRecords(), s.noAltRecords(), s.nonDiploidCalls(),
                        s.duplicateVariants()});
        GwasFields.putNames(b, LOW_CALL_RATE_EXAMPLES, s.lowCallRateExamples());
        return b.build();
    }

    static SiteSummary summary(Params p) {
        long[] vcf = p.longs(VCF_COUNTS);
        if (vcf.length != 8) {
            throw new ProtocolException("field '" + VCF_COUNTS + "' holds " + vcf.length + " counts, expected 8");
        }
        return new SiteSummary(p.text(SITE), p.integer(VCF_SAMPLES), p.integer(ANALYSED), p.integer(CASES),
                p.integer(CONTROLS), p.text(SAMPLE_MATCH), p.integer(LOW_CALL_RATE),
                GwasFields.names(p, LOW_CALL_RATE_EXAMPLES), vcf[0], vcf[1], vcf[2], vcf[3], vcf[4], vcf[5], vcf[6],
                vcf[7]);
    }

    private static <E extends Enum<E>> E choice(Class<E> type, Params p, String key) {
        String text = p.text(key);
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("field '" + key + "' is '" + text + "', expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
