package org.medfed.data.vcf;

/** The genotype calls of one record, read only when the record is kept. */
interface RecordCalls {

    /** True when the record's FORMAT has GT (a written "./." counts; a record without samples has none). */
    boolean hasGt();

    /**
     * Fills {@code dosages[k][s]}, the copies of alternate allele k + 1 that sample s carries, or
     * {@link VariantRecord#MISSING}, and counts each sample's call once into {@code stats}.
     */
    void read(byte[][] dosages, VcfReadStats stats);
}
