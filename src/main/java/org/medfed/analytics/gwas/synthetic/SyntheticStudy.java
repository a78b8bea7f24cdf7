package org.medfed.analytics.gwas.synthetic;

import java.nio.file.Path;
import java.util.List;

/** What a generator run wrote, and the ground truth behind it. */
public record SyntheticStudy(List<SyntheticVariant> variants, List<SyntheticSample> samples, List<Path> vcfs,
        List<Path> phenotypeSheets, Path readme) {

    public SyntheticStudy {
        variants = List.copyOf(variants);
        samples = List.copyOf(samples);
        vcfs = List.copyOf(vcfs);
        phenotypeSheets = List.copyOf(phenotypeSheets);
    }

    public List<SyntheticVariant> causal() {
        return variants.stream().filter(SyntheticVariant::causal).toList();
    }
}
