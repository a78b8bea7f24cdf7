package org.medfed.analytics.gwas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.medfed.data.vcf.VariantRecord;
import org.medfed.data.vcf.VcfReader;

/**
 * The 1000 Genomes exome slice (1,182 samples) cut by sample columns into four hospitals' VCFs in a
 * temporary folder, each with a phenotype sheet: a synthetic binary "disease" and quantitative "ldl" that
 * depend on one real variant, age and sex, plus noise (seeded). A few sheet rows are made incomplete or
 * point at no VCF sample, so that matching is exercised too.
 */
final class ExomeSplit {

    static final int[] SIZES = {300, 300, 300, 282};
    static final String CAUSAL = "1:866511:C:T";

    private ExomeSplit() {
    }

    static List<PooledGwas.SiteFiles> write(Path exome, Path dir, long seed) {
        try {
            Files.createDirectories(dir);
            double[] causal = dosages(exome, CAUSAL);
            List<String> header = new ArrayList<>();
            List<String[]> records = new ArrayList<>();
            String[] columns = null;
            try (BufferedReader in = Files.newBufferedReader(exome, StandardCharsets.US_ASCII)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("##")) {
                        header.add(line);
                    } else if (line.startsWith("#")) {
                        columns = line.split("\t");
                    } else {
                        records.add(line.split("\t"));
                    }
                }
            }
            SplittableRandom random = new SplittableRandom(seed);
            List<PooledGwas.SiteFiles> sites = new ArrayList<>();
            int first = 9;
            for (int s = 0; s < SIZES.length; s++) {
                String name = "hospital-" + (char) ('a' + s);
                Path vcf = dir.resolve(name + ".vcf");
                Path csv = dir.resolve(name + ".csv");
                int to = first + SIZES[s];
                try (Writer out = Files.newBufferedWriter(vcf, StandardCharsets.US_ASCII)) {
                    for (String h : header) {
                        out.write(h + "\n");
                    }
                    out.write(join(columns, first, to) + "\n");
                    for (String[] r : records) {
                        out.write(join(r, first, to) + "\n");
                    }
                }
                StringBuilder sheet = new StringBuilder("sample_id,disease,ldl,age,sex\n");
                for (int c = first; c < to; c++) {
                    double g = causal[c - 9];
                    double age = 30 + random.nextInt(50);
                    int sex = random.nextInt(2);
                    double gEffect = Double.isNaN(g) ? 0 : g;
                    double liability = -0.5 + 1.2 * gEffect + 0.03 * (age - 55) + 0.3 * sex + 0.2 * s;
                    int disease = random.nextDouble() < 1 / (1 + Math.exp(-liability)) ? 1 : 0;
                    double ldl = 3.0 + 0.4 * gEffect + 0.01 * age - 0.2 * sex + random.nextGaussian() * 0.8;
                    String diseaseText = c % 97 == 0 ? "NA" : Integer.toString(disease);
                    sheet.append(columns[c]).append(',').append(diseaseText).append(',')
                            .append(String.format(Locale.ROOT, "%.3f", ldl)).append(',').append((int) age).append(',')
                            .append(sex).append('\n');
                }
                sheet.append("NOT_IN_VCF_").append(s).append(",1,3.1,50,0\n");
                Files.writeString(csv, sheet);
                sites.add(new PooledGwas.SiteFiles(name, vcf, csv));
                first = to;
            }
            return sites;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] dosages(Path exome, String key) {
        try (VcfReader reader = VcfReader.open(exome)) {
            for (VariantRecord v = reader.next(); v != null; v = reader.next()) {
                if (v.key().equals(key)) {
                    double[] d = new double[v.dosages().length];
                    for (int i = 0; i < d.length; i++) {
                        d[i] = v.dosages()[i] < 0 ? Double.NaN : v.dosages()[i];
                    }
                    return d;
                }
            }
        }
        throw new IllegalStateException(key + " not in " + exome);
    }

    private static String join(String[] fields, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            sb.append(fields[i]).append('\t');
        }
        for (int i = from; i < to; i++) {
            sb.append(fields[i]);
            if (i < to - 1) {
                sb.append('\t');
            }
        }
        return sb.toString();
    }
}
