package org.medfed.analytics.gwas.synthetic;

import java.util.List;
import org.medfed.engine.BadInputException;

/**
 * The knobs of a synthetic multi-hospital genotype study. The defaults make the committed sample project:
 * four hospitals of 150 people and 2,000 variants.
 *
 * @param seed every random draw derives from it: the same seed gives the same files
 * @param hospitals hospital names (one VCF and one phenotype sheet each)
 * @param samplesPerHospital people per hospital
 * @param variants variants on chromosomes 1-22 (spread in proportion to chromosome length)
 * @param fst Balding-Nichols F_ST: how far each hospital's allele frequencies drift from the ancestral ones
 * @param causal number of causal variants (chosen among common ones)
 * @param heritabilityPerCausal share of liability variance explained by each causal variant
 * @param hospitalShift liability shift of each hospital (different case fractions between hospitals)
 * @param missingRate fraction of genotype calls set missing at random
 * @param poorSamplesPerHospital samples per hospital given a 25% missing rate (caught by sample QC)
 * @param rareFraction fraction of variants with an ancestral minor allele frequency below 1% (MAF filter)
 * @param hweBroken variants whose homozygous-alternate calls are turned into heterozygotes, a typical
 *        genotyping artefact (caught by the Hardy-Weinberg filter)
 */
public record SyntheticGwasConfig(long seed, List<String> hospitals, int samplesPerHospital, int variants, double fst,
        int causal, double heritabilityPerCausal, List<Double> hospitalShift, double missingRate,
        int poorSamplesPerHospital, double rareFraction, int hweBroken) {

    public SyntheticGwasConfig {
        hospitals = List.copyOf(hospitals);
        hospitalShift = List.copyOf(hospitalShift);
        if (hospitals.isEmpty() || hospitalShift.size() != hospitals.size()) {
            throw new BadInputException("give one liability shift per hospital");
        }
        if (samplesPerHospital < 2 || variants < causal + hweBroken + 1) {
            throw new BadInputException("too few samples or variants for the synthetic study");
        }
        if (causal * heritabilityPerCausal >= 0.8) {
            throw new BadInputException("causal variants would explain " + causal * heritabilityPerCausal
                    + " of the liability variance; keep it below 0.8");
        }
    }

    /** The sample project: 4 hospitals x 150 people x 2,000 variants, 4 causal variants, F_ST 0.02. */
    public static SyntheticGwasConfig sampleProject() {
        return new SyntheticGwasConfig(20240611L, List.of("hospital-a", "hospital-b", "hospital-c", "hospital-d"), 150,
                2000, 0.02, 4, 0.10, List.of(0.0, 0.25, -0.25, 0.1), 0.01, 1, 0.03, 5);
    }

    /** The same study at another size (for benchmarks). */
    public SyntheticGwasConfig resized(int samples, int variantCount) {
        return new SyntheticGwasConfig(seed, hospitals, samples, variantCount, fst, causal, heritabilityPerCausal,
                hospitalShift, missingRate, poorSamplesPerHospital, rareFraction, hweBroken);
    }
}
