package org.medfed.data.vcf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.concurrency.Workers;
import org.medfed.engine.BadInputException;

/**
 * BGZF blocks inflated ahead of the reader on other threads come back in file order, and every check of a block
 * (its framing, length and CRC, the end-of-file marker) still fails where the block stands, naming its byte,
 * after every byte before it has been read; the executor's threads never outlive it, and an executor that is shut
 * down, or never runs anything, leaves the reading thread to inflate alone.
 */
class BgzfInputTest {

    private static final Path FILE = Path.of("blocks.vcf.gz");
    /** Fewer than the blocks of every file below, so the queue is refilled many times. */
    private static final int READ_AHEAD = 3;

    @TempDir
    Path tmp;

    /** 300 blocks of 1 to 20,000 bytes each, each ending where {@code flush} cut it, and the end-of-file marker. */
    private static final class Bgzf {
        final ByteArrayOutputStream plain = new ByteArrayOutputStream();
        final byte[] bytes;
        /** Where each block starts in {@link #bytes}, the end-of-file marker's last. */
        final List<Long> offsets = new ArrayList<>();

        Bgzf(int blocks) throws IOException {
            Random random = new Random(18);
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            try (BlockCompressedOutputStream out = new BlockCompressedOutputStream(file, (Path) null)) {
                for (int b = 0; b < blocks; b++) {
                    byte[] chunk = new byte[1 + random.nextInt(20_000)];
                    for (int i = 0; i < chunk.length; i++) {
                        // text-like and compressible, different in every block
                        chunk[i] = (byte) ('a' + (b + i / (1 + random.nextInt(40))) % 26);
                    }
                    out.write(chunk);
                    out.flush(); // ends the block here
                    plain.write(chunk);
                }
            }
            bytes = file.toByteArray();
            for (long at = 0; at < bytes.length; at += ((bytes[(int) at + 16] & 0xff) | (bytes[(int) at + 17] & 0xff) << 8) + 1) {
                offsets.add(at);
            }
        }

        InputStream open(Executor helpers) {
            return open(bytes, helpers);
        }

        static InputStream open(byte[] bytes, Executor helpers) {
            return new BgzfInput(new BgzfBlocks(new ByteArrayInputStream(bytes), FILE), helpers, READ_AHEAD);
        }
    }

    @Test
    void blocksInflatedOnAPoolComeBackInFileOrder() throws Exception {
        Bgzf bgzf = new Bgzf(300);
        assertThat(bgzf.offsets).hasSize(301);
        try (Workers workers = new Workers(2)) {
            ExecutorService pool = workers.fixed("bgzf-inflate", 2);
            try (InputStream in = bgzf.open(pool)) {
                assertThat(readInOddPieces(in)).isEqualTo(bgzf.plain.toByteArray());
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            for (Thread t : workers.alive()) {
                t.join(5_000); // a terminated pool's threads are ending
            }
            assertThat(workers.alive()).as("no inflating thread outlives its pool").isEmpty();
        }
    }

    /** A helper that inflates the blocks it is given last-first: the reader still gets them first-first. */
    @Test
    void blocksInflatedOutOfOrderAreReadInOrder() throws Exception {
        Bgzf bgzf = new Bgzf(50);
        ArrayDeque<Runnable> given = new ArrayDeque<>();
        Executor backwards = task -> {
            given.push(task);
            if (given.size() == READ_AHEAD) {
                while (!given.isEmpty()) {
                    given.pop().run();
                }
            }
        };
        try (InputStream in = bgzf.open(backwards)) {
            assertThat(in.readAllBytes()).isEqualTo(bgzf.plain.toByteArray());
        }
    }

    /** An executor that is shut down (the program ending) or never gets to its queue: the reader inflates alone. */
    @Test
    void aShutDownOrIdleExecutorLeavesTheReaderToInflateAlone() throws Exception {
        Bgzf bgzf = new Bgzf(40);
        try (Workers workers = new Workers(2)) {
            ExecutorService shut = workers.fixed("bgzf-inflate", 1);
            shut.shutdown();
            try (InputStream in = bgzf.open(shut)) {
                assertThat(in.readAllBytes()).isEqualTo(bgzf.plain.toByteArray());
            }
        }
        List<Runnable> neverRun = new ArrayList<>();
        try (InputStream in = bgzf.open(neverRun::add)) {
            assertThat(in.readAllBytes()).isEqualTo(bgzf.plain.toByteArray());
        }
        assertThat(neverRun).hasSize(41);
    }

    /** The program's workers closed while a file is half read: the reader finishes it, and no thread is left. */
    @Test
    void closingTheWorkersMidFileStopsTheirThreadsAndTheReadGoesOn() throws Exception {
        Bgzf bgzf = new Bgzf(200);
        Workers workers = new Workers(2);
        ExecutorService pool = workers.fixed("bgzf-inflate", 2);
        try (InputStream in = bgzf.open(pool)) {
            byte[] first = in.readNBytes(100_000);
            workers.close();
            assertThat(workers.alive()).isEmpty();
            byte[] rest = in.readAllBytes();
            byte[] all = Arrays.copyOf(first, first.length + rest.length);
            System.arraycopy(rest, 0, all, first.length, rest.length);
            assertThat(all).isEqualTo(bgzf.plain.toByteArray());
        }
    }

    /** A wrong CRC in block 120 of 300, inflated ahead on a pool: every byte before it is read, then it is refused. */
    @Test
    void aDamagedBlockInTheMiddleIsRefusedWithItsByteAfterEveryByteBeforeIt() throws Exception {
        Bgzf bgzf = new Bgzf(300);
        long damaged = bgzf.offsets.get(120);
        byte[] bytes = bgzf.bytes.clone();
        int end = bgzf.offsets.get(121).intValue();
        bytes[end - 8] ^= 0x01; // the block's CRC32, the 8th to 5th byte from its end
        int before = plainBytesBefore(bgzf, 120);
        try (Workers workers = new Workers(2)) {
            ExecutorService pool = workers.fixed("bgzf-inflate", 2);
            try (InputStream in = Bgzf.open(bytes, pool)) {
                assertThat(in.readNBytes(before)).isEqualTo(Arrays.copyOf(bgzf.plain.toByteArray(), before));
                assertThatThrownBy(in::read).isInstanceOf(BadInputException.class)
                        .hasMessage("blocks.vcf.gz byte " + damaged + ": a compressed block's data does not match its "
                                + "CRC32 checksum (is the compressed data damaged?)");
                assertThatThrownBy(in::read).as("reading again repeats the refusal").isInstanceOf(BadInputException.class)
                        .hasMessageContaining("byte " + damaged);
            }
        }
    }

    @Test
    void damagedDeflateDataIsRefusedWithTheBlocksByte() throws Exception {
        Bgzf bgzf = new Bgzf(30);
        byte[] bytes = bgzf.bytes.clone();
        int start = bgzf.offsets.get(17).intValue();
        int end = bgzf.offsets.get(18).intValue();
        for (int i = start + 18; i < end - 8; i++) {
            bytes[i] = (byte) 0xff; // not deflate data at all
        }
        assertThatThrownBy(() -> Bgzf.open(bytes, Runnable::run).readAllBytes()).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("blocks.vcf.gz byte " + start + ": a compressed block ")
                .hasMessageEndingWith("(is the compressed data damaged?)");
    }

    /** Framing is checked by the reading thread as it queues blocks, yet reported in order, not early. */
    @Test
    void aFileCutInsideABlockIsRefusedWhereTheBlockStandsAfterTheBlocksBeforeIt() throws Exception {
        Bgzf bgzf = new Bgzf(60);
        long cutBlock = bgzf.offsets.get(40);
        byte[] cut = Arrays.copyOf(bgzf.bytes, (int) cutBlock + 30);
        int before = plainBytesBefore(bgzf, 40);
        try (InputStream in = Bgzf.open(cut, Runnable::run)) {
            assertThat(in.readNBytes(before)).hasSize(before);
            assertThatThrownBy(in::read).isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("blocks.vcf.gz byte " + cutBlock + ": the file ends inside a compressed block")
                    .hasMessageContaining("truncated");
        }
        byte[] noMarker = Arrays.copyOf(bgzf.bytes, bgzf.offsets.get(60).intValue());
        try (InputStream in = Bgzf.open(noMarker, Runnable::run)) {
            assertThat(in.readNBytes(bgzf.plain.size())).isEqualTo(bgzf.plain.toByteArray());
            assertThatThrownBy(in::read).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("byte " + noMarker.length).hasMessageContaining("end-of-file marker");
        }
        byte[] garbage = bgzf.bytes.clone();
        garbage[bgzf.offsets.get(25).intValue() + 12] = 'X'; // the 'BC' extra field of block 25
        assertThatThrownBy(() -> Bgzf.open(garbage, Runnable::run).readAllBytes()).isInstanceOf(BadInputException.class)
                .hasMessageContaining("byte " + bgzf.offsets.get(25)).hasMessageContaining("expected a BGZF block");
    }

    @Test
    void aStreamClosedWithBlocksInFlightRefusesFurtherReads() throws Exception {
        Bgzf bgzf = new Bgzf(100);
        try (Workers workers = new Workers(2)) {
            ExecutorService pool = workers.fixed("bgzf-inflate", 2);
            InputStream in = bgzf.open(pool);
            in.readNBytes(50_000);
            in.close();
            assertThatThrownBy(in::read).isInstanceOf(IOException.class).hasMessageContaining("closed");
            in.close(); // twice is harmless
        }
    }

    /** A real VCF.gz of several blocks, a block in the middle damaged: the reader names the line and the byte. */
    @Test
    void aVcfWithADamagedMiddleBlockIsRefusedByTheReaderWithLineAndByte() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("sample-projects/genotypes-4-hospitals/hospital-a.vcf.gz"));
        List<Long> offsets = new ArrayList<>();
        for (long at = 0; at < bytes.length; at += ((bytes[(int) at + 16] & 0xff) | (bytes[(int) at + 17] & 0xff) << 8) + 1) {
            offsets.add(at);
        }
        assertThat(offsets).as("blocks of the sample VCF").hasSizeGreaterThan(READ_AHEAD + 2);
        int middle = offsets.size() / 2;
        bytes[offsets.get(middle + 1).intValue() - 8] ^= 0x10;
        Path damaged = tmp.resolve("middle.vcf.gz");
        Files.write(damaged, bytes);
        try (Workers workers = new Workers(2)) {
            ExecutorService pool = VcfReader.inflaters(workers);
            assertThatThrownBy(() -> {
                try (VcfReader reader = VcfReader.open(damaged, VcfReadOptions.defaults(), pool)) {
                    while (reader.next() != null) {
                        // read on
                    }
                }
            }).isInstanceOf(BadInputException.class).hasMessageStartingWith("middle.vcf.gz after line ")
                    .hasMessageContaining("does not match its CRC32 checksum")
                    .hasMessageContaining("(compressed data, byte " + offsets.get(middle) + ")");
        }
    }

    /** The same VCF read with helpers and without gives the same records. */
    @Test
    void aVcfReadsTheSameWithAndWithoutHelpers() throws Exception {
        Path vcf = Path.of("sample-projects/genotypes-4-hospitals/hospital-b.vcf.gz");
        List<String> alone = records(vcf, Runnable::run);
        try (Workers workers = new Workers(2)) {
            ExecutorService pool = VcfReader.inflaters(workers);
            assertThat(records(vcf, pool)).isEqualTo(alone).hasSizeGreaterThan(100);
        }
    }

    private static List<String> records(Path vcf, Executor inflaters) {
        List<String> out = new ArrayList<>();
        try (VcfReader reader = VcfReader.open(vcf, VcfReadOptions.defaults(), inflaters)) {
            for (VariantRecord v = reader.next(); v != null; v = reader.next()) {
                out.add(v.key() + " " + Arrays.toString(v.dosages()));
            }
        }
        return out;
    }

    private static int plainBytesBefore(Bgzf bgzf, int block) throws IOException {
        byte[] head = Arrays.copyOf(bgzf.bytes, bgzf.offsets.get(block).intValue());
        byte[] marker = Arrays.copyOfRange(bgzf.bytes, bgzf.offsets.get(bgzf.offsets.size() - 1).intValue(), bgzf.bytes.length);
        byte[] whole = Arrays.copyOf(head, head.length + marker.length);
        System.arraycopy(marker, 0, whole, head.length, marker.length);
        return Bgzf.open(whole, Runnable::run).readAllBytes().length;
    }

    /** Reads with requests of changing size, so that requests straddle block boundaries. */
    private static byte[] readInOddPieces(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[70_000];
        int size = 1;
        while (true) {
            int n = in.read(buffer, 0, size);
            if (n < 0) {
                return out.toByteArray();
            }
            out.write(buffer, 0, n);
            size = size * 7 % 69_997 + 1;
            int single = in.read();
            if (single < 0) {
                return out.toByteArray();
            }
            out.write(single);
        }
    }
}
