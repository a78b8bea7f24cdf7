package org.medfed.data.vcf;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.medfed.engine.BadInputException;

/**
 * Cuts a BGZF file into its compressed blocks, in file order, and refuses in words, before anything is inflated:
 * bytes that are not a BGZF block, a block that declares more than a BGZF block can hold (64 KiB uncompressed; a
 * damaged 854-byte file declaring 1.9 GB took 10 to 30 seconds to be refused when htsjdk allocated the declared
 * size first, found by ParserFuzzTest), a block cut short by the end of the file, and a file that ends without
 * BGZF's end-of-file marker (cut at a block boundary it would otherwise read as a shorter, valid file). Every
 * refusal names the byte where the block starts.
 *
 * <p>Only the framing is read here (the gzip header's {@code BSIZE}, the trailer's {@code ISIZE});
 * {@link BgzfInflation} inflates a block and checks its CRC.
 */
final class BgzfBlocks implements Closeable {

    /** The most a BGZF block may hold uncompressed (SAMv1 specification, section 4.1). */
    static final int MAX_BLOCK = 65536;
    static final int HEADER = 18;
    static final int TRAILER = 8;

    /**
     * One compressed block as it stands in the file, header to trailer.
     *
     * @param offset where it starts in the file
     * @param bytes the whole block
     * @param size how many bytes it declares it holds uncompressed, at most {@link #MAX_BLOCK}
     */
    record Block(long offset, byte[] bytes, int size) {
    }

    private final InputStream in;
    private final Path file;
    private final byte[] header = new byte[HEADER];
    private long offset;
    /** The last block read held no data, as the end-of-file marker does. */
    private boolean lastBlockEmpty;

    BgzfBlocks(InputStream in, Path file) {
        this.in = in;
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The next block, or null at the end of the file (after its end-of-file marker). */
    Block next() throws IOException {
        int length = in.readNBytes(header, 0, HEADER);
        if (length == 0) {
            if (!lastBlockEmpty) {
                throw new BadInputException(file, "byte " + offset, "the file ends without BGZF's end-of-file "
                        + "marker (the empty block bgzip writes last): it looks truncated (an incomplete copy?)");
            }
            return null;
        }
        if (length < HEADER) {
            throw truncated(length, HEADER);
        }
        if (!isBgzfHeader(header)) {
            throw new BadInputException(file, "byte " + offset, "expected a BGZF block here (gzip's header with "
                    + "the 'BC' field bgzip writes), found other bytes (is the compressed data damaged?)");
        }
        int total = ((header[16] & 0xff) | (header[17] & 0xff) << 8) + 1;
        if (total < HEADER + TRAILER) {
            throw new BadInputException(file, "byte " + offset, "a compressed block declares a size of " + total
                    + " bytes, less than a BGZF block's " + (HEADER + TRAILER) + " bytes of framing (is the file damaged?)");
        }
        byte[] bytes = new byte[total];
        System.arraycopy(header, 0, bytes, 0, HEADER);
        length += in.readNBytes(bytes, HEADER, total - HEADER);
        if (length < total) {
            throw truncated(length, total);
        }
        long declared = uint32(bytes, total - 4);
        if (declared > MAX_BLOCK) {
            throw new BadInputException(file, "byte " + offset, "a compressed block declares " + declared
                    + " bytes of data, but a BGZF block holds at most " + MAX_BLOCK + " (is the file damaged?)");
        }
        lastBlockEmpty = declared == 0;
        Block block = new Block(offset, bytes, (int) declared);
        offset += total;
        return block;
    }

    private BadInputException truncated(int length, int expected) {
        return new BadInputException(file, "byte " + offset, "the file ends inside a compressed block (" + length
                + " of its " + expected + " bytes are there): it is truncated (an incomplete copy?)");
    }

    /** gzip's magic and deflate, extra fields present, and the first one 'BC' of length 2, as BGZF writes. */
    private static boolean isBgzfHeader(byte[] h) {
        return (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b && h[2] == 8 && (h[3] & 4) != 0
                && h[12] == 'B' && h[13] == 'C' && h[14] == 2 && h[15] == 0;
    }

    static long uint32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
