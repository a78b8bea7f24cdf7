package org.medfed.analytics.gwas;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.medfed.data.vcf.MultiAllelicPolicy;
import org.medfed.data.vcf.VariantRecord;
import org.medfed.data.vcf.VcfReadOptions;
import org.medfed.data.vcf.VcfReadStats;
import org.medfed.data.vcf.VcfReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hospital's genotypes at two bits per call (0, 1, 2 copies, 3 missing; four samples a byte, PLINK's .bed idea
 * written here), every sample of its VCF in file order, with what a study needs from the VCF besides: sample names,
 * the variants (repeated records removed), each sample's called count and the reader's counts.
 *
 * <p>Kept in the hospital's cache folder between studies, so that a second study does not parse the VCF again. The
 * cache belongs to the VCF's <em>content</em>: its size and checksums of every byte (and the multi-allelic policy)
 * are in the header ({@link Key}), and any difference rebuilds it. The content rather than size and modification
 * time, because a same-size edit (one call changed) within the file system's time resolution, or a copy that keeps
 * the old time ({@code cp -p}, {@code rsync -t}, a restored backup), would keep a stale cache; the whole file rather
 * than its header, because an edit of the calls leaves the header as it was. It costs a read of the compressed
 * file, about 1 % of parsing it. Written to a temporary file and moved into place, so a crash never
 * leaves half a cache; on opening, the length and a CRC-32C of everything after the header are checked, and a cache
 * that fails is rebuilt with a warning in the log, never trusted.
 */
final class PackedGenotypes implements Closeable {

    /** How a study got its genotypes, for the log and the tests. */
    enum Origin {
        /** Read from the cache, the VCF unchanged. */
        CACHED,
        /** No cache yet: built from the VCF. */
        BUILT,
        /** The VCF changed since the cache was written: rebuilt. */
        REBUILT_CHANGED,
        /** The cache was damaged, cut short or of another version: rebuilt. */
        REBUILT_DAMAGED
    }

    /** What the reader counted while the cache was built, as a study's summary reports it. */
    record SourceCounts(long records, long multiAllelicRecords, long multiAllelicSkipped, long noGenotypeRecords,
                        long noAltRecords, long nonDiploidCalls, long duplicates) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(PackedGenotypes.class);
    private static final long MAGIC = 0x4d4647454e4f3031L; // "MFGENO01"
    private static final int VERSION = 2;
    private static final int HEADER = 128;
    private static final int CHUNK = 1 << 20;
    /** 3: the two low bits of {@link VariantRecord#MISSING} (-1), which {@link #pack} relies on. */
    static final byte MISSING_CODE = VariantRecord.MISSING & 3;

    private final Path file;
    private final FileChannel channel;
    private final int samples;
    private final int rowBytes;
    private final List<String> sampleNames;
    private final List<VariantInfo> variants;
    private final long[] called;
    private final SourceCounts counts;
    private final Origin origin;
    private final ByteBuffer chunk;
    private long chunkStart = -1;

    private PackedGenotypes(Path file, FileChannel channel, Contents contents, Origin origin) {
        this.file = file;
        this.channel = channel;
        this.samples = contents.sampleNames.size();
        this.rowBytes = rowBytes(samples);
        this.sampleNames = contents.sampleNames;
        this.variants = contents.variants;
        this.called = contents.called;
        this.counts = contents.counts;
        this.origin = origin;
        int rowsPerChunk = Math.max(1, CHUNK / Math.max(1, rowBytes));
        this.chunk = ByteBuffer.allocate(rowsPerChunk * rowBytes);
    }

    /**
     * The packed genotypes of {@code vcf} from {@code cacheDir}: the cache when it belongs to this VCF's content and
     * is whole, else a new one built from the VCF (replacing the old one atomically).
     */
    static PackedGenotypes open(Path cacheDir, Path vcf, MultiAllelicPolicy policy, Executor inflaters) {
        Path file = cacheDir.resolve(fileName(vcf));
        Key key = Key.of(vcf, policy);
        Origin origin = Origin.BUILT;
        try {
            PackedGenotypes cached = tryRead(file, key);
            if (cached != null) {
                return cached;
            }
            origin = Origin.REBUILT_CHANGED;
            LOG.info("genotype cache {} was made from another version of {}: rebuilding it", file, vcf);
        } catch (NoSuchFileException e) {
            origin = Origin.BUILT;
        } catch (IOException | RuntimeException e) {
            origin = Origin.REBUILT_DAMAGED;
            LOG.warn("genotype cache {} cannot be used ({}): rebuilding it from {}", file, e.getMessage(), vcf);
        }
        build(file, vcf, policy, key, inflaters);
        try {
            PackedGenotypes built = tryRead(file, key);
            if (built == null) {
                throw new IllegalStateException("the genotype cache " + file + " changed while it was written");
            }
            return new PackedGenotypes(built.file, built.channel, built.contents(), origin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the genotype cache just written " + file, e);
        }
    }

    /**
     * The cache's name for {@code vcf}: its file name (for whoever looks into the folder) and a digest of its absolute
     * path, so that hospitals may share a folder and two files named alike do not meet.
     */
    static String fileName(Path vcf) {
        String name = String.valueOf(vcf.getFileName()).replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    vcf.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return name + "-" + java.util.HexFormat.of().formatHex(digest, 0, 6) + ".genotypes";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    Origin origin() {
        return origin;
    }

    List<String> sampleNames() {
        return sampleNames;
    }

    List<VariantInfo> variants() {
        return variants;
    }

    /** Per VCF sample, at how many of {@link #variants()} it has a call. */
    long[] called() {
        return called;
    }

    SourceCounts counts() {
        return counts;
    }

    int rowBytes() {
        return rowBytes;
    }

    /**
     * The packed row of variant {@code v}: its bytes are {@code array()[offset, offset + rowBytes())}, valid until
     * the next call; sample {@code s} is bits {@code 2 (s % 4)} of byte {@code s / 4}.
     */
    int row(int v) {
        long offset = HEADER + (long) v * rowBytes;
        if (chunkStart < 0 || offset < chunkStart || offset + rowBytes > chunkStart + chunk.limit()) {
            load(offset);
        }
        return (int) (offset - chunkStart);
    }

    byte[] array() {
        return chunk.array();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // only read: nothing can be lost
        }
    }

    static int rowBytes(int samples) {
        return (samples + 3) / 4;
    }

    private Contents contents() {
        return new Contents(sampleNames, variants, called, counts);
    }

    private void load(long offset) {
        try {
            chunk.clear();
            long position = offset;
            while (chunk.hasRemaining()) {
                int n = channel.read(chunk, position);
                if (n < 0) {
                    break;
                }
                position += n;
            }
            chunk.flip();
            chunkStart = offset;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the genotype cache " + file, e);
        }
    }

    /** Everything the file holds besides the rows. */
    private record Contents(List<String> sampleNames, List<VariantInfo> variants, long[] called, SourceCounts counts) {
    }

    /**
     * What the cache belongs to: the VCF's size, two checksums of its whole content (CRC-32 and CRC-32C, different
     * polynomials: an accidental change goes unseen by both with odds of about 2^-64) and the multi-allelic policy
     * it was read with. Both checksums run at several GB/s in the JVM (a cryptographic hash took a tenth of a
     * second per hospital here); there is no adversary to defend against, as the cache and the VCF belong to the
     * same hospital.
     */
    private record Key(long size, long checksums, int policy) {

        static Key of(Path vcf, MultiAllelicPolicy policy) {
            try (FileChannel in = FileChannel.open(vcf, StandardOpenOption.READ)) {
                CRC32 crc = new CRC32();
                CRC32C crcC = new CRC32C();
                ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
                long size = 0;
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    buffer.flip();
                    crc.update(buffer.duplicate());
                    crcC.update(buffer);
                    buffer.clear();
                    size += n;
                }
                return new Key(size, crc.getValue() << 32 | crcC.getValue(), policy.ordinal());
            } catch (IOException e) {
                // the reader says it in words (missing file, no permission) when the study opens it
                return new Key(-1, 0, policy.ordinal());
            }
        }

        boolean matches(long size, long checksums, int policy) {
            return this.size == size && this.checksums == checksums && this.policy == policy;
        }
    }

    /** The cache at {@code file} when it belongs to {@code key}; null when it belongs to another VCF. */
    private static PackedGenotypes tryRead(Path file, Key key) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, header, 0);
            header.flip();
            if (header.getLong() != MAGIC) {
                throw new IOException("not a genotype cache (wrong signature)");
            }
            int version = header.getInt();
            if (version != VERSION) {
                throw new IOException("cache format " + version + ", this version reads " + VERSION);
            }
            int policy = header.getInt();
            long size = header.getLong();
            long checksums = header.getLong();
            if (!key.matches(size, checksums, policy)) {
                channel.close();
                return null;
            }
            long metaOffset = header.getLong();
            long length = header.getLong();
            int crc = header.getInt();
            if (channel.size() != length || metaOffset < HEADER || metaOffset > length) {
                throw new IOException("its length is " + channel.size() + " bytes, its header says " + length
                        + " (cut short or extended)");
            }
            if (crc(channel, HEADER, length) != crc) {
                throw new IOException("its checksum does not match its content (damaged)");
            }
            Contents contents = readContents(channel, metaOffset, length);
            long expectedMeta = HEADER + (long) contents.variants.size() * rowBytes(contents.sampleNames.size());
            if (expectedMeta != metaOffset) {
                throw new IOException("its rows do not match its variants and samples");
            }
            return new PackedGenotypes(file, channel, contents, Origin.CACHED);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static int crc(FileChannel channel, long from, long to) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);
        for (long position = from; position < to; ) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), to - position));
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new IOException("it ends early");
            }
            buffer.flip();
            crc.update(buffer);
            position += n;
        }
        return (int) crc.getValue();
    }

    /** The contents, read in one piece and decoded from memory (a stream read them a few bytes per call). */
    private static Contents readContents(FileChannel channel, long from, long to) throws IOException {
        if (to - from > Integer.MAX_VALUE - 16) {
            throw new IOException("its variant list takes " + (to - from) + " bytes, more than this version reads");
        }
        ByteBuffer in = ByteBuffer.allocate((int) (to - from));
        readFully(channel, in, from);
        in.flip();
        TextField field = new TextField(in);
        int samples = in.getInt();
        List<String> names = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            names.add(field.next().unique());
        }
        long[] called = new long[samples];
        for (int i = 0; i < samples; i++) {
            called[i] = in.getLong();
        }
        SourceCounts counts = new SourceCounts(in.getLong(), in.getLong(), in.getLong(), in.getLong(),
                in.getLong(), in.getLong(), in.getLong());
        int variants = in.getInt();
        VariantColumns.Builder infos = new VariantColumns.Builder(variants);
        SharedTexts texts = new SharedTexts();
        for (int v = 0; v < variants; v++) {
            String chrom = field.next().shared(texts);
            int position = in.getInt();
            field.next();
            int idFrom = field.from();
            int idLength = field.length();
            String ref = field.next().shared(texts);
            infos.add(chrom, position, in.array(), idFrom, idLength, ref, field.next().shared(texts));
        }
        return new Contents(List.copyOf(names), infos.build(), called, counts);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + buffer.position());
            if (n < 0) {
                throw new IOException("it ends early (" + buffer.position() + " of " + buffer.limit() + " bytes read at byte " + position + ")");
            }
        }
    }

    /** Streams the VCF into a temporary file beside {@code file} and moves it into place when complete. */
    private static void build(Path file, Path vcf, MultiAllelicPolicy policy, Key key, Executor inflaters) {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                CRC32C crc = new CRC32C();
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new CheckedOutputStream(
                        Channels.newOutputStream(channel.position(HEADER)), crc), 1 << 16));
                long rowsEnd = writeRows(vcf, policy, out, inflaters);
                out.flush();
                long length = channel.size();
                ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
                header.putLong(MAGIC).putInt(VERSION).putInt(key.policy).putLong(key.size).putLong(key.checksums)
                        .putLong(rowsEnd).putLong(length).putInt((int) crc.getValue());
                header.position(0).limit(HEADER);
                while (header.hasRemaining()) {
                    channel.write(header, header.position());
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the genotype cache " + file, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a leftover temporary file is ignored by every later study
            }
        }
    }

    /** Writes the rows, then the contents; returns the offset where the contents begin. */
    private static long writeRows(Path vcf, MultiAllelicPolicy policy, DataOutputStream out, Executor inflaters)
            throws IOException {
        // the variants' texts go straight into the bytes of the contents' last section, written after the rows: a
        // record per variant, kept until then, was copied by every young collection while the file was read
        ByteArrayOutputStream variantBytes = new ByteArrayOutputStream(1 << 20);
        DataOutputStream variantOut = new DataOutputStream(variantBytes);
        int variants = 0;
        RepeatedVariants repeated = new RepeatedVariants();
        long duplicates = 0;
        try (VcfReader reader = VcfReader.open(vcf, new VcfReadOptions(policy, true), inflaters)) {
            List<String> names = reader.samples();
            int samples = names.size();
            byte[] packed = new byte[rowBytes(samples)];
            long[] called = new long[samples];
            for (VariantRecord v = reader.next(); v != null; v = reader.next()) {
                if (repeated.seenBefore(v)) {
                    duplicates++;
                    continue;
                }
                pack(v.dosages(), packed, called);
                out.write(packed);
                writeText(variantOut, v.chrom());
                variantOut.writeInt(v.position());
                writeText(variantOut, v.id());
                writeText(variantOut, v.ref());
                writeText(variantOut, v.alt());
                variants++;
            }
            long rowsEnd = HEADER + (long) variants * packed.length;
            VcfReadStats stats = reader.stats();
            out.writeInt(samples);
            for (String name : names) {
                writeText(out, name);
            }
            for (long c : called) {
                out.writeLong(c);
            }
            for (long c : new long[] {stats.records(), stats.multiAllelicRecords(), stats.multiAllelicSkipped(),
                    stats.noGenotypeRecords(), stats.noAltRecords(), stats.nonDiploidCalls(), duplicates}) {
                out.writeLong(c);
            }
            out.writeInt(variants);
            variantBytes.writeTo(out);
            return rowsEnd;
        }
    }

    /**
     * Which records repeat an earlier one (same contig, position and alleles). The reader refuses a file whose
     * positions decrease within a contig, so an earlier record with a record's contig and position can only be among
     * those at that contig's last position: only those are kept, not a key per variant of the file.
     */
    static final class RepeatedVariants {
        private final Map<String, AtPosition> lastByContig = new HashMap<>();

        private static final class AtPosition {
            int position;
            final List<VariantRecord> records = new ArrayList<>(2);
        }

        boolean seenBefore(VariantRecord v) {
            AtPosition last = lastByContig.computeIfAbsent(v.chrom(), c -> new AtPosition());
            if (last.records.isEmpty() || last.position != v.position()) {
                last.position = v.position();
                last.records.clear();
            } else {
                for (VariantRecord r : last.records) {
                    if (r.ref().equals(v.ref()) && r.alt().equals(v.alt())) {
                        return true;
                    }
                }
            }
            last.records.add(v);
            return false;
        }
    }

    /** UTF-8 with its length first: an allele may be longer than {@code writeUTF}'s 64 kB. */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** The length-prefixed UTF-8 texts of the contents, one after the other, decoded where they lie. */
    private static final class TextField {
        private final ByteBuffer in;
        private int from;
        private int length;

        TextField(ByteBuffer in) {
            this.in = in;
        }

        TextField next() throws IOException {
            length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new IOException("a text of " + length + " bytes in its variant list, " + in.remaining()
                        + " bytes left");
            }
            from = in.position();
            in.position(from + length);
            return this;
        }

        String shared(SharedTexts texts) {
            return texts.of(in.array(), from, length);
        }

        /** Where the field's bytes begin in the buffer's array. */
        int from() {
            return from;
        }

        int length() {
            return length;
        }

        String unique() {
            return SharedTexts.unique(in.array(), from, length);
        }
    }

    /**
     * Packs dosages (0..2, or {@link VariantRecord#MISSING}) four to a byte and counts each sample's calls. A
     * dosage's two low bits are its code: 0, 1, 2, and 3 for the missing -1 ({@link #MISSING_CODE}), so neither
     * the packing nor the count branches on the genotype.
     */
    static void pack(byte[] dosages, byte[] packed, long[] called) {
        int n = dosages.length;
        int whole = n >> 2;
        for (int b = 0; b < whole; b++) {
            int i = b << 2;
            packed[b] = (byte) ((dosages[i] & 3) | (dosages[i + 1] & 3) << 2 | (dosages[i + 2] & 3) << 4
                    | (dosages[i + 3] & 3) << 6);
        }
        if (whole < packed.length) {
            int last = 0;
            for (int i = whole << 2; i < n; i++) {
                last |= (dosages[i] & 3) << ((i & 3) << 1);
            }
            packed[whole] = (byte) last;
        }
        for (int i = 0; i < n; i++) {
            called[i] += ~dosages[i] >>> 31;
        }
    }
}
