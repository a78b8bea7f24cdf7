package org.medfed.data.vcf;

import java.io.Closeable;
import java.util.List;

/** Where records come from (VCF text or BCF), one at a time, with a location for error messages. */
interface VcfRecordSource extends Closeable {

    List<String> samples();

    /** The file format version as declared, such as "VCFv4.1", or "BCF". */
    String fileFormat();

    /** The next record's site columns, or null at the end of the file. */
    VcfSite next();

    /** The genotype calls of the record last returned, valid until the next one. */
    RecordCalls calls();

    /** Where the record last returned came from: "line 17" for text, "record 3" for BCF. */
    String location();

    @Override
    void close();
}
