package org.medfed.data.vcf;

/** How a genotype file is stored on disk, as found from its first bytes (not from its name). */
public enum VcfLayout {
    /** Uncompressed VCF text. */
    PLAIN_VCF("VCF text"),
    /** VCF text compressed with ordinary gzip (not indexable). */
    GZIP_VCF("VCF, gzip-compressed"),
    /** VCF text compressed with BGZF (block gzip, indexable with tabix). */
    BGZF_VCF("VCF, BGZF-compressed"),
    /** Binary BCF, compressed or not. */
    BCF("BCF (binary VCF)");

    private final String description;

    VcfLayout(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
