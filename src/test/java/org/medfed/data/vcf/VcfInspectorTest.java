package org.medfed.data.vcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.medfed.engine.BadInputException;
import org.medfed.testsupport.SharedData;
import org.junit.jupiter.api.Test;

class VcfInspectorTest {

    @Test
    void describesTheExomeSliceWithItsKnownCounts() {
        String report = VcfInspector.report(SharedData.data(VcfReaderTest.EXOME), Runnable::run);
        assertThat(report)
                .contains("Format:                VCF text, VCFv4.1, no index")
                .contains("Samples:               1182 (HG00096, HG00100, HG00101, HG00102, HG00103, ...)")
                .contains("Records:               122 on 1 contig(s)")
                .contains("    contig 1: 122 records")
                .contains("Biallelic variants:    123")
                .contains("Multi-allelic records: 1")
                .contains("Records without GT:    0")
                .contains("Genotype calls:        144204: hom-ref 121468, het 2607, hom-alt 2705, missing 17424")
                // 17424 / 144204
                .contains("Missing-call rate:     12.08%");
    }

    @Test
    void callRatesAreComputedPerSampleAndPerVariant() {
        VcfSummary s = VcfInspector.summarize(SharedData.data("vcf-htsjdk-hts-specs/valid/test.vcf.bgz"));
        assertThat(s.index()).isPresent();
        assertThat(s.sampleCallRates()).containsExactly(1.0, 1.0, 1.0);
        assertThat(s.variantCallRates()).hasSize(6).containsOnly(1.0);
        VcfSummary exome = VcfInspector.summarize(SharedData.data(VcfReaderTest.EXOME));
        // 1:30548 T>G has 12 of 1182 samples called (python count of its GT fields)
        assertThat(exome.variantCallRates()[0]).isEqualTo(12.0 / 1182);
        double meanSampleRate = java.util.Arrays.stream(exome.sampleCallRates()).average().orElseThrow();
        // 123 split variants; the split record has no missing call: (1182*123 - 17424) / (1182*123)
        assertThat(meanSampleRate).isCloseTo((1182.0 * 123 - 17424) / (1182.0 * 123), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aMalformedFileIsReportedAsBadInput() {
        assertThatThrownBy(() -> VcfInspector.report(SharedData.data("vcf-htsjdk-hts-specs/malformed/failed_body_pos_000.vcf"), Runnable::run))
                .isInstanceOf(BadInputException.class).hasMessageContaining("line 4");
    }
}
