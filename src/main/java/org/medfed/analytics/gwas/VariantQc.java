package org.medfed.analytics.gwas;

/**
 * Variant quality control on genotype counts summed over hospitals: the same decision a pooled analysis
 * would take, made without any hospital showing a genotype.
 */
final class VariantQc {

    enum Verdict { PASS, CALL_RATE, MAF, HWE }

    private final QcSettings settings;
    private final boolean binary;

    VariantQc(QcSettings settings, boolean binary) {
        this.settings = settings;
        this.binary = binary;
    }

    /** The first filter the variant fails, in the order call rate, MAF, HWE; or PASS. */
    Verdict judge(GenotypeTally cases, GenotypeTally controls) {
        GenotypeTally all = cases.plus(controls);
        long called = all.called();
        if (called == 0 || (double) called / (called + all.missing()) < settings.minVariantCallRate()) {
            return Verdict.CALL_RATE;
        }
        double alt = all.altAlleles() / (2.0 * called);
        if (Math.min(alt, 1 - alt) < settings.minMaf()) {
            return Verdict.MAF;
        }
        if (settings.minHweP() > 0) {
            GenotypeTally tested = binary && settings.hweControlsOnly() ? controls : all;
            if (HardyWeinberg.below(tested.het(), tested.homRef(), tested.homAlt(), settings.minHweP())) {
                return Verdict.HWE;
            }
        }
        return Verdict.PASS;
    }
}
