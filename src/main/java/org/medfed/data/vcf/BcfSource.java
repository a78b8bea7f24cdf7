package org.medfed.data.vcf;

import htsjdk.tribble.readers.PositionalBufferedStream;
import htsjdk.variant.bcf2.BCF2Codec;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFHeader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.medfed.engine.BadInputException;

/**
 * Binary BCF: its bytes come through {@link GenotypeFileInput} (the BGZF block checks a VCF.gz gets), and we cut
 * them into the header and the records by their declared lengths ourselves, so that a truncated or damaged file
 * is refused in words, naming the record, before htsjdk's {@link BCF2Codec} decodes each piece; no declared length
 * is allocated before its bytes have been read. BCF has no lines, so errors name the record number instead.
 */
final class BcfSource implements VcfRecordSource {

    /** "BCF", the major and the minor version. */
    private static final int MAGIC = 5;
    /** More than any real record holds (a million samples with a dozen FORMAT fields is some tens of MB). */
    static final long MAX_RECORD = 1L << 28;
    /** htsjdk's own limit on the header text. */
    static final long MAX_HEADER = 0x08000000;

    private final Path file;
    private final InputStream in;
    private final BCF2Codec codec = new BCF2Codec();
    private final List<String> samples;
    private long recordNumber;
    private RecordCalls calls;

    BcfSource(Path file, Executor inflaters) {
        this.file = file;
        this.in = GenotypeFileInput.open(file, inflaters);
        try {
            this.samples = List.copyOf(readHeader().getGenotypeSamples());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private VCFHeader readHeader() {
        byte[] start = read(MAGIC + 4, "header", "the BCF header");
        if (start[0] != 'B' || start[1] != 'C' || start[2] != 'F') {
            throw new BadInputException(file, "byte 1", "expected the BCF signature 'BCF' at the start of the "
                    + "(decompressed) file");
        }
        long textLength = uint32(start, MAGIC);
        if (textLength == 0 || textLength > MAX_HEADER) {
            throw new BadInputException(file, "header", "the header declares " + textLength + " bytes of text, "
                    + "expected 1 to " + MAX_HEADER + " (is the file damaged?)");
        }
        byte[] text = read(textLength, "header", "the header's text");
        try {
            return (VCFHeader) codec.readHeader(new PositionalBufferedStream(concat(start, text))).getHeaderValue();
        } catch (RuntimeException | AssertionError e) {
            throw new BadInputException(file, "header", "not a readable BCF header: " + HtsjdkMessages.reason(e), e);
        }
    }

    @Override
    public List<String> samples() {
        return samples;
    }

    @Override
    public String fileFormat() {
        return "BCF";
    }

    @Override
    public VcfSite next() {
        String where = "record " + (recordNumber + 1);
        byte[] lengths = readOrEnd(where);
        if (lengths == null) {
            return null;
        }
        long declared = uint32(lengths, 0) + uint32(lengths, 4);
        if (declared > MAX_RECORD) {
            throw new BadInputException(file, where, "the record declares " + declared + " bytes, more than the "
                    + MAX_RECORD + " a BCF record is read with (is the file damaged?)");
        }
        byte[] body = read(declared, where, "the record");
        recordNumber++;
        try {
            VariantContext vc = codec.decode(new PositionalBufferedStream(concat(lengths, body)));
            if (!samples.isEmpty()) {
                vc.getGenotype(0); // genotypes decode lazily: a damaged one is found here, with its record named
            }
            calls = new GenotypeObjectCalls(vc, samples.size());
            return VcfSite.of(vc);
        } catch (RuntimeException | AssertionError e) {
            // htsjdk checks some of a record's bytes with assert: with assertions on, damage fails there (found by
            // ParserFuzzTest), and is the file's fault all the same
            throw new BadInputException(file, where, "not a valid BCF record: " + (e instanceof AssertionError
                    && e.getMessage() == null ? "its bytes do not decode (is the file damaged?)" : HtsjdkMessages.reason(e)), e);
        }
    }

    @Override
    public RecordCalls calls() {
        return calls;
    }

    /** The 8 bytes of the next record's two lengths, or null at the end of the file. */
    private byte[] readOrEnd(String where) {
        byte[] lengths = bytes(8, where);
        if (lengths.length == 0) {
            return null;
        }
        if (lengths.length < 8) {
            throw truncated(where, "the record's lengths", 8, lengths.length);
        }
        return lengths;
    }

    private byte[] read(long n, String where, String what) {
        byte[] b = bytes((int) n, where);
        if (b.length < n) {
            throw truncated(where, what, n, b.length);
        }
        return b;
    }

    /** Up to {@code n} bytes; fewer at the end. Memory grows with the bytes read, not with {@code n}. */
    private byte[] bytes(int n, String where) {
        try {
            return in.readNBytes(n);
        } catch (BadInputException e) {
            throw GenotypeFileInput.placed(e, where);
        } catch (IOException | RuntimeException e) {
            // whatever else decompressing throws is still a file that cannot be read, said in words
            throw new BadInputException(file, where, "cannot be read: " + HtsjdkMessages.reason(e)
                    + " (is the compressed data damaged?)", e);
        }
    }

    private BadInputException truncated(String where, String what, long expected, int found) {
        return new BadInputException(file, where, "the file ends inside " + what + " (" + found + " of its "
                + expected + " bytes are there): it is truncated (an incomplete copy?)");
    }

    private static long uint32(byte[] b, int at) {
        return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
    }

    private static InputStream concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return new ByteArrayInputStream(all);
    }

    @Override
    public String location() {
        return "record " + recordNumber;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was written; a failing close of an input cannot lose data
        }
    }
}
