package org.medfed.data.vcf;

import htsjdk.samtools.util.BlockCompressedInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.zip.GZIPInputStream;
import org.medfed.engine.BadInputException;

/**
 * The one way a genotype file's bytes are opened, VCF text and BCF alike: plain, gzip, or BGZF with every block
 * checked ({@link BgzfBlocks}: framing, declared size, truncation, the end-of-file marker; {@link BgzfInflation}:
 * length and CRC) and inflated ahead of the reader on {@code inflaters} ({@link BgzfInput}), so that a damaged file
 * is refused in words the same way whichever format it holds and however many threads inflate it.
 */
final class GenotypeFileInput {

    private static final int BUFFER = 1 << 16;

    private GenotypeFileInput() {
    }

    /**
     * The decompressed bytes of {@code file}, whichever of plain, gzip or BGZF it is (decided from its bytes).
     *
     * @param inflaters where BGZF blocks are inflated ahead of the reader (a pool's threads; {@code InOrder.HERE}
     *        for the reading thread alone)
     */
    static InputStream open(Path file, Executor inflaters) {
        try {
            BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            try {
                if (!startsWithGzip(raw)) {
                    return raw;
                }
                if (!BlockCompressedInputStream.isValidFile(raw)) {
                    return new GZIPInputStream(raw, BUFFER);
                }
                return new BgzfInput(new BgzfBlocks(raw, file), inflaters, BgzfInput.READ_AHEAD);
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        } catch (IOException e) {
            throw new BadInputException(file, null, "cannot be opened: " + e.getMessage(), e);
        }
    }

    /**
     * A damaged or cut block, found where the compressed bytes are read ("byte 19251"), placed where the reader of
     * its content was ("after line 812", "record 3"): both are said.
     */
    static BadInputException placed(BadInputException e, String where) {
        if (e.location() == null || !e.location().startsWith("byte ")) {
            return e;
        }
        return new BadInputException(e.file(), where, e.problem() + " (compressed data, " + e.location() + ")", e);
    }

    private static boolean startsWithGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        return a == 0x1f && b == 0x8b;
    }
}
