package org.medfed.data.vcf;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import org.medfed.concurrency.InOrder;

/** Reads a whole genotype file once and describes it in plain words ({@code medfed inspect FILE.vcf.gz}). */
public final class VcfInspector {

    private static final int CONTIGS_LISTED = 30;
    private static final int SAMPLES_LISTED = 5;

    private VcfInspector() {
    }

    /** Streams the file once (multi-allelic sites split) and gathers counts, with the calling thread alone. */
    public static VcfSummary summarize(Path file) {
        return summarize(file, InOrder.HERE);
    }

    /** As {@link #summarize(Path)}, with compressed blocks inflated ahead on {@code inflaters} (see {@link VcfReader}). */
    public static VcfSummary summarize(Path file, Executor inflaters) {
        try (VcfReader reader = VcfReader.open(file, VcfReadOptions.defaults(), inflaters)) {
            int n = reader.samples().size();
            long[] called = new long[n];
            double[] variantRates = new double[1024];
            int variants = 0;
            for (VariantRecord v = reader.next(); v != null; v = reader.next()) {
                int calledHere = 0;
                byte[] d = v.dosages();
                for (int i = 0; i < n; i++) {
                    if (d[i] >= 0) {
                        called[i]++;
                        calledHere++;
                    }
                }
                if (variants == variantRates.length) {
                    variantRates = Arrays.copyOf(variantRates, variants * 2);
                }
                variantRates[variants++] = n == 0 ? Double.NaN : (double) calledHere / n;
            }
            double[] sampleRates = new double[n];
            for (int i = 0; i < n; i++) {
                sampleRates[i] = variants == 0 ? Double.NaN : (double) called[i] / variants;
            }
            return new VcfSummary(file, reader.layout(), reader.fileFormat(), VcfFileProbe.index(file),
                    reader.samples(), reader.stats(), sampleRates, Arrays.copyOf(variantRates, variants));
        }
    }

    /** A text report: samples, variants, contigs, missing-call rate, multi-allelic and GT-less counts. */
    public static String report(Path file, Executor inflaters) {
        return format(summarize(file, inflaters));
    }

    static String format(VcfSummary s) {
        VcfReadStats st = s.stats();
        StringBuilder out = new StringBuilder();
        line(out, "File", s.file().getFileName().toString());
        line(out, "Format", s.layout().description() + ", " + s.fileFormat()
                + s.index().map(i -> ", index " + i.getFileName()).orElse(", no index"));
        line(out, "Samples", s.samples().size() + listSamples(s));
        line(out, "Records", st.records() + " on " + st.recordsPerContig().size() + " contig(s)");
        int listed = 0;
        for (Map.Entry<String, Long> e : st.recordsPerContig().entrySet()) {
            if (listed++ == CONTIGS_LISTED) {
                out.append("    ... ").append(st.recordsPerContig().size() - CONTIGS_LISTED).append(" more contigs\n");
                break;
            }
            out.append("    contig ").append(e.getKey()).append(": ").append(e.getValue()).append(" records\n");
        }
        line(out, "Biallelic variants", st.variants() + " (multi-allelic sites split into one variant per alternate allele)");
        line(out, "Multi-allelic records", String.valueOf(st.multiAllelicRecords()));
        line(out, "Records without ALT", st.noAltRecords() + " (ALT is '.', nothing to test; left out)");
        line(out, "Records without GT", st.noGenotypeRecords() + " (no genotype field; left out, not guessed)");
        line(out, "Genotype calls", st.calls() + ": hom-ref " + st.homRefCalls() + ", het " + st.hetCalls()
                + ", hom-alt " + st.homAltCalls() + ", missing " + st.missingCalls());
        if (st.nonDiploidCalls() > 0) {
            line(out, "Non-diploid calls", st.nonDiploidCalls() + " (haploid or polyploid; counted as missing)");
        }
        line(out, "Missing-call rate", percent(st.missingRate()));
        line(out, "Sample call rate", spread(s.sampleCallRates()));
        line(out, "Variant call rate", spread(s.variantCallRates()));
        return out.toString();
    }

    private static String listSamples(VcfSummary s) {
        if (s.samples().isEmpty()) {
            return " (no genotype columns: a sites-only file cannot be used for an association study)";
        }
        String first = String.join(", ", s.samples().subList(0, Math.min(SAMPLES_LISTED, s.samples().size())));
        return " (" + first + (s.samples().size() > SAMPLES_LISTED ? ", ...)" : ")");
    }

    private static String spread(double[] rates) {
        if (rates.length == 0 || Double.isNaN(rates[0])) {
            return "n/a";
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return "min " + percent(sorted[0]) + ", median " + percent(median) + ", max " + percent(sorted[n - 1]);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-22s %s%n", label + ":", value));
    }
}
