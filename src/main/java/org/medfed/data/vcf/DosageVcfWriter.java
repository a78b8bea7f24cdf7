package org.medfed.data.vcf;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes biallelic unphased genotypes (dosages 0/1/2, negative = missing) as VCF 4.2 text, BGZF-compressed
 * (htsjdk's block compressor) when the name ends in ".gz". The text is written directly rather than through
 * htsjdk's VariantContextWriter because generators write hundreds of millions of genotypes, and building a
 * VariantContext per record costs several times the writing itself.
 */
public final class DosageVcfWriter implements Closeable {

    private static final byte[][] CALLS = {
        "0/0".getBytes(StandardCharsets.US_ASCII), "0/1".getBytes(StandardCharsets.US_ASCII),
        "1/1".getBytes(StandardCharsets.US_ASCII), "./.".getBytes(StandardCharsets.US_ASCII)};

    private final OutputStream out;
    private final int samples;

    /**
     * @param contigs contig name to length, written as ##contig lines
     * @param meta extra header lines without the leading "##" (source, generator settings...)
     */
    public DosageVcfWriter(Path file, List<String> samples, Map<String, Integer> contigs, List<String> meta) {
        this.samples = samples.size();
        try {
            OutputStream raw = file.getFileName().toString().endsWith(".gz")
                    ? new BlockCompressedOutputStream(file.toFile())
                    : Files.newOutputStream(file);
            this.out = new BufferedOutputStream(raw, 1 << 16);
            StringBuilder header = new StringBuilder("##fileformat=VCFv4.2\n");
            for (String line : meta) {
                header.append("##").append(line).append('\n');
            }
            for (Map.Entry<String, Integer> c : contigs.entrySet()) {
                header.append("##contig=<ID=").append(c.getKey()).append(",length=").append(c.getValue()).append(">\n");
            }
            header.append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n");
            header.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
            for (String s : samples) {
                header.append('\t').append(s);
            }
            header.append('\n');
            out.write(header.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** One record; {@code dosages[from .. from + samples)} are this file's samples. */
    public void write(String chrom, int position, String id, String ref, String alt, byte[] dosages, int from) {
        try {
            out.write((chrom + '\t' + position + '\t' + id + '\t' + ref + '\t' + alt + "\t.\tPASS\t.\tGT")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < samples; i++) {
                byte d = dosages[from + i];
                out.write('\t');
                out.write(CALLS[d < 0 ? 3 : d]);
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a VCF record", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish a VCF file", e);
        }
    }
}
