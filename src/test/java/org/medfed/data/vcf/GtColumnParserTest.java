package org.medfed.data.vcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.medfed.engine.BadInputException;
import org.medfed.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GtColumnParserTest {

    @TempDir
    Path tmp;

    /** The text route and htsjdk's Genotype objects agree on every call of the real files. */
    @Test
    void readsTheSameDosagesAsHtsjdkGenotypeObjects() {
        for (String name : List.of(VcfReaderTest.EXOME, "vcf-htsjdk-hts-specs/valid/complexfile_passed_000.vcf",
                "vcf-htsjdk-hts-specs/valid/simple.vcf", "vcf-htsjdk-hts-specs/valid/HiSeq.10000.vcf.bgz")) {
            Path file = SharedData.data(name);
            List<String> fast = VcfReaderTest.readAll(file).stream().map(GtColumnParserTest::describe).toList();
            List<String> viaHtsjdk = new ArrayList<>();
            VcfReadStats stats = new VcfReadStats();
            try (VCFFileReader reader = new VCFFileReader(file, false)) {
                DosageExtractor extractor = new DosageExtractor(MultiAllelicPolicy.SPLIT, stats,
                        reader.getFileHeader().getGenotypeSamples());
                for (VariantContext vc : reader) {
                    extractor.extract(vc, null).forEach(v -> viaHtsjdk.add(describe(v)));
                }
            }
            assertThat(fast).as(name).isEqualTo(viaHtsjdk);
        }
    }

    @Test
    void phasedPolyploidMultiDigitAndGtNotFirst() throws IOException {
        StringBuilder alts = new StringBuilder("C");
        for (int k = 2; k <= 11; k++) {
            alts.append(",").append("ACGT".charAt(k % 4)).append("A".repeat(k));
        }
        Path vcf = write(VcfReaderTest.header("A", "B", "C", "D", "E")
                + "1\t10\t.\tA\tG\t.\t.\t.\tDP:GT\t3:0|1\t4:1|1\t5:0/0/1\t6:.\t7\n"
                + "1\t20\t.\tA\t" + alts + "\t.\t.\t.\tGT\t0/11\t11/11\t1/2\t./.\t0|0\n");
        List<VariantRecord> v = VcfReaderTest.readAll(vcf);
        assertThat(v.get(0).dosages()).containsExactly(1, 2, -1, -1, -1);
        assertThat(v).hasSize(12);
        assertThat(v.get(11).dosages()).containsExactly(1, 2, 0, -1, 0);
        assertThat(v.get(1).dosages()).containsExactly(0, 0, 1, -1, 0);
        assertThat(v.get(2).dosages()).containsExactly(0, 0, 1, -1, 0);
    }

    @Test
    void unreadableGenotypesNameTheSampleAndLine() throws IOException {
        Path bad = write(VcfReaderTest.header("A", "B") + "1\t10\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/x\n");
        assertThatThrownBy(() -> VcfReaderTest.readAll(bad)).isInstanceOf(BadInputException.class)
                .hasMessage("g.vcf line 5: sample B has GT '0/x', expected alleles such as 0/1, 1|1 or ./.");
        Path cut = write(VcfReaderTest.header("A") + "1\t10\t.\tA\tG\t.\t.\t.\tGT\t0/\n");
        assertThatThrownBy(() -> VcfReaderTest.readAll(cut)).isInstanceOf(BadInputException.class)
                .hasMessage("g.vcf line 5: sample A has GT '0/', which ends with a separator");
    }

    private Path write(String text) throws IOException {
        Path p = tmp.resolve("g.vcf");
        Files.writeString(p, text, StandardCharsets.US_ASCII);
        return p;
    }

    private static String describe(VariantRecord v) {
        return v.key() + " " + Arrays.toString(v.dosages());
    }
}
