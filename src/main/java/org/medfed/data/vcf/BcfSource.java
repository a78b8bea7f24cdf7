package org.medfed.data.vcf;

import htsjdk.samtools.util.CloseableIterator;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.nio.file.Path;
import java.util.List;
import org.medfed.engine.BadInputException;

/** Binary BCF through htsjdk's reader; BCF has no lines, so errors name the record number instead. */
final class BcfSource implements VariantContextSource {

    private final Path file;
    private final VCFFileReader reader;
    private final CloseableIterator<VariantContext> records;
    private final List<String> samples;
    private long recordNumber;

    BcfSource(Path file) {
        this.file = file;
        try {
            this.reader = new VCFFileReader(file, false);
        } catch (RuntimeException e) {
            throw new BadInputException(file, "header", "not a readable BCF file: " + HtsjdkMessages.reason(e), e);
        }
        this.samples = List.copyOf(reader.getFileHeader().getGenotypeSamples());
        this.records = reader.iterator();
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
    public VariantContext next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            recordNumber++;
            return records.next();
        } catch (RuntimeException e) {
            throw new BadInputException(file, "record " + (recordNumber + 1),
                    "not a valid BCF record: " + HtsjdkMessages.reason(e), e);
        }
    }

    @Override
    public String location() {
        return "record " + recordNumber;
    }

    @Override
    public void close() {
        records.close();
        reader.close();
    }
}
