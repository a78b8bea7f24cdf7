package org.medfed.analytics.gwas;

/**
 * A hospital taking part in a federated association study. It keeps its genotypes and phenotypes and only
 * ever answers with counts and sums: genotype counts per variant by phenotype, and for the regressions the
 * per-variant Hessian, score and deviance at coefficients chosen by the coordinator. Nothing in this
 * interface carries a row, so the same study can later run with sites behind a network connection.
 *
 * <p>Calls come in this order: {@link #prepare}, {@link #variantCounts}, then any number of
 * {@link #modelSums}; finally {@link #close}. A site is used by one thread at a time.
 */
public interface GwasSite extends AutoCloseable {

    /** The hospital's name, as shown in reports. */
    String name();

    /** Reads the phenotype sheet, matches samples, reads the genotypes once and applies sample QC. */
    SiteSummary prepare(SitePlan plan);

    /** Genotype counts per variant, by phenotype, over the samples kept. */
    VariantCounts variantCounts();

    /** Sums of the requested regression at the requested coefficients. */
    ModelSums modelSums(ModelRequest request);

    /** Releases work files. */
    @Override
    void close();
}
