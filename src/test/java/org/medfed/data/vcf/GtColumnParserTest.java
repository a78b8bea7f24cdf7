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
            assertThat(fast).as(name).isEqualTo(viaHtsjdk(file, new VcfReadStats()));
        }
    }

    /**
     * A GT-only biallelic file is read four bytes a call until a call of another shape; every shape, anywhere in a
     * line (first, middle, last sample), gives the dosages and the call counts of htsjdk's Genotype objects.
     */
    @Test
    void fourByteCallsAndEveryOtherShapeAgreeWithHtsjdk() throws IOException {
        String[] usual = {"0/0", "0/1", "1/0", "1/1", "0|0", "0|1", "1|0", "1|1", "./.", ".|."};
        String[] other = {"./1", "1|.", "0", "1", ".", "0/1/1", "./././.", "00/1", "0/01"};
        java.util.Random random = new java.util.Random(7);
        String[] samples = new String[37];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = "S" + i;
        }
        StringBuilder text = new StringBuilder(VcfReaderTest.header(samples));
        for (int r = 0; r < 400; r++) {
            text.append("1\t").append(10 + r).append("\t.\tA\tG\t.\t.\t.\tGT");
            for (int s = 0; s < samples.length; s++) {
                boolean odd = random.nextInt(r % 4 == 0 ? 3 : 40) == 0;
                text.append('\t').append(odd ? other[random.nextInt(other.length)] : usual[random.nextInt(usual.length)]);
            }
            text.append('\n');
        }
        Path vcf = write(text.toString());
        VcfReadStats fastStats;
        List<String> fast = new ArrayList<>();
        try (VcfReader reader = VcfReader.open(vcf)) {
            VcfReaderTest.readAll(reader).forEach(v -> fast.add(describe(v)));
            fastStats = reader.stats();
        }
        VcfReadStats htsjdkStats = new VcfReadStats();
        assertThat(fast).isEqualTo(viaHtsjdk(vcf, htsjdkStats));
        assertThat(List.of(fastStats.calls(), fastStats.homRefCalls(), fastStats.hetCalls(), fastStats.homAltCalls(),
                fastStats.missingCalls(), fastStats.nonDiploidCalls()))
                .isEqualTo(List.of(htsjdkStats.calls(), htsjdkStats.homRefCalls(), htsjdkStats.hetCalls(),
                        htsjdkStats.homAltCalls(), htsjdkStats.missingCalls(), htsjdkStats.nonDiploidCalls()));
        assertThat(fastStats.hetCalls()).isGreaterThan(1000);
        assertThat(fastStats.nonDiploidCalls()).isGreaterThan(100);
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

    /** The variants of {@code file} read through htsjdk's Genotype objects, counted into {@code stats}. */
    private static List<String> viaHtsjdk(Path file, VcfReadStats stats) {
        List<String> out = new ArrayList<>();
        try (VCFFileReader reader = new VCFFileReader(file, false)) {
            List<String> samples = reader.getFileHeader().getGenotypeSamples();
            DosageExtractor extractor = new DosageExtractor(MultiAllelicPolicy.SPLIT, stats, samples);
            for (VariantContext vc : reader) {
                extractor.extract(VcfSite.of(vc), new GenotypeObjectCalls(vc, samples.size()))
                        .forEach(v -> out.add(describe(v)));
            }
        }
        return out;
    }

    private static String describe(VariantRecord v) {
        return v.key() + " " + v.id() + " " + Arrays.toString(v.dosages());
    }
}
