package org.medfed.data.vcf;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a genotype file holds, for {@code medfed inspect} and the workbench's file preview.
 *
 * @param file the file
 * @param layout how it is stored
 * @param fileFormat declared version ("VCFv4.1", "BCF")
 * @param index tabix/CSI index beside the file, if any
 * @param samples sample names in file order
 * @param stats record, call and skip counts
 * @param sampleCallRates per sample, the fraction of called genotypes over the kept records (NaN without records)
 * @param variantCallRates per biallelic variant, the fraction of samples called
 */
public record VcfSummary(Path file, VcfLayout layout, String fileFormat, Optional<Path> index, List<String> samples,
        VcfReadStats stats, double[] sampleCallRates, double[] variantCallRates) {
}
