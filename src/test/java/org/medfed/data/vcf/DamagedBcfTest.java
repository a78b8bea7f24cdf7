package org.medfed.data.vcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.variantcontext.writer.Options;
import htsjdk.variant.variantcontext.writer.VariantContextWriter;
import htsjdk.variant.variantcontext.writer.VariantContextWriterBuilder;
import htsjdk.variant.vcf.VCFFileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.BadInputException;

/**
 * A BCF file goes through the same BGZF block checks as a VCF.gz, and its header and records are cut by their
 * declared lengths before htsjdk decodes them: each kind of damage is refused in words naming the file.
 */
class DamagedBcfTest {

    private static final String VCF = "##fileformat=VCFv4.2\n"
            + "##contig=<ID=1,length=10000>\n"
            + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\tC\n"
            + "1\t100\trs1\tA\tG\t.\tPASS\t.\tGT\t0/1\t1/1\t0/0\n"
            + "1\t200\trs2\tC\tT\t.\tPASS\t.\tGT\t0/0\t0/1\t./.\n"
            + "1\t300\trs3\tG\tA\t.\tPASS\t.\tGT\t1/1\t0/0\t0/1\n";

    @TempDir
    Path tmp;

    /** BGZF-compressed, as bcftools writes BCF. */
    private Path bcf;
    private byte[] bytes;
    /** The same BCF uncompressed, as htsjdk's writer leaves it. */
    private byte[] raw;

    @BeforeEach
    void writeBcfWithHtsjdk() throws IOException {
        Path vcf = tmp.resolve("source.vcf");
        Files.writeString(vcf, VCF, StandardCharsets.US_ASCII);
        Path plain = tmp.resolve("plain.bcf");
        writeBcf(vcf, plain);
        raw = Files.readAllBytes(plain);
        bcf = tmp.resolve("calls.bcf");
        try (BlockCompressedOutputStream out = new BlockCompressedOutputStream(bcf.toFile())) {
            out.write(raw);
        }
        bytes = Files.readAllBytes(bcf);
    }

    @Test
    void theUndamagedFileIsBgzfWithItsEndMarkerAndReadsEveryRecord() {
        assertThat(bytes[12]).as("BGZF's extra field 'BC'").isEqualTo((byte) 'B');
        assertThat(Arrays.copyOfRange(bytes, bytes.length - 28, bytes.length)).as("the end-of-file block")
                .isEqualTo(Arrays.copyOfRange(EOF_BLOCK, 0, 28));
        assertThat(dosages(bcf)).containsExactly(List.of(1, 2, 0), List.of(0, 1, -1), List.of(2, 0, 1));
    }

    @Test
    void aWrongBlockChecksumIsRefused() throws IOException {
        byte[] damaged = bytes.clone();
        damaged[firstBlockSize() - 8] ^= 0x01; // the first block's CRC32
        refused(damaged, "crc.bcf").hasMessageContaining("is the compressed data damaged?");
    }

    @Test
    void aBlockDeclaringMoreThanABgzfBlockHoldsIsRefusedBeforeInflating() throws IOException {
        byte[] damaged = bytes.clone();
        damaged[firstBlockSize() - 1] = 0x76; // the first block's ISIZE: 1.9 GB
        refused(damaged, "huge.bcf").hasMessageContaining("header").hasMessageContaining("byte 0")
                .hasMessageContaining("a BGZF block holds at most 65536");
    }

    @Test
    void aFileCutInsideItsLastDataBlockIsTruncated() throws IOException {
        // the last block holding data ends where the 28-byte end-of-file block begins: cut 10 bytes before that
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 28 - 10);
        refused(cut, "cut.bcf").hasMessageContaining("header").hasMessageContaining("the file ends inside a compressed block")
                .hasMessageContaining("truncated");
    }

    @Test
    void aFileWithoutTheEndOfFileMarkerIsTruncated() throws IOException {
        byte[] noMarker = Arrays.copyOf(bytes, bytes.length - 28);
        refused(noMarker, "no-eof.bcf").hasMessageContaining("record 4").hasMessageContaining("end-of-file marker").hasMessageContaining("truncated");
    }

    @Test
    void aRecordCutShortInsideUncompressedBcfIsNamed() throws IOException {
        refused(Arrays.copyOf(raw, raw.length - 3), "short.bcf").hasMessageContaining("record 3")
                .hasMessageContaining("the file ends inside the record");
    }

    @Test
    void aRecordDeclaringAHugeLengthIsRefusedBeforeAllocating() throws IOException {
        byte[] damaged = raw.clone();
        int first = 5 + 4 + (int) le32(raw, 5); // the first record's lengths follow the header text
        damaged[first + 3] = 0x7f; // l_shared: 2 GB
        refused(damaged, "huge-record.bcf").hasMessageContaining("record 1").hasMessageContaining("is the file damaged?");
    }

    @Test
    void aHeaderCutShortIsNamed() throws IOException {
        refused(Arrays.copyOf(raw, 40), "header.bcf").hasMessageContaining("header")
                .hasMessageContaining("the file ends inside the header's text");
    }

    @Test
    void uncompressedBcfReadsLikeTheCompressedFile() {
        assertThat(raw).startsWith('B', 'C', 'F', 2, 1);
        assertThat(dosages(tmp.resolve("plain.bcf"))).isEqualTo(dosages(bcf));
    }

    /** The VCF's records as BCF, written by htsjdk (which leaves it uncompressed). */
    static void writeBcf(Path vcf, Path bcf) {
        try (VCFFileReader in = new VCFFileReader(vcf, false);
                VariantContextWriter out = new VariantContextWriterBuilder().setOutputPath(bcf)
                        .setOutputFileType(VariantContextWriterBuilder.OutputType.BCF)
                        .unsetOption(Options.INDEX_ON_THE_FLY).build()) {
            out.writeHeader(in.getFileHeader());
            for (VariantContext vc : in) {
                out.add(vc);
            }
        }
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refused(byte[] content, String name) throws IOException {
        Path damaged = tmp.resolve(name);
        Files.write(damaged, content);
        return assertThatThrownBy(() -> dosages(damaged)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(name);
    }

    private static List<List<Integer>> dosages(Path file) {
        List<List<Integer>> out = new ArrayList<>();
        try (VcfReader reader = VcfReader.open(file)) {
            for (VariantRecord v = reader.next(); v != null; v = reader.next()) {
                List<Integer> row = new ArrayList<>();
                for (byte d : v.dosages()) {
                    row.add((int) d);
                }
                out.add(row);
            }
        }
        return out;
    }

    private int firstBlockSize() {
        return ((bytes[16] & 0xff) | (bytes[17] & 0xff) << 8) + 1;
    }

    private static long le32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    /** The 28-byte empty block that ends every BGZF file (SAMv1 specification, section 4.1.2). */
    private static final byte[] EOF_BLOCK = {0x1f, (byte) 0x8b, 8, 4, 0, 0, 0, 0, 0, (byte) 0xff, 6, 0, 'B', 'C', 2, 0,
            0x1b, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0};
}
