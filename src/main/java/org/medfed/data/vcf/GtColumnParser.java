package org.medfed.data.vcf;

import java.nio.charset.StandardCharsets;

/**
 * Reads the GT subfield of every sample straight from the bytes of a VCF text line.
 *
 * <p>Hand-written on purpose: htsjdk parses every FORMAT field of every sample into Genotype objects
 * (AD, DP, GQ, PL...) when only GT is needed, and even a String per line costs more than the calls' bytes
 * themselves. The usual call (GT first, one digit per allele: {@code 0/1}, {@code 1|1}, {@code ./.}) is read
 * in a few byte comparisons; anything else goes through the general reader, which reports what it cannot
 * read.
 */
final class GtColumnParser {

    /** Thrown with a reason when a GT value is not valid; the reader adds file and line. */
    static final class BadGenotype extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadGenotype(String message) {
            super(message, null, false, false);
        }
    }

    /** Calls of one record by kind, for {@link VcfReadStats}. */
    static final class CallKinds {
        long homRef;
        long het;
        long homAlt;
        long missing;
        long notDiploid;

        void clear() {
            homRef = 0;
            het = 0;
            homAlt = 0;
            missing = 0;
            notDiploid = 0;
        }
    }

    private GtColumnParser() {
    }

    /**
     * Index of GT among the FORMAT keys of {@code line}, or -1 when the record has no GT.
     *
     * @param formatStart index of the FORMAT column's first byte
     * @param end where the line ends
     */
    static int gtIndex(byte[] line, int formatStart, int end) {
        int key = 0;
        int i = formatStart;
        while (i < end && line[i] != '\t') {
            int next = i;
            while (next < end && line[next] != ':' && line[next] != '\t') {
                next++;
            }
            if (next - i == 2 && line[i] == 'G' && line[i + 1] == 'T') {
                return key;
            }
            key++;
            if (next >= end || line[next] == '\t') {
                return -1;
            }
            i = next + 1;
        }
        return -1;
    }

    /**
     * Fills {@code dosages[k][s]} (copies of alternate allele k + 1) for every sample and counts the calls by
     * kind into {@code kinds}.
     *
     * @param samplesStart index of the first sample column's first byte
     * @param end where the line ends
     * @param alts number of alternate alleles of the record
     */
    static void parse(byte[] line, int samplesStart, int end, int gtIndex, int alts, byte[][] dosages,
            CallKinds kinds, String[] sampleNames) {
        int n = sampleNames.length;
        int pos = samplesStart;
        byte[] first = dosages[0];
        boolean biallelic = alts == 1;
        int s = 0;
        if (gtIndex == 0 && biallelic) {
            s = biallelicCalls(line, samplesStart, end, n, first, kinds);
            pos = samplesStart + 4 * s;
        }
        for (; s < n; s++) {
            if (gtIndex == 0 && pos + 3 <= end) {
                // the usual call: two one-digit alleles (or '.') and a separator, then a tab, a colon or the end
                int a = line[pos];
                int sep = line[pos + 1];
                int b = line[pos + 2];
                int after = pos + 3 < end ? line[pos + 3] : '\t';
                if ((sep == '/' || sep == '|') && (after == '\t' || after == ':')) {
                    int x = a - '0';
                    int y = b - '0';
                    if (x >= 0 && x <= alts && y >= 0 && y <= alts) {
                        if (biallelic) {
                            int d = x + y;
                            first[s] = (byte) d;
                            if (d == 0) {
                                kinds.homRef++;
                            } else if (d == 1) {
                                kinds.het++;
                            } else {
                                kinds.homAlt++;
                            }
                        } else {
                            called(x, y, s, dosages, kinds);
                        }
                        pos = after == '\t' ? pos + 4 : fieldEnd(line, pos + 3, end) + 1;
                        continue;
                    }
                    if (a == '.' && b == '.') {
                        missing(s, dosages);
                        kinds.missing++;
                        pos = after == '\t' ? pos + 4 : fieldEnd(line, pos + 3, end) + 1;
                        continue;
                    }
                }
            }
            int fieldEnd = fieldEnd(line, pos, end);
            // move to the GT subfield
            int start = pos;
            for (int k = 0; k < gtIndex && start <= fieldEnd; k++) {
                int colon = indexOf(line, ':', start, fieldEnd);
                start = colon < 0 ? fieldEnd + 1 : colon + 1;
            }
            if (start > fieldEnd) {
                // fewer subfields than FORMAT names (trailing ones may be dropped): no GT, a missing call
                start = fieldEnd;
            }
            int gtEnd = indexOf(line, ':', start, fieldEnd);
            readCall(line, start, gtEnd < 0 ? fieldEnd : gtEnd, s, alts, dosages, kinds, sampleNames);
            pos = fieldEnd + 1;
        }
    }

    private static final java.lang.invoke.VarHandle INTS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    /** Bytes 2 and 4 of a call read as a little-endian int: the separator and the tab after the call. */
    private static final int SEPARATOR_AND_TAB = 0xFF00FF00;
    private static final int SLASH_THEN_TAB = ('\t' << 24) | ('/' << 8);
    private static final int BAR_THEN_TAB = ('\t' << 24) | ('|' << 8);
    private static final int MISSING_ALLELE = '.' - '0';

    /**
     * The calls of a biallelic record whose only FORMAT field is GT, four bytes each ({@code 0/1\t}), read as
     * one int each: the usual file, where this loop is most of the time spent reading. No branch depends on
     * which genotype a sample has (the kinds are counted by arithmetic on the dosage), so random genotypes do
     * not cost mispredictions. Stops at the first call of another shape (the last one, which no tab follows; a
     * haploid or multi-digit call; a field after GT) and returns how many samples it read, for the general loop
     * to go on from.
     */
    private static int biallelicCalls(byte[] line, int samplesStart, int end, int n, byte[] dosages,
            CallKinds kinds) {
        int s = 0;
        int het = 0;
        int homAlt = 0;
        int called = 0;
        int missing = 0;
        for (int pos = samplesStart; s < n && pos + 4 <= end; s++, pos += 4) {
            int call = (int) INTS.get(line, pos);
            int shape = call & SEPARATOR_AND_TAB;
            if (shape != SLASH_THEN_TAB && shape != BAR_THEN_TAB) {
                break;
            }
            int x = (call & 0xFF) - '0';
            int y = ((call >>> 16) & 0xFF) - '0';
            if (((x | y) >>> 1) == 0) {
                int d = x + y;
                dosages[s] = (byte) d;
                het += d & 1;
                homAlt += d >> 1;
                called++;
            } else if (x == MISSING_ALLELE && y == MISSING_ALLELE) {
                dosages[s] = VariantRecord.MISSING;
                missing++;
            } else {
                break;
            }
        }
        kinds.homRef += called - het - homAlt;
        kinds.het += het;
        kinds.homAlt += homAlt;
        kinds.missing += missing;
        return s;
    }

    private static int fieldEnd(byte[] line, int from, int end) {
        int i = from;
        while (i < end && line[i] != '\t') {
            i++;
        }
        return i;
    }

    /** First {@code c} in {@code line[from, to)}, or -1. */
    private static int indexOf(byte[] line, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static void readCall(byte[] line, int start, int end, int s, int alts, byte[][] dosages, CallKinds kinds,
            String[] sampleNames) {
        int ploidy = 0;
        int first = -1;
        int second = -1;
        boolean anyMissing = false;
        boolean anyCalled = false;
        int i = start;
        while (i < end) {
            byte c = line[i];
            int allele;
            if (c == '.') {
                allele = -1;
                i++;
            } else if (c >= '0' && c <= '9') {
                allele = 0;
                while (i < end && line[i] >= '0' && line[i] <= '9') {
                    allele = allele * 10 + (line[i] - '0');
                    if (allele > alts) {
                        throw new BadGenotype("sample " + sampleNames[s] + " has GT '" + text(line, start, end)
                                + "', which names allele " + allele + " but the record has " + alts
                                + " alternate allele(s)");
                    }
                    i++;
                }
            } else {
                throw new BadGenotype("sample " + sampleNames[s] + " has GT '" + text(line, start, end)
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
                byte sep = line[i];
                if (sep != '/' && sep != '|') {
                    throw new BadGenotype("sample " + sampleNames[s] + " has GT '" + text(line, start, end)
                            + "', expected alleles separated by / or |");
                }
                i++;
                if (i == end) {
                    throw new BadGenotype("sample " + sampleNames[s] + " has GT '" + text(line, start, end)
                            + "', which ends with a separator");
                }
            }
        }
        if (anyMissing || ploidy != 2) {
            // as htsjdk's path: "./1" or "." is missing; a called haploid or polyploid genotype is not diploid
            boolean missing = !anyCalled || ploidy == 2;
            if (missing) {
                kinds.missing++;
            } else {
                kinds.notDiploid++;
            }
            missing(s, dosages);
            return;
        }
        called(first, second, s, dosages, kinds);
    }

    private static void called(int first, int second, int s, byte[][] dosages, CallKinds kinds) {
        if (first != second) {
            kinds.het++;
        } else if (first == 0) {
            kinds.homRef++;
        } else {
            kinds.homAlt++;
        }
        for (int k = 0; k < dosages.length; k++) {
            int alt = k + 1;
            dosages[k][s] = (byte) ((first == alt ? 1 : 0) + (second == alt ? 1 : 0));
        }
    }

    private static void missing(int s, byte[][] dosages) {
        for (byte[] d : dosages) {
            d[s] = VariantRecord.MISSING;
        }
    }

    private static String text(byte[] line, int start, int end) {
        return new String(line, start, end - start, StandardCharsets.UTF_8);
    }
}
