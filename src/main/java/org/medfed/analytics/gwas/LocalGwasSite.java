package org.medfed.analytics.gwas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medfed.data.vcf.PhenotypeKind;
import org.medfed.data.vcf.PhenotypeSheet;
import org.medfed.data.vcf.SampleMatch;
import org.medfed.engine.BadInputException;
import java.util.concurrent.Executor;
import org.medfed.concurrency.InOrder;

/**
 * A hospital whose VCF and phenotype sheet are files on this machine. Its genotypes are read from the packed
 * cache in {@code cacheDir}, which is built from the VCF the first time and whenever the VCF changes
 * ({@link PackedGenotypes}); every request of the study reads that file, never the VCF.
 */
public final class LocalGwasSite implements GwasSite {

    /** Whether the summary names a few of the samples left out, or only counts them. */
    public enum SampleIds {
        /** A few ids as examples: the researcher holds the files (a simulation) and can fix them. */
        REPORTED,
        /** Counts only: the summary leaves the hospital (a node), and its sample ids stay there. */
        KEPT_AT_HOSPITAL
    }

    private static final int EXAMPLES = 5;
    /** The four dosages (missing as -1) of each packed byte, {@code UNPACKED[4 byte + sample]}. */
    private static final byte[] UNPACKED = new byte[256 * 4];
    /** The same four dosages as one little-endian int, written with one store. */
    private static final int[] UNPACKED_INT = new int[256];
    private static final java.lang.invoke.VarHandle INTS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    static {
        for (int b = 0; b < 256; b++) {
            for (int s = 0; s < 4; s++) {
                int code = (b >> (2 * s)) & 3;
                UNPACKED[4 * b + s] = code == PackedGenotypes.MISSING_CODE ? -1 : (byte) code;
                UNPACKED_INT[b] |= (UNPACKED[4 * b + s] & 0xff) << (8 * s);
            }
        }
    }

    private final String name;
    private final Path vcf;
    private final Path phenotypes;
    private final Path cacheDir;
    private final SampleIds sampleIds;
    private String sampleReport = "";
    private PackedGenotypes store;
    private List<VariantInfo> variants;
    private int[] kept;
    private boolean[] isCase;
    private SiteModel model;
    private DesignLayout layout;
    private int[] keptColumns;
    private boolean everyColumnKept;
    private RecentGenotypes recent;
    private byte[] everyGenotype;
    private PackedCounter counter;
    private final Executor inflaters;

    /**
     * @param name the hospital's name in reports
     * @param vcf its genotypes (VCF, VCF.gz or BCF)
     * @param phenotypes its phenotype sheet (CSV)
     * @param cacheDir where this hospital keeps its genotypes packed at two bits each between studies (one cache per
     *        folder, rebuilt whenever the VCF's content changes)
     */
    public LocalGwasSite(String name, Path vcf, Path phenotypes, Path cacheDir) {
        this(name, vcf, phenotypes, cacheDir, SampleIds.REPORTED, InOrder.HERE);
    }

    /**
     * As {@link #LocalGwasSite(String, Path, Path, Path)}, saying whether sample ids appear in what it answers, and
     * with {@code inflaters} inflating the VCF's compressed blocks ahead of its reader when it is parsed
     * ({@link org.medfed.data.vcf.VcfReader#inflaters}; {@link InOrder#HERE}: the reading thread alone).
     */
    public LocalGwasSite(String name, Path vcf, Path phenotypes, Path cacheDir, SampleIds sampleIds,
                         Executor inflaters) {
        this.inflaters = inflaters;
        this.name = name;
        this.vcf = vcf;
        this.phenotypes = phenotypes;
        this.cacheDir = cacheDir;
        this.sampleIds = sampleIds;
    }

    /**
     * The last {@link #prepare}'s sample matching with example ids, whatever {@link SampleIds} says: for the
     * hospital's own eyes (its node's log), never sent.
     */
    public String sampleReport() {
        return sampleReport;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SiteSummary prepare(SitePlan plan) {
        close();
        model = null;
        PhenotypeSheet sheet = PhenotypeSheet.read(phenotypes, plan.phenotype());
        store = PackedGenotypes.open(cacheDir, vcf, plan.multiAllelic(), inflaters);
        List<String> vcfSampleNames = store.sampleNames();
        SampleMatch match = sheet.match(vcfSampleNames);
        if (match.analysable() == 0) {
            throw noSampleMatches(vcfSampleNames, match);
        }
        variants = store.variants();
        PackedGenotypes.SourceCounts stats = store.counts();
        if (variants.isEmpty()) {
            throw new BadInputException(vcf, null, "has no biallelic variant with genotypes to analyse ("
                    + stats.records() + " records, " + stats.noGenotypeRecords() + " without GT, "
                    + stats.noAltRecords() + " without ALT, " + stats.multiAllelicSkipped() + " multi-allelic skipped)");
        }
        long[] called = new long[match.analysable()];
        for (int k = 0; k < called.length; k++) {
            called[k] = store.called()[match.vcfIndices()[k]];
        }
        List<Integer> keep = new ArrayList<>();
        List<String> lowCallRate = new ArrayList<>();
        for (int k = 0; k < match.analysable(); k++) {
            if ((double) called[k] / variants.size() >= plan.minSampleCallRate()) {
                keep.add(k);
            } else {
                lowCallRate.add(vcfSampleNames.get(match.vcfIndices()[k]));
            }
        }
        if (keep.isEmpty()) {
            throw new BadInputException(vcf, null, "every one of the " + match.analysable() + " matched samples is "
                    + "called at fewer than " + percent(plan.minSampleCallRate()) + " of the variants, the study's "
                    + "minimum sample call rate; lower it or check the file");
        }
        kept = keep.stream().mapToInt(Integer::intValue).toArray();
        keptColumns = new int[kept.length];
        for (int i = 0; i < kept.length; i++) {
            keptColumns[i] = match.vcfIndices()[kept[i]];
        }
        everyColumnKept = keptColumns.length == vcfSampleNames.size();
        for (int i = 0; everyColumnKept && i < keptColumns.length; i++) {
            everyColumnKept = keptColumns[i] == i;
        }
        double[] y = new double[kept.length];
        double[][] covariates = new double[kept.length][];
        isCase = new boolean[kept.length];
        int cases = 0;
        boolean binary = plan.phenotype().kind() == PhenotypeKind.BINARY;
        for (int i = 0; i < kept.length; i++) {
            y[i] = match.phenotype()[kept[i]];
            covariates[i] = match.covariates()[kept[i]];
            isCase[i] = binary && y[i] == 1;
            cases += isCase[i] ? 1 : 0;
        }
        layout = plan.design();
        model = new SiteModel(layout, y, covariates, plan.siteIndex());
        recent = new RecentGenotypes(kept.length);
        everyGenotype = new byte[vcfSampleNames.size()];
        counter = new PackedCounter(keptColumns, isCase, store.rowBytes());
        List<String> lowCallRateExamples = lowCallRate.subList(0, Math.min(EXAMPLES, lowCallRate.size()));
        sampleReport = match.describe(true) + (lowCallRate.isEmpty() ? "" : lowCallRate.size()
                + " samples called below the minimum call rate (left out), e.g. " + String.join(", ", lowCallRateExamples)
                + "\n");
        boolean reported = sampleIds == SampleIds.REPORTED;
        return new SiteSummary(name, match.vcfSamples(), kept.length, binary ? cases : 0,
                binary ? kept.length - cases : 0, match.describe(reported), lowCallRate.size(),
                reported ? lowCallRateExamples : List.of(), stats.records(), variants.size(),
                stats.multiAllelicRecords(), stats.multiAllelicSkipped(), stats.noGenotypeRecords(),
                stats.noAltRecords(), stats.nonDiploidCalls(), stats.duplicates());
    }

    @Override
    public VariantCounts variantCounts() {
        requirePrepared();
        long[] counts = VariantCounts.newCounts(variants.size());
        for (int v = 0; v < variants.size(); v++) {
            int offset = store.row(v);
            counter.count(store.array(), offset, counts, v * VariantCounts.WIDTH);
        }
        return new VariantCounts(variants, counts);
    }

    @Override
    public ModelSums modelSums(ModelRequest request) {
        requirePrepared();
        int p = layout.columns();
        if (request.betas().length != request.variants().length * p) {
            throw new IllegalArgumentException(name + ": expected " + p + " coefficients per variant");
        }
        ModelSums out = ModelSums.zeros(request.variants().length, layout);
        recent.startRequest(request.variants().length);
        for (int r = 0; r < request.variants().length; r++) {
            int v = request.variants()[r];
            if (v < ModelRequest.NULL_MODEL || v >= variants.size()) {
                throw new IllegalArgumentException(name + ": no variant " + v);
            }
            model.accumulate(request.family(), v == ModelRequest.NULL_MODEL ? null : recent.row(v, this::unpack),
                    request.betas(), r * p, out, r);
        }
        return out;
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /** Writes the genotypes of the kept samples at variant {@code v} into {@code keptGenotypes}, missing as -1. */
    private void unpack(int v, byte[] keptGenotypes) {
        int offset = store.row(v);
        byte[] row = store.array();
        // every sample of the VCF, four per look-up and store
        byte[] all = everyColumnKept ? keptGenotypes : everyGenotype;
        int i = 0;
        for (int j = 0; i + 3 < all.length; j++, i += 4) {
            INTS.set(all, i, UNPACKED_INT[row[offset + j] & 0xff]);
        }
        for (; i < all.length; i++) {
            all[i] = UNPACKED[((row[offset + (i >> 2)] & 0xff) << 2) + (i & 3)];
        }
        if (!everyColumnKept) {
            // the kept ones, in the analysis's order
            for (int k = 0; k < keptColumns.length; k++) {
                keptGenotypes[k] = all[keptColumns[k]];
            }
        }
    }

    /** Where the last {@link #prepare} got its genotypes (the cache or the VCF), for tests and the log. */
    PackedGenotypes.Origin genotypeOrigin() {
        return store == null ? null : store.origin();
    }

    private void requirePrepared() {
        if (model == null) {
            throw new IllegalStateException(name + ": prepare() must come first");
        }
    }

    private BadInputException noSampleMatches(List<String> vcfSamples, SampleMatch match) {
        List<String> sheetIds = new ArrayList<>(match.sheetOnly());
        String vcfExamples = String.join(", ", vcfSamples.subList(0, Math.min(EXAMPLES, vcfSamples.size())));
        String sheetExamples = String.join(", ", sheetIds.subList(0, Math.min(EXAMPLES, sheetIds.size())));
        if (vcfSamples.isEmpty()) {
            return new BadInputException(vcf, null, "has no samples (no genotype columns), so it cannot be analysed");
        }
        if (sampleIds == SampleIds.KEPT_AT_HOSPITAL) {
            return new BadInputException(phenotypes, null, "no row of the phenotype sheet can be used for the "
                    + vcfSamples.size() + " samples of " + vcf.getFileName() + ". "
                    + match.describe(false).strip().replace("\n", "; ") + ". Compare the VCF's sample names with the "
                    + "sheet's id column at the hospital (the ids are not sent)");
        }
        return new BadInputException(phenotypes, null, "no row of the phenotype sheet can be used for the "
                + vcfSamples.size() + " samples of " + vcf.getFileName() + ". " + match.describe().strip().replace("\n", "; ")
                + ". VCF samples look like: " + vcfExamples + (sheetIds.isEmpty() ? "" : "; sheet ids look like: " + sheetExamples));
    }

    private static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
