package org.medfed.analytics.gwas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.medfed.data.vcf.PhenotypeKind;
import org.medfed.data.vcf.PhenotypeSheet;
import org.medfed.data.vcf.SampleMatch;
import org.medfed.data.vcf.VariantRecord;
import org.medfed.data.vcf.VcfReadOptions;
import org.medfed.data.vcf.VcfReadStats;
import org.medfed.data.vcf.VcfReader;
import org.medfed.engine.BadInputException;

/**
 * A hospital whose VCF and phenotype sheet are files on this machine. The VCF is streamed once, into a
 * compact two-bit work file in {@code workDir}; every later request reads that file.
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

    private final String name;
    private final Path vcf;
    private final Path phenotypes;
    private final Path workDir;
    private final SampleIds sampleIds;
    private String sampleReport = "";
    private PackedGenotypes store;
    private List<VariantInfo> variants;
    private int[] kept;
    private boolean[] isCase;
    private SiteModel model;
    private DesignLayout layout;
    private byte[] unpacked;
    private byte[] keptGenotypes;

    /**
     * @param name the hospital's name in reports
     * @param vcf its genotypes (VCF, VCF.gz or BCF)
     * @param phenotypes its phenotype sheet (CSV)
     * @param workDir where the two-bit genotype work file may be written (deleted on close)
     */
    public LocalGwasSite(String name, Path vcf, Path phenotypes, Path workDir) {
        this(name, vcf, phenotypes, workDir, SampleIds.REPORTED);
    }

    /** As {@link #LocalGwasSite(String, Path, Path, Path)}, saying whether sample ids appear in what it answers. */
    public LocalGwasSite(String name, Path vcf, Path phenotypes, Path workDir, SampleIds sampleIds) {
        this.name = name;
        this.vcf = vcf;
        this.phenotypes = phenotypes;
        this.workDir = workDir;
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
        SampleMatch match;
        VcfReadStats stats;
        long duplicates = 0;
        variants = new ArrayList<>();
        long[] called;
        List<String> vcfSampleNames;
        try (VcfReader reader = VcfReader.open(vcf, new VcfReadOptions(plan.multiAllelic(), true))) {
            vcfSampleNames = reader.samples();
            match = sheet.match(vcfSampleNames);
            if (match.analysable() == 0) {
                throw noSampleMatches(reader.samples(), match);
            }
            int m = match.analysable();
            int[] columns = match.vcfIndices();
            store = PackedGenotypes.create(workDir, m);
            byte[] row = new byte[m];
            called = new long[m];
            Set<String> seen = new HashSet<>();
            for (VariantRecord v = reader.next(); v != null; v = reader.next()) {
                if (!seen.add(v.key())) {
                    duplicates++;
                    continue;
                }
                byte[] d = v.dosages();
                for (int k = 0; k < m; k++) {
                    row[k] = d[columns[k]];
                    if (row[k] >= 0) {
                        called[k]++;
                    }
                }
                store.append(row);
                variants.add(new VariantInfo(v.chrom(), v.position(), v.id(), v.ref(), v.alt()));
            }
            stats = reader.stats();
        }
        store.finish();
        if (variants.isEmpty()) {
            throw new BadInputException(vcf, null, "has no biallelic variant with genotypes to analyse ("
                    + stats.records() + " records, " + stats.noGenotypeRecords() + " without GT, "
                    + stats.noAltRecords() + " without ALT, " + stats.multiAllelicSkipped() + " multi-allelic skipped)");
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
        unpacked = new byte[match.analysable()];
        keptGenotypes = new byte[kept.length];
        List<String> lowCallRateExamples = lowCallRate.subList(0, Math.min(EXAMPLES, lowCallRate.size()));
        sampleReport = match.describe(true) + (lowCallRate.isEmpty() ? "" : lowCallRate.size()
                + " samples called below the minimum call rate (left out), e.g. " + String.join(", ", lowCallRateExamples)
                + "\n");
        boolean reported = sampleIds == SampleIds.REPORTED;
        return new SiteSummary(name, match.vcfSamples(), kept.length, binary ? cases : 0,
                binary ? kept.length - cases : 0, match.describe(reported), lowCallRate.size(),
                reported ? lowCallRateExamples : List.of(), stats.records(), variants.size(),
                stats.multiAllelicRecords(), stats.multiAllelicSkipped(), stats.noGenotypeRecords(),
                stats.noAltRecords(), stats.nonDiploidCalls(), duplicates);
    }

    @Override
    public VariantCounts variantCounts() {
        requirePrepared();
        long[] counts = VariantCounts.newCounts(variants.size());
        for (int v = 0; v < variants.size(); v++) {
            byte[] g = genotypes(v);
            for (int i = 0; i < g.length; i++) {
                VariantCounts.tally(counts, v, isCase[i], g[i]);
            }
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
        for (int r = 0; r < request.variants().length; r++) {
            int v = request.variants()[r];
            if (v < ModelRequest.NULL_MODEL || v >= variants.size()) {
                throw new IllegalArgumentException(name + ": no variant " + v);
            }
            model.accumulate(request.family(), v == ModelRequest.NULL_MODEL ? null : genotypes(v), request.betas(),
                    r * p, out, r);
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

    /** Genotypes of the kept samples at variant {@code v} (a reused buffer). */
    private byte[] genotypes(int v) {
        store.read(v, unpacked);
        for (int i = 0; i < kept.length; i++) {
            keptGenotypes[i] = unpacked[kept[i]];
        }
        return keptGenotypes;
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
                    + match.describe(false).strip().replace('\n', ';') + ". Compare the VCF's sample names with the "
                    + "sheet's id column at the hospital (the ids are not sent)");
        }
        return new BadInputException(phenotypes, null, "no row of the phenotype sheet can be used for the "
                + vcfSamples.size() + " samples of " + vcf.getFileName() + ". " + match.describe().strip().replace('\n', ';')
                + ". VCF samples look like: " + vcfExamples + (sheetIds.isEmpty() ? "" : "; sheet ids look like: " + sheetExamples));
    }

    private static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
