package org.medfed.data.vcf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.medfed.engine.BadInputException;

/**
 * Passes a BGZF file through block by block and refuses, in words and before anything is inflated: a block that
 * declares more than a BGZF block can hold (64 KiB uncompressed; htsjdk allocates a block's declared size first,
 * so a damaged 854-byte file declaring 1.9 GB took 10 to 30 seconds to be refused, found by ParserFuzzTest), a
 * block cut short by the end of the file, and a file that ends without BGZF's end-of-file marker (cut at a block
 * boundary it would otherwise read as a shorter, valid file).
 *
 * <p>Only the framing is read (the gzip header's {@code BSIZE}, the trailer's {@code ISIZE}); a block whose
 * header is not BGZF's is passed on as it is, for htsjdk to report.
 */
final class BgzfBlockLimit extends InputStream {

    /** The most a BGZF block may hold uncompressed (SAMv1 specification, section 4.1). */
    static final int MAX_BLOCK = 65536;
    private static final int HEADER = 18;
    private static final int TRAILER = 8;

    private final InputStream in;
    private final Path file;
    private final byte[] block = new byte[MAX_BLOCK];
    private int length;
    private int position;
    private long offset;
    /** The last block read was BGZF's and held no data, as the end-of-file marker does; true before the first. */
    private boolean lastBlockEmpty = true;
    private boolean sawBgzf;

    BgzfBlockLimit(InputStream in, Path file) {
        this.in = in;
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        if (position == length && !nextBlock()) {
            return -1;
        }
        return block[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == length && !nextBlock()) {
            return -1;
        }
        int n = Math.min(len, length - position);
        System.arraycopy(block, position, b, off, n);
        position += n;
        return n;
    }

    private boolean nextBlock() throws IOException {
        offset += length;
        position = 0;
        length = in.readNBytes(block, 0, HEADER);
        if (length == 0) {
            if (sawBgzf && !lastBlockEmpty) {
                throw new BadInputException(file, "byte " + offset, "the file ends without BGZF's end-of-file "
                        + "marker (the empty block bgzip writes last): it looks truncated (an incomplete copy?)");
            }
            return false;
        }
        if (length < HEADER && sawBgzf) {
            throw truncated(HEADER);
        }
        if (length < HEADER || !isBgzfHeader()) {
            sawBgzf = false; // not BGZF's framing: passed on for htsjdk to judge, and its end is htsjdk's too
            return true;
        }
        sawBgzf = true;
        int total = ((block[16] & 0xff) | (block[17] & 0xff) << 8) + 1;
        if (total < HEADER + TRAILER) {
            throw new BadInputException(file, "byte " + offset, "a compressed block declares a size of " + total
                    + " bytes, less than a BGZF block's " + (HEADER + TRAILER) + " bytes of framing (is the file damaged?)");
        }
        length += in.readNBytes(block, HEADER, total - HEADER);
        if (length < total) {
            throw truncated(total);
        }
        long declared = (block[total - 4] & 0xffL) | (block[total - 3] & 0xffL) << 8
                | (block[total - 2] & 0xffL) << 16 | (block[total - 1] & 0xffL) << 24;
        if (declared > MAX_BLOCK) {
            throw new BadInputException(file, "byte " + offset, "a compressed block declares " + declared
                    + " bytes of data, but a BGZF block holds at most " + MAX_BLOCK + " (is the file damaged?)");
        }
        lastBlockEmpty = declared == 0;
        return true;
    }

    private BadInputException truncated(int expected) {
        return new BadInputException(file, "byte " + offset, "the file ends inside a compressed block (" + length
                + " of its " + expected + " bytes are there): it is truncated (an incomplete copy?)");
    }

    /** gzip's magic and deflate, extra fields present, and the first one 'BC' of length 2, as BGZF writes. */
    private boolean isBgzfHeader() {
        return (block[0] & 0xff) == 0x1f && (block[1] & 0xff) == 0x8b && block[2] == 8 && (block[3] & 4) != 0
                && block[12] == 'B' && block[13] == 'C' && block[14] == 2 && block[15] == 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
