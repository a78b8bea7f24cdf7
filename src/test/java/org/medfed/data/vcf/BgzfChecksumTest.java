package org.medfed.data.vcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.BadInputException;

/**
 * A BGZF block whose CRC does not match its data is refused, not read as other genotypes; so are a block declaring
 * too much and a file cut at a block boundary (no end-of-file marker). BCF gets the same checks: DamagedBcfTest.
 */
class BgzfChecksumTest {

    private static final Path SAMPLE = Path.of("sample-projects/genotypes-4-hospitals/hospital-a.vcf.gz");

    @TempDir
    Path tmp;

    @Test
    void aWrongBlockChecksumIsDetected() throws Exception {
        byte[] bytes = Files.readAllBytes(SAMPLE);
        assertThat(bytes[12]).as("a BGZF file (extra field 'BC')").isEqualTo((byte) 'B');
        int blockSize = ((bytes[16] & 0xff) | (bytes[17] & 0xff) << 8) + 1;
        // the first block's CRC32 is the 8th to 5th byte from its end
        bytes[blockSize - 8] ^= 0x01;
        Path damaged = tmp.resolve("damaged.vcf.gz");
        Files.write(damaged, bytes);
        assertThatThrownBy(() -> {
            try (VcfReader reader = VcfReader.open(damaged)) {
                while (reader.next() != null) {
                    // read on
                }
            }
        }).isInstanceOf(BadInputException.class).hasMessageStartingWith("damaged.vcf.gz")
                .hasMessageContaining("is the compressed data damaged?");
    }

    @Test
    void theUndamagedFileReads() throws Exception {
        try (VcfReader reader = VcfReader.open(SAMPLE)) {
            assertThat(reader.next()).isNotNull();
        }
    }

    /** Found by ParserFuzzTest: htsjdk allocates a block's declared size, so a damaged one took seconds to refuse. */
    @Test
    void aBlockDeclaringMoreThanABgzfBlockHoldsIsRefusedBeforeInflating() throws Exception {
        byte[] bytes = Files.readAllBytes(SAMPLE);
        int blockSize = ((bytes[16] & 0xff) | (bytes[17] & 0xff) << 8) + 1;
        // the first block's ISIZE, its last four bytes: 1.9 GB
        bytes[blockSize - 1] = 0x76;
        Path damaged = tmp.resolve("huge-block.vcf.gz");
        Files.write(damaged, bytes);
        assertThatThrownBy(() -> {
            try (VcfReader reader = VcfReader.open(damaged)) {
                while (reader.next() != null) {
                    // read on
                }
            }
        }).isInstanceOf(BadInputException.class).hasMessageStartingWith("huge-block.vcf.gz")
                .hasMessageContaining("byte 0").hasMessageContaining("a BGZF block holds at most 65536");
    }

    /** Cut where a block ends, the lines still end in newlines: without the marker it would read as a shorter file. */
    @Test
    void aFileWithoutTheEndOfFileMarkerIsRefusedAsTruncated() throws Exception {
        byte[] bytes = Files.readAllBytes(SAMPLE);
        Path cut = tmp.resolve("no-eof.vcf.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 28));
        assertThatThrownBy(() -> {
            try (VcfReader reader = VcfReader.open(cut)) {
                while (reader.next() != null) {
                    // read on
                }
            }
        }).isInstanceOf(BadInputException.class).hasMessageStartingWith("no-eof.vcf.gz after line ")
                .hasMessageContaining("without BGZF's end-of-file marker").hasMessageContaining("truncated");
    }
}
