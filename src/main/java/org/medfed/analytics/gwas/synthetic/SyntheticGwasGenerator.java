package org.medfed.analytics.gwas.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.medfed.data.vcf.DosageVcfWriter;
import org.medfed.engine.Seeds;

/**
 * Generates a multi-hospital genotype study with a known answer.
 *
 * <ul>
 *   <li>Ancestral allele frequencies: uniform on [0.05, 0.5], or on [0.002, 0.008] for a few rare variants.</li>
 *   <li>Population structure (Balding-Nichols): each hospital's frequency is drawn from
 *       Beta(p (1 - F) / F, (1 - p)(1 - F) / F), mean p and variance F p (1 - p).</li>
 *   <li>Genotypes in Hardy-Weinberg equilibrium within a hospital: two independent alleles.</li>
 *   <li>Liability: sum over causal variants of effect * standardised genotype, + 0.2 (age - 55) / 10,
 *       + 0.15 (2 sex - 1), + the hospital's shift, + normal noise making the variance 1. Case when liability
 *       is above 0. A quantitative "ldl" trait uses the same variants.</li>
 *   <li>Imperfections for quality control to find: calls missing at random, a few poorly genotyped
 *       samples, rare variants, variants whose hom-alt calls became heterozygotes, one missing phenotype.</li>
 * </ul>
 *
 * Every draw comes from a stream derived from (seed, purpose, index), so a variant's genotypes do not depend
 * on how many variants are generated before it, and the same seed always gives the same files.
 */
public final class SyntheticGwasGenerator {

    private static final String[] BASES = {"A", "C", "G", "T"};

    private final SyntheticGwasConfig config;
    private final int total;

    private SyntheticGwasGenerator(SyntheticGwasConfig config) {
        this.config = config;
        this.total = config.hospitals().size() * config.samplesPerHospital();
    }

    /** Writes {@code <hospital>.vcf.gz} and {@code <hospital>-phenotypes.csv} per hospital, and README.md. */
    public static SyntheticStudy generate(SyntheticGwasConfig config, Path dir) {
        return new SyntheticGwasGenerator(config).write(dir);
    }

    /** The variants and their truth without writing anything. */
    public static List<SyntheticVariant> plan(SyntheticGwasConfig config) {
        return new SyntheticGwasGenerator(config).variants();
    }

    private SyntheticStudy write(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        List<SyntheticVariant> variants = variants();
        List<SyntheticSample> samples = samples(variants);
        List<Path> vcfs = new ArrayList<>();
        List<DosageVcfWriter> writers = new ArrayList<>();
        Map<String, Integer> contigs = new LinkedHashMap<>();
        for (int c = 0; c < ChromosomeLengths.GRCH38.length; c++) {
            contigs.put(Integer.toString(c + 1), ChromosomeLengths.GRCH38[c]);
        }
        List<String> meta = List.of("source=MedFed synthetic genotype generator, seed " + config.seed()
                + ", F_ST " + config.fst() + " (Balding-Nichols); not real people", "reference=GRCh38 (positions only)");
        try {
            for (String hospital : config.hospitals()) {
                Path vcf = dir.resolve(hospital + ".vcf.gz");
                List<String> ids = samples.stream().filter(s -> s.hospital().equals(hospital)).map(SyntheticSample::id)
                        .toList();
                writers.add(new DosageVcfWriter(vcf, ids, contigs, meta));
                vcfs.add(vcf);
            }
            for (SyntheticVariant v : variants) {
                byte[] called = calledGenotypes(v, samples);
                for (int h = 0; h < writers.size(); h++) {
                    writers.get(h).write(v.chrom(), v.position(), v.id(), v.ref(), v.alt(), called,
                            h * config.samplesPerHospital());
                }
            }
        } finally {
            writers.forEach(DosageVcfWriter::close);
        }
        List<Path> sheets = writePhenotypes(dir, samples);
        Path readme = dir.resolve("README.md");
        try {
            Files.writeString(readme, SyntheticReadme.text(config, variants, samples), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + readme, e);
        }
        return new SyntheticStudy(variants, samples, vcfs, sheets, readme);
    }

    List<SyntheticVariant> variants() {
        int v = config.variants();
        int[] perChromosome = spread(v);
        List<int[]> positions = new ArrayList<>();
        for (int c = 0; c < perChromosome.length; c++) {
            SplittableRandom r = new SplittableRandom(Seeds.derive(config.seed(), "positions", c));
            int[] pos = r.ints(0, ChromosomeLengths.GRCH38[c] - 1).distinct().limit(perChromosome[c]).map(x -> x + 1)
                    .sorted().toArray();
            positions.add(pos);
        }
        double[] ancestral = new double[v];
        String[][] alleles = new String[v][];
        double[][] hospitalFrequencies = new double[v][];
        int j = 0;
        for (int c = 0; c < perChromosome.length; c++) {
            for (int k = 0; k < perChromosome[c]; k++, j++) {
                SeededRandom r = new SeededRandom(Seeds.derive(config.seed(), "variant", j));
                int ref = (int) (r.nextDouble() * 4);
                int alt = (ref + 1 + (int) (r.nextDouble() * 3)) % 4;
                alleles[j] = new String[] {BASES[ref], BASES[alt]};
                ancestral[j] = r.nextDouble() < config.rareFraction() ? 0.002 + 0.006 * r.nextDouble()
                        : 0.05 + 0.45 * r.nextDouble();
                double f = config.fst();
                double a = ancestral[j] * (1 - f) / f;
                double b = (1 - ancestral[j]) * (1 - f) / f;
                BetaDistribution beta = new BetaDistribution(r, a, b);
                hospitalFrequencies[j] = new double[config.hospitals().size()];
                for (int h = 0; h < hospitalFrequencies[j].length; h++) {
                    hospitalFrequencies[j][h] = beta.sample();
                }
            }
        }
        double[] effect = new double[v];
        boolean[] broken = new boolean[v];
        SplittableRandom pick = new SplittableRandom(Seeds.derive(config.seed(), "causal", 0));
        int[] common = java.util.stream.IntStream.range(0, v).filter(i -> ancestral[i] >= 0.15).toArray();
        int chosen = 0;
        while (chosen < config.causal() + config.hweBroken()) {
            int i = common[pick.nextInt(common.length)];
            if (effect[i] != 0 || broken[i]) {
                continue;
            }
            if (chosen < config.causal()) {
                effect[i] = (pick.nextBoolean() ? 1 : -1) * Math.sqrt(config.heritabilityPerCausal());
            } else {
                broken[i] = true;
            }
            chosen++;
        }
        List<SyntheticVariant> out = new ArrayList<>(v);
        j = 0;
        for (int c = 0; c < perChromosome.length; c++) {
            for (int k = 0; k < perChromosome[c]; k++, j++) {
                out.add(new SyntheticVariant(j, Integer.toString(c + 1), positions.get(c)[k], "syn" + (j + 1),
                        alleles[j][0], alleles[j][1], ancestral[j], hospitalFrequencies[j], effect[j], broken[j]));
            }
        }
        return out;
    }

    private List<SyntheticSample> samples(List<SyntheticVariant> variants) {
        List<SyntheticVariant> causal = variants.stream().filter(SyntheticVariant::causal).toList();
        List<byte[]> causalGenotypes = causal.stream().map(this::trueGenotypes).toList();
        double explained = config.causal() * config.heritabilityPerCausal() + 0.04 + 0.0225;
        double noise = Math.sqrt(Math.max(0.05, 1 - explained));
        List<SyntheticSample> samples = new ArrayList<>(total);
        for (int s = 0; s < total; s++) {
            int h = s / config.samplesPerHospital();
            int i = s % config.samplesPerHospital();
            SeededRandom r = new SeededRandom(Seeds.derive(config.seed(), "sample", s));
            int age = (int) Math.max(18, Math.min(90, Math.round(53 + 2 * h + 10 * r.nextGaussian())));
            int sex = r.nextDouble() < 0.5 ? 1 : 0;
            double genetic = 0;
            double ldlGenetic = 0;
            for (int c = 0; c < causal.size(); c++) {
                double p = causal.get(c).ancestralFrequency();
                double z = (causalGenotypes.get(c)[s] - 2 * p) / Math.sqrt(2 * p * (1 - p));
                genetic += causal.get(c).effect() * z;
                ldlGenetic += 0.8 * causal.get(c).effect() * z;
            }
            double liability = genetic + 0.2 * (age - 55) / 10.0 + 0.15 * (2 * sex - 1) + config.hospitalShift().get(h)
                    + noise * r.nextGaussian();
            double ldl = 3.0 + ldlGenetic + 0.015 * (age - 55) - 0.1 * sex + 0.05 * h + 0.6 * r.nextGaussian();
            boolean poor = i < config.poorSamplesPerHospital();
            boolean phenotypeMissing = i == config.poorSamplesPerHospital();
            samples.add(new SyntheticSample(config.hospitals().get(h), String.format(Locale.ROOT, "H%c-%04d", 'A' + h, i + 1),
                    age, sex, liability > 0 ? 1 : 0, ldl, poor, phenotypeMissing));
        }
        return samples;
    }

    /** Genotypes before any genotyping artefact: two alleles drawn at the hospital's frequency. */
    private byte[] trueGenotypes(SyntheticVariant v) {
        SeededRandom r = new SeededRandom(Seeds.derive(config.seed(), "genotypes", v.index()));
        byte[] g = new byte[total];
        for (int s = 0; s < total; s++) {
            double p = v.hospitalFrequencies()[s / config.samplesPerHospital()];
            g[s] = (byte) (r.allele(p) + r.allele(p));
        }
        return g;
    }

    /** What the "lab" reports: true genotypes with artefacts and missing calls. */
    private byte[] calledGenotypes(SyntheticVariant v, List<SyntheticSample> samples) {
        byte[] g = trueGenotypes(v);
        SplittableRandom r = new SplittableRandom(Seeds.derive(config.seed(), "missing", v.index()));
        for (int s = 0; s < total; s++) {
            if (v.hweBroken() && g[s] == 2) {
                g[s] = 1;
            }
            double rate = samples.get(s).poorlyGenotyped() ? 0.25 : config.missingRate();
            if (r.nextDouble() < rate) {
                g[s] = -1;
            }
        }
        return g;
    }

    private List<Path> writePhenotypes(Path dir, List<SyntheticSample> samples) {
        List<Path> files = new ArrayList<>();
        for (String hospital : config.hospitals()) {
            Path csv = dir.resolve(hospital + "-phenotypes.csv");
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                out.write("sample_id,disease,ldl,age,sex\n");
                for (SyntheticSample s : samples) {
                    if (s.hospital().equals(hospital)) {
                        out.write(String.format(Locale.ROOT, "%s,%s,%.2f,%d,%d%n", s.id(),
                                s.phenotypeMissing() ? "NA" : Integer.toString(s.disease()), s.ldl(), s.age(), s.sex()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + csv, e);
            }
            files.add(csv);
        }
        return files;
    }

    /** Variants per chromosome in proportion to its length (largest remainders), at least one each. */
    private static int[] spread(int variants) {
        int n = ChromosomeLengths.GRCH38.length;
        int[] counts = new int[n];
        double[] remainder = new double[n];
        long genome = ChromosomeLengths.total();
        int given = 0;
        for (int c = 0; c < n; c++) {
            double share = (double) variants * ChromosomeLengths.GRCH38[c] / genome;
            counts[c] = (int) share;
            remainder[c] = share - counts[c];
            given += counts[c];
        }
        Integer[] order = new Integer[n];
        for (int c = 0; c < n; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(remainder[b], remainder[a]));
        for (int k = 0; given < variants; k = (k + 1) % n, given++) {
            counts[order[k]]++;
        }
        return counts;
    }
}
