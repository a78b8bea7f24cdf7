package org.medfed.analytics.bench;

import java.nio.file.Path;
import org.medfed.analytics.gwas.synthetic.SyntheticGwasConfig;
import org.medfed.analytics.gwas.synthetic.SyntheticGwasGenerator;
import org.medfed.analytics.gwas.synthetic.SyntheticStudy;

/** Writes the genotype sample project (default folder sample-projects/genotypes-4-hospitals). */
public final class GenerateGenotypeSample {

    private GenerateGenotypeSample() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-projects/genotypes-4-hospitals");
        SyntheticStudy study = SyntheticGwasGenerator.generate(SyntheticGwasConfig.sampleProject(), dir);
        System.out.println("wrote " + study.vcfs().size() + " hospitals to " + dir.toAbsolutePath());
        study.causal().forEach(v -> System.out.println("causal " + v.id() + " " + v.key() + " effect " + v.effect()));
    }
}
