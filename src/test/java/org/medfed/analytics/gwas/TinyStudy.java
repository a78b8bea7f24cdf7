package org.medfed.analytics.gwas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes small hand-made hospitals (a VCF and a phenotype sheet each) for tests. */
final class TinyStudy {

    private final Path dir;
    private final List<PooledGwas.SiteFiles> sites = new ArrayList<>();

    TinyStudy(Path dir) {
        this.dir = dir;
    }

    /**
     * Adds a hospital.
     *
     * @param genotypes {@code genotypes[variant][sample]} dosage, -1 missing
     * @param phenotype per sample
     * @param covariates per sample, columns c1, c2, ...
     */
    TinyStudy site(String name, int[][] genotypes, double[] phenotype, double[][] covariates) {
        int n = phenotype.length;
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add(name + "_" + i);
        }
        StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t" + String.join("\t", samples) + "\n");
        for (int v = 0; v < genotypes.length; v++) {
            vcf.append("1\t").append(100 * (v + 1)).append("\tv").append(v + 1).append("\tA\tG\t.\t.\t.\tGT");
            for (int i = 0; i < n; i++) {
                int g = genotypes[v][i];
                vcf.append('\t').append(g < 0 ? "./." : g == 0 ? "0/0" : g == 1 ? "0/1" : "1/1");
            }
            vcf.append('\n');
        }
        int k = covariates == null || covariates.length == 0 ? 0 : covariates[0].length;
        StringBuilder csv = new StringBuilder("id,y");
        for (int j = 0; j < k; j++) {
            csv.append(",c").append(j + 1);
        }
        csv.append('\n');
        for (int i = 0; i < n; i++) {
            csv.append(samples.get(i)).append(',').append(format(phenotype[i]));
            for (int j = 0; j < k; j++) {
                csv.append(',').append(format(covariates[i][j]));
            }
            csv.append('\n');
        }
        try {
            Path v = dir.resolve(name + ".vcf");
            Path p = dir.resolve(name + ".csv");
            Files.writeString(v, vcf);
            Files.writeString(p, csv);
            sites.add(new PooledGwas.SiteFiles(name, v, p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    List<PooledGwas.SiteFiles> files() {
        return sites;
    }

    List<GwasSite> sites() {
        return sites.stream().<GwasSite>map(s -> new LocalGwasSite(s.name(), s.vcf(), s.phenotypes(), dir.resolve("work")))
                .toList();
    }

    /** Runs the federated study and closes the sites. */
    GwasResult run(GwasSettings settings) {
        List<GwasSite> s = sites();
        try {
            return new FederatedGwas(settings).run(s);
        } finally {
            s.forEach(GwasSite::close);
        }
    }

    private static String format(double x) {
        return Double.isNaN(x) ? "NA" : String.format(Locale.ROOT, "%s", x);
    }

    /** n samples with dosage g and phenotype y. */
    static void fill(int[] g, double[] y, int from, int count, int dosage, double value) {
        for (int i = from; i < from + count; i++) {
            g[i] = dosage;
            y[i] = value;
        }
    }
}
