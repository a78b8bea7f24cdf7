package org.medfed.data.vcf;

import htsjdk.variant.variantcontext.VariantContext;
import java.io.Closeable;
import java.util.List;

/** Where htsjdk records come from (VCF text or BCF), one at a time, with a location for error messages. */
interface VariantContextSource extends Closeable {

    List<String> samples();

    /** The file format version as declared, such as "VCFv4.1", or "BCF". */
    String fileFormat();

    /** The next record, or null at the end of the file. */
    VariantContext next();

    /**
     * The text of the record last returned, with where its FORMAT and first sample columns start, so that
     * genotypes can be read without htsjdk building Genotype objects; null for BCF.
     */
    default RawRecord raw() {
        return null;
    }

    /**
     * A VCF text line's bytes (valid until the next record): where its site columns end, where its FORMAT and
     * first sample column start (-1 when absent), and where the line ends.
     */
    record RawRecord(byte[] line, int siteEnd, int formatStart, int samplesStart, int end) {
    }

    /** Where the record last returned came from: "line 17" for text, "record 3" for BCF. */
    String location();

    @Override
    void close();
}
