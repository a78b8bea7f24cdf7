package org.medfed.data.vcf;

/**
 * Reads the GT subfield of every sample straight from a VCF text line.
 *
 * <p>Hand-written on purpose: htsjdk parses every FORMAT field of every sample into Genotype objects
 * (AD, DP, GQ, PL...) when only GT is needed. On the 1000 Genomes exome slice (GT:AD:DP:GQ:PL) reading
 * through htsjdk's genotypes ran at 1.9 million genotypes per CPU-second, this route at 9.6 million; on
 * GT-only files the gain is about 1.3x (docs/genotypes.md). htsjdk still parses and validates the header
 * and the site columns of each record; this class only reads GT, and reports anything it cannot read.
 */
final class GtColumnParser {

    /** Thrown with a reason when a GT value is not valid; the reader adds file and line. */
    static final class BadGenotype extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadGenotype(String message) {
            super(message, null, false, false);
        }
    }

    private GtColumnParser() {
    }

    /**
     * Index of GT among the FORMAT keys of {@code line}, or -1 when the record has no GT.
     *
     * @param formatStart index of the FORMAT column's first character
     */
    static int gtIndex(String line, int formatStart) {
        int key = 0;
        int i = formatStart;
        int end = line.indexOf('\t', formatStart);
        if (end < 0) {
            end = line.length();
        }
        while (i < end) {
            int next = line.indexOf(':', i);
            if (next < 0 || next > end) {
                next = end;
            }
            if (next - i == 2 && line.charAt(i) == 'G' && line.charAt(i + 1) == 'T') {
                return key;
            }
            key++;
            i = next + 1;
        }
        return -1;
    }

    /**
     * Fills {@code dosages[k][s]} (copies of alternate allele k + 1) for every sample and returns per sample
     * the call kind for the statistics: 0 hom-ref, 1 het, 2 hom-alt, or a VcfReadStats CALL_ constant.
     *
     * @param samplesStart index of the first sample column's first character
     * @param alts number of alternate alleles of the record
     */
    static void parse(String line, int samplesStart, int gtIndex, int alts, byte[][] dosages, int[] kinds,
            String[] sampleNames) {
        int n = kinds.length;
        int pos = samplesStart;
        int length = line.length();
        for (int s = 0; s < n; s++) {
            int fieldEnd = line.indexOf('\t', pos);
            if (fieldEnd < 0) {
                fieldEnd = length;
            }
            // move to the GT subfield
            int start = pos;
            for (int k = 0; k < gtIndex && start <= fieldEnd; k++) {
                int colon = line.indexOf(':', start);
                start = colon < 0 || colon > fieldEnd ? fieldEnd + 1 : colon + 1;
            }
            int end = start > fieldEnd ? start : line.indexOf(':', start);
            if (end < 0 || end > fieldEnd) {
                end = fieldEnd;
            }
            readCall(line, Math.min(start, fieldEnd), end, s, alts, dosages, kinds, sampleNames);
            pos = fieldEnd + 1;
        }
    }

    private static void readCall(String line, int start, int end, int s, int alts, byte[][] dosages, int[] kinds,
            String[] sampleNames) {
        int ploidy = 0;
        int first = -1;
        int second = -1;
        boolean anyMissing = false;
        boolean anyCalled = false;
        int i = start;
        while (i < end) {
            char c = line.charAt(i);
            int allele;
            if (c == '.') {
                allele = -1;
                i++;
            } else if (c >= '0' && c <= '9') {
                allele = 0;
                while (i < end && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                    allele = allele * 10 + (line.charAt(i) - '0');
                    if (allele > alts) {
                        throw new BadGenotype("sample " + sampleNames[s] + " has GT '" + line.substring(start, end)
                                + "', which names allele " + allele + " but the record has " + alts
                                + " alternate allele(s)");
                    }
                    i++;
                }
            } else {
                throw new BadGenotype("sample " + sampleNames[s] + " has GT '" + line.substring(start, end)
                        + "', expected alleles such as 0/1, 1|1 or ./.");
            }
            ploidy++;
            anyMissing |= allele < 0;
            anyCalled |= allele >= 0;
            if (ploidy == 1) {
                first = allele;
            } else if (ploidy == 2) {
                second = allele;
            }
            if (i < end) {
                char sep = line.charAt(i);
                if (sep != '/' && sep != '|') {
                    throw new BadGenotype("sample " + sampleNames[s] + " has GT '" + line.substring(start, end)
                            + "', expected alleles separated by / or |");
                }
                i++;
                if (i == end) {
                    throw new BadGenotype("sample " + sampleNames[s] + " has GT '" + line.substring(start, end)
                            + "', which ends with a separator");
                }
            }
        }
        if (anyMissing || ploidy != 2) {
            // as htsjdk's path: "./1" or "." is missing; a called haploid or polyploid genotype is not diploid
            boolean missing = !anyCalled || ploidy == 2;
            kinds[s] = missing ? VcfReadStats.CALL_MISSING : VcfReadStats.CALL_NOT_DIPLOID;
            for (byte[] d : dosages) {
                d[s] = VariantRecord.MISSING;
            }
            return;
        }
        kinds[s] = first == second ? (first == 0 ? 0 : 2) : 1;
        for (int k = 0; k < dosages.length; k++) {
            int alt = k + 1;
            dosages[k][s] = (byte) ((first == alt ? 1 : 0) + (second == alt ? 1 : 0));
        }
    }
}
