package org.medfed.data.vcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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

class VcfReaderTest {

    static final String EXOME =
            "vcf-htsjdk-hts-specs/valid/ILLUMINA.wex.broad_phase2_baseline.20111114.both.exome.genotypes.1000.vcf";

    @TempDir
    Path tmp;

    @Test
    void readsTheThousandGenomesExomeSliceWithTheCountsOfItsProvenance() {
        List<VariantRecord> variants;
        VcfReadStats stats;
        try (VcfReader reader = VcfReader.open(SharedData.data(EXOME))) {
            assertThat(reader.samples()).hasSize(1182).startsWith("HG00096", "HG00100");
            assertThat(reader.layout()).isEqualTo(VcfLayout.PLAIN_VCF);
            assertThat(reader.fileFormat()).isEqualTo("VCFv4.1");
            variants = readAll(reader);
            stats = reader.stats();
        }
        // PROVENANCE.md: 122 records; GT counts 0/0 121468, ./. 17424, 1/1 2691, 0/1 2468, 0/2 139, 2/2 14
        assertThat(stats.records()).isEqualTo(122);
        assertThat(stats.homRefCalls()).isEqualTo(121_468);
        assertThat(stats.hetCalls()).isEqualTo(2468 + 139);
        assertThat(stats.homAltCalls()).isEqualTo(2691 + 14);
        assertThat(stats.missingCalls()).isEqualTo(17_424);
        assertThat(stats.calls()).isEqualTo(1182L * 122);
        assertThat(stats.multiAllelicRecords()).isEqualTo(1);
        assertThat(stats.recordsPerContig()).containsExactly(java.util.Map.entry("1", 122L));
        // one record (1:871215 C>T,G) is split in two
        assertThat(variants).hasSize(123);
        assertThat(stats.variants()).isEqualTo(123);

        // per-variant tallies from an independent count of the text (python, split on tabs)
        assertThat(tally(find(variants, "1:30548:T:G"))).containsExactly(5, 0, 7, 1170);
        assertThat(tally(find(variants, "1:69270:A:G"))).containsExactly(43, 35, 138, 966);
        assertThat(tally(find(variants, "1:871215:C:T"))).containsExactly(1181, 1, 0, 0);
        assertThat(tally(find(variants, "1:871215:C:G"))).containsExactly(1029, 139, 14, 0);
        long altCopies = variants.stream().mapToLong(v -> tally(v)[1] + 2L * tally(v)[2]).sum();
        assertThat(altCopies).isEqualTo(8017);
    }

    /** Contigs may interleave; each keeps its own order, also when its records resume after another contig's. */
    @Test
    void positionsIncreaseWithinEachContigEvenWhenContigsInterleave() throws IOException {
        String site = "\t.\tA\tG\t.\t.\t.\tGT\t0/1\n";
        Path interleaved = write("i.vcf", header("S") + "1\t100" + site + "2\t5" + site + "1\t100" + site
                + "2\t7" + site + "1\t300" + site);
        assertThat(readAll(interleaved)).extracting(VariantRecord::position).containsExactly(100, 5, 100, 7, 300);
        Path back = write("b.vcf", header("S") + "1\t100" + site + "2\t5" + site + "2\t9" + site + "1\t99" + site);
        assertThatThrownBy(() -> readAll(back)).isInstanceOf(BadInputException.class).hasMessage(
                "b.vcf line 8: position 99 on contig 1 comes after position 100: records must be sorted by position "
                        + "(sort the file, e.g. with 'bcftools sort')");
        Path within = write("w.vcf", header("S") + "2\t5" + site + "2\t4" + site);
        assertThatThrownBy(() -> readAll(within)).hasMessageContaining("line 6: position 4 on contig 2 comes after position 5");
    }

    @Test
    void skippingMultiAllelicSitesIsCountedNotSilent() {
        try (VcfReader reader = VcfReader.open(SharedData.data(EXOME),
                VcfReadOptions.defaults().withMultiAllelic(MultiAllelicPolicy.SKIP))) {
            assertThat(readAll(reader)).hasSize(121).noneMatch(v -> v.position() == 871215);
            assertThat(reader.stats().multiAllelicSkipped()).isEqualTo(1);
        }
    }

    @Test
    void specExampleGivesTheDosagesWrittenInIt() {
        List<VariantRecord> variants = readAll(SharedData.data("vcf-htsjdk-hts-specs/valid/simple.vcf"));
        assertThat(variants).extracting(VariantRecord::key).containsExactly(
                "20:14370:G:A", "20:17330:T:A", "20:1110696:A:G", "20:1110696:A:T",
                "20:1234567:GTC:G", "20:1234567:GTC:GTCT");
        // 0|0 1|0 1/1
        assertThat(variants.get(0).dosages()).containsExactly(0, 1, 2);
        assertThat(variants.get(0).id()).isEqualTo("rs6054257");
        // 0|0 0|1 0/0
        assertThat(variants.get(1).dosages()).containsExactly(0, 1, 0);
        assertThat(variants.get(1).id()).isEqualTo(".");
        // 1|2 2|1 2/2, split: copies of G, then copies of T
        assertThat(variants.get(2).dosages()).containsExactly(1, 1, 0);
        assertThat(variants.get(3).dosages()).containsExactly(1, 1, 2);
        // 0/1 0/2 1/1
        assertThat(variants.get(4).dosages()).containsExactly(1, 0, 2);
        assertThat(variants.get(5).dosages()).containsExactly(0, 1, 0);
    }

    @Test
    void gzipAndBgzfCopiesReadTheSameAsEachOther() {
        Path gz = SharedData.data("vcf-htsjdk-hts-specs/valid/test.vcf.gz");
        Path bgz = SharedData.data("vcf-htsjdk-hts-specs/valid/test.vcf.bgz");
        assertThat(VcfFileProbe.layout(gz)).isEqualTo(VcfLayout.GZIP_VCF);
        assertThat(VcfFileProbe.layout(bgz)).isEqualTo(VcfLayout.BGZF_VCF);
        assertThat(VcfFileProbe.index(bgz)).isPresent();
        assertThat(VcfFileProbe.index(gz)).isEmpty();
        List<VariantRecord> a = readAll(gz);
        List<VariantRecord> b = readAll(bgz);
        assertThat(a).hasSize(6);
        assertThat(describe(a)).isEqualTo(describe(b));
        assertThat(describe(a)).isEqualTo(describe(readAll(SharedData.data("vcf-htsjdk-hts-specs/valid/simple.vcf"))));
    }

    @Test
    void readsTheBgzfSingleSampleFileWithATrailingTabInItsHeader() {
        try (VcfReader reader = VcfReader.open(SharedData.data("vcf-htsjdk-hts-specs/valid/HiSeq.10000.vcf.bgz"))) {
            assertThat(reader.samples()).containsExactly("NA12878");
            assertThat(readAll(reader)).hasSize(9965);
            assertThat(reader.stats().hetCalls()).isEqualTo(7128);
            assertThat(reader.stats().homAltCalls()).isEqualTo(2837);
            assertThat(reader.stats().missingCalls()).isZero();
        }
    }

    @Test
    void readsTheSpecificationsComplexPassingFile() {
        try (VcfReader reader = VcfReader.open(SharedData.data("vcf-htsjdk-hts-specs/valid/complexfile_passed_000.vcf"))) {
            assertThat(reader.samples()).hasSize(100);
            assertThat(readAll(reader)).hasSize(28);
            assertThat(reader.stats().records()).isEqualTo(27);
            assertThat(reader.stats().noAltRecords()).isEqualTo(1);
            assertThat(reader.stats().multiAllelicRecords()).isEqualTo(2);
            // independent count of the GT subfields (python): 0/0 2375, het 156, hom-alt 69
            assertThat(reader.stats().homRefCalls()).isEqualTo(2375);
            assertThat(reader.stats().hetCalls()).isEqualTo(156);
            assertThat(reader.stats().homAltCalls()).isEqualTo(69);
        }
    }

    @Test
    void readsBcfWrittenByHtsjdkLikeTheVcfItCameFrom() throws IOException {
        Path vcf = SharedData.data("vcf-htsjdk-hts-specs/valid/simple.vcf");
        Path bcf = tmp.resolve("simple.bcf");
        DamagedBcfTest.writeBcf(vcf, bcf);
        assertThat(VcfFileProbe.layout(bcf)).isEqualTo(VcfLayout.BCF);
        try (VcfReader reader = VcfReader.open(bcf)) {
            assertThat(reader.samples()).containsExactly("NA00001", "NA00002", "NA00003");
            assertThat(describe(readAll(reader))).isEqualTo(describe(readAll(vcf)));
            assertThat(reader.location()).isEqualTo("record 5");
        }
    }

    @Test
    void haploidPartlyMissingAndGtLessCallsAreCountedNotGuessed() throws IOException {
        Path vcf = write("calls.vcf", header("A", "B", "C", "D")
                + "1\t100\t.\tA\tG\t.\t.\t.\tGT\t0/1\t./1\t1\t./.\n"
                + "1\t200\t.\tC\tT\t.\t.\t.\tDP\t3\t4\t5\t6\n"
                + "1\t300\t.\tC\t.\t.\t.\t.\tGT\t0/0\t0/0\t0/0\t0/0\n"
                + "1\t400\t.\tC\tT\t.\t.\t.\tGT:DP\t1|1:3\t.:4\t0|1\t0/0\n");
        List<VariantRecord> variants;
        VcfReadStats stats;
        try (VcfReader reader = VcfReader.open(vcf)) {
            variants = readAll(reader);
            stats = reader.stats();
        }
        assertThat(variants).extracting(VariantRecord::position).containsExactly(100, 400);
        assertThat(variants.get(0).dosages()).containsExactly(1, -1, -1, -1);
        assertThat(variants.get(1).dosages()).containsExactly(2, -1, 1, 0);
        assertThat(stats.noGenotypeRecords()).isEqualTo(1);
        assertThat(stats.noAltRecords()).isEqualTo(1);
        assertThat(stats.nonDiploidCalls()).isEqualTo(1);
        assertThat(stats.missingCalls()).isEqualTo(4);
        assertThat(stats.calls()).isEqualTo(8);
    }

    @Test
    void everyRecordGetsItsOwnDosageArray() throws IOException {
        Path vcf = write("two.vcf", header("A") + "1\t1\t.\tA\tG\t.\t.\t.\tGT\t0/1\n" + "1\t2\t.\tA\tG\t.\t.\t.\tGT\t1/1\n");
        List<VariantRecord> variants = readAll(vcf);
        assertThat(variants.get(0).dosages()).containsExactly(1);
        assertThat(variants.get(1).dosages()).containsExactly(2);
    }

    @Test
    void aRecordWithTheWrongNumberOfColumnsNamesItsLine() throws IOException {
        Path vcf = write("short.vcf", header("A", "B") + "1\t1\t.\tA\tG\t.\t.\t.\tGT\t0/1\t0/0\n"
                + "1\t2\t.\tA\tG\t.\t.\t.\tGT\t0/1\n");
        assertThatThrownBy(() -> readAll(vcf)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("short.vcf line 6: the record has 10 columns, expected 11");
    }

    @Test
    void aBadGenotypeNamesItsLine() throws IOException {
        Path vcf = write("badgt.vcf", header("A") + "1\t1\t.\tA\tG\t.\t.\t.\tGT\t0/1\n" + "1\t2\t.\tA\tG\t.\t.\t.\tGT\t0/7\n");
        assertThatThrownBy(() -> readAll(vcf)).isInstanceOf(BadInputException.class)
                .hasMessage("badgt.vcf line 6: sample A has GT '0/7', which names allele 7 but the record has 1 alternate allele(s)");
    }

    @Test
    void aTruncatedGzipFileSaysSo() throws IOException {
        Path full = tmp.resolve("full.vcf.gz");
        StringBuilder text = new StringBuilder(header("A"));
        for (int i = 1; i <= 20_000; i++) {
            text.append("1\t").append(i).append("\t.\tA\tG\t.\t.\t.\tGT\t0/1\n");
        }
        try (OutputStream out = new BlockCompressedOutputStream(full.toFile())) {
            out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
        }
        byte[] bytes = Files.readAllBytes(full);
        Path cut = tmp.resolve("cut.vcf.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(readAll(full)).hasSize(20_000);
        assertThatThrownBy(() -> readAll(cut)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("cut.vcf.gz ")
                .satisfies(e -> assertThat(((BadInputException) e).location()).matches("(after )?line \\d+"));
    }

    @Test
    void aMissingFileIsReportedPlainly() {
        assertThatThrownBy(() -> VcfReader.open(tmp.resolve("nowhere.vcf")))
                .isInstanceOf(BadInputException.class).hasMessage("nowhere.vcf: file not found");
    }

    @Test
    void pickingTheIndexInsteadOfTheVcfIsExplained() {
        assertThatThrownBy(() -> VcfReader.open(SharedData.data("vcf-htsjdk-hts-specs/valid/test.vcf.bgz.tbi")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("index file, not a VCF");
    }

    static String header(String... samples) {
        return "##fileformat=VCFv4.2\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                + "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t" + String.join("\t", samples) + "\n";
    }

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.US_ASCII);
        return p;
    }

    static List<VariantRecord> readAll(Path file) {
        try (VcfReader reader = VcfReader.open(file)) {
            return readAll(reader);
        }
    }

    static List<VariantRecord> readAll(VcfReader reader) {
        List<VariantRecord> out = new ArrayList<>();
        for (VariantRecord v = reader.next(); v != null; v = reader.next()) {
            out.add(v);
        }
        return out;
    }

    private static List<String> describe(List<VariantRecord> variants) {
        return variants.stream().map(v -> v.key() + " " + v.id() + " " + Arrays.toString(v.dosages())).toList();
    }

    private static VariantRecord find(List<VariantRecord> variants, String key) {
        return variants.stream().filter(v -> v.key().equals(key)).findFirst().orElseThrow();
    }

    /** {hom-ref, het, hom-alt, missing}. */
    private static int[] tally(VariantRecord v) {
        int[] t = new int[4];
        for (byte d : v.dosages()) {
            t[d < 0 ? 3 : d]++;
        }
        return t;
    }
}
