package org.medfed.report;

/**
 * One variant on a plot, independent of how it was tested.
 *
 * @param chromosome contig name ("1", "chr1", "X")
 * @param position 1-based position
 * @param label name shown next to a labelled hit (an rs id or chrom:pos)
 * @param negLog10P -log10 of its p-value (finite even where the p-value underflows)
 */
public record AssociationPoint(String chromosome, long position, String label, double negLog10P) {
}
