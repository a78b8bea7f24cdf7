package org.medfed.analytics.gwas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.medfed.data.vcf.ChromosomeOrder;
import org.medfed.data.vcf.PhenotypeKind;
import org.medfed.data.vcf.PhenotypeSheet;
import org.medfed.data.vcf.SampleMatch;
import org.medfed.data.vcf.VariantRecord;
import org.medfed.data.vcf.VcfReadOptions;
import org.medfed.data.vcf.VcfReader;

/**
 * The reference for the proof of exactness: the same study done the plain way, with every row in one
 * place. It shares only the file parsing with the federated code; its statistics are computed from rows by
 * other formulas: Pearson's sum of (O - E)^2 / E for the allelic test, N r^2 for the trend test, and IRLS
 * with commons-math's QR least squares for the regressions (the federated code sums X'WX and uses Newton
 * with a hand-written Cholesky).
 */
final class PooledGwas {

    record SiteFiles(String name, Path vcf, Path phenotypes) {
    }

    private record Row(int site, double y, double[] covariates) {
    }

    private final GwasSettings settings;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, byte[]> genotypes = new LinkedHashMap<>();
    private final Map<String, VariantInfo> info = new HashMap<>();

    private PooledGwas(GwasSettings settings) {
        this.settings = settings;
    }

    static List<AssociationResult> run(List<SiteFiles> sites, GwasSettings settings) {
        PooledGwas pooled = new PooledGwas(settings);
        pooled.load(sites);
        return pooled.analyse(sites.size());
    }

    private void load(List<SiteFiles> sites) {
        List<Map<String, byte[]>> perSite = new ArrayList<>();
        List<Integer> firstRow = new ArrayList<>();
        for (int s = 0; s < sites.size(); s++) {
            SiteFiles site = sites.get(s);
            PhenotypeSheet sheet = PhenotypeSheet.read(site.phenotypes(), settings.phenotype());
            Map<String, byte[]> variants = new LinkedHashMap<>();
            SampleMatch match;
            try (VcfReader reader = VcfReader.open(site.vcf(), new VcfReadOptions(settings.multiAllelic(), true))) {
                match = sheet.match(reader.samples());
                for (VariantRecord v = reader.next(); v != null; v = reader.next()) {
                    if (!variants.containsKey(v.key())) {
                        byte[] g = new byte[match.analysable()];
                        for (int k = 0; k < g.length; k++) {
                            g[k] = v.dosages()[match.vcfIndices()[k]];
                        }
                        variants.put(v.key(), g);
                        VariantInfo vi = new VariantInfo(v.chrom(), v.position(), v.id(), v.ref(), v.alt());
                        VariantInfo known = info.get(v.key());
                        if (known == null || (known.id().equals(".") && !vi.id().equals("."))) {
                            info.put(v.key(), vi);
                        }
                    }
                }
            }
            // sample call rate over this hospital's variants
            boolean[] keep = new boolean[match.analysable()];
            for (int k = 0; k < keep.length; k++) {
                int called = 0;
                for (byte[] g : variants.values()) {
                    called += g[k] >= 0 ? 1 : 0;
                }
                keep[k] = (double) called / variants.size() >= settings.qc().minSampleCallRate();
            }
            firstRow.add(rows.size());
            for (int k = 0; k < keep.length; k++) {
                if (keep[k]) {
                    rows.add(new Row(s, match.phenotype()[k], match.covariates()[k]));
                }
            }
            Map<String, byte[]> kept = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> e : variants.entrySet()) {
                byte[] g = new byte[(int) java.util.stream.IntStream.range(0, keep.length).filter(k -> keep[k]).count()];
                int j = 0;
                for (int k = 0; k < keep.length; k++) {
                    if (keep[k]) {
                        g[j++] = e.getValue()[k];
                    }
                }
                kept.put(e.getKey(), g);
            }
            perSite.add(kept);
        }
        for (String key : perSite.get(0).keySet()) {
            if (perSite.stream().allMatch(m -> m.containsKey(key))) {
                byte[] all = new byte[rows.size()];
                int offset = 0;
                for (Map<String, byte[]> m : perSite) {
                    byte[] g = m.get(key);
                    System.arraycopy(g, 0, all, offset, g.length);
                    offset += g.length;
                }
                genotypes.put(key, all);
            }
        }
    }

    private List<AssociationResult> analyse(int siteCount) {
        boolean binary = settings.phenotype().kind() == PhenotypeKind.BINARY;
        List<String> keys = new ArrayList<>(genotypes.keySet());
        keys.sort(Comparator.comparing((String k) -> info.get(k).chrom(), ChromosomeOrder.INSTANCE)
                .thenComparingInt(k -> info.get(k).position()).thenComparing(k -> info.get(k).ref())
                .thenComparing(k -> info.get(k).alt()));
        List<AssociationResult> out = new ArrayList<>();
        for (String key : keys) {
            byte[] g = genotypes.get(key);
            if (!passesQc(g, binary)) {
                continue;
            }
            double[] freq = frequency(g);
            AssociationResult r = switch (settings.test()) {
                case ALLELIC -> allelic(info.get(key), g, freq);
                case TREND -> trend(info.get(key), g, freq);
                case LOGISTIC, LINEAR -> regression(info.get(key), g, freq, siteCount);
            };
            out.add(r);
        }
        return out;
    }

    private boolean passesQc(byte[] g, boolean binary) {
        QcSettings qc = settings.qc();
        long called = 0;
        long[] all = new long[3];
        long[] controls = new long[3];
        for (int i = 0; i < g.length; i++) {
            if (g[i] >= 0) {
                called++;
                all[g[i]]++;
                if (!binary || rows.get(i).y() == 0) {
                    controls[g[i]]++;
                }
            }
        }
        if (called == 0 || (double) called / g.length < qc.minVariantCallRate()) {
            return false;
        }
        double alt = (all[1] + 2.0 * all[2]) / (2.0 * called);
        if (Math.min(alt, 1 - alt) < qc.minMaf()) {
            return false;
        }
        if (qc.minHweP() > 0) {
            long[] t = binary && qc.hweControlsOnly() ? controls : all;
            return HardyWeinberg.exactP(t[1], t[0], t[2]) >= qc.minHweP();
        }
        return true;
    }

    /** {alt frequency, samples called}. */
    private static double[] frequency(byte[] g) {
        double alt = 0;
        double called = 0;
        for (byte d : g) {
            if (d >= 0) {
                alt += d;
                called++;
            }
        }
        return new double[] {alt / (2 * called), called};
    }

    private AssociationResult allelic(VariantInfo v, byte[] g, double[] freq) {
        double[][] table = new double[2][2]; // [case?][alt?]
        for (int i = 0; i < g.length; i++) {
            if (g[i] >= 0) {
                int status = rows.get(i).y() == 1 ? 0 : 1;
                table[status][0] += g[i];
                table[status][1] += 2 - g[i];
            }
        }
        double n = table[0][0] + table[0][1] + table[1][0] + table[1][1];
        double chi2 = 0;
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                double expected = (table[r][0] + table[r][1]) * (table[0][c] + table[1][c]) / n;
                chi2 += (table[r][c] - expected) * (table[r][c] - expected) / expected;
            }
        }
        double or = table[0][0] / table[0][1] / (table[1][0] / table[1][1]);
        double se = Math.sqrt(1 / table[0][0] + 1 / table[0][1] + 1 / table[1][0] + 1 / table[1][1]);
        return new AssociationResult(v, freq[0], (long) freq[1], or, se, chi2, Tails.chiSquare1(chi2),
                Tails.chiSquare1NegLog10(chi2), "");
    }

    private AssociationResult trend(VariantInfo v, byte[] g, double[] freq) {
        double n = 0;
        double sg = 0;
        double sy = 0;
        for (int i = 0; i < g.length; i++) {
            if (g[i] >= 0) {
                n++;
                sg += g[i];
                sy += rows.get(i).y();
            }
        }
        double sgg = 0;
        double syy = 0;
        double sgy = 0;
        for (int i = 0; i < g.length; i++) {
            if (g[i] >= 0) {
                double dg = g[i] - sg / n;
                double dy = rows.get(i).y() - sy / n;
                sgg += dg * dg;
                syy += dy * dy;
                sgy += dg * dy;
            }
        }
        double chi2 = n * sgy * sgy / (sgg * syy);
        AssociationResult allelic = allelic(v, g, freq);
        return new AssociationResult(v, freq[0], (long) n, allelic.effect(), allelic.se(), chi2, Tails.chiSquare1(chi2),
                Tails.chiSquare1NegLog10(chi2), "");
    }

    private AssociationResult regression(VariantInfo v, byte[] g, double[] freq, int siteCount) {
        int k = settings.phenotype().covariates().size();
        int siteTerms = settings.adjustForSite() ? siteCount - 1 : 0;
        int p = 2 + k + siteTerms;
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < g.length; i++) {
            if (g[i] < 0) {
                continue;
            }
            Row row = rows.get(i);
            double[] xi = new double[p];
            xi[0] = 1;
            xi[1] = g[i];
            System.arraycopy(row.covariates(), 0, xi, 2, k);
            if (siteTerms > 0 && row.site() > 0) {
                xi[2 + k + row.site() - 1] = 1;
            }
            x.add(xi);
            y.add(row.y());
        }
        int n = x.size();
        double[][] design = x.toArray(new double[0][]);
        double[] outcome = y.stream().mapToDouble(Double::doubleValue).toArray();
        boolean logistic = settings.test() == AssociationTest.LOGISTIC;
        double[] beta = new double[p];
        double[] w = new double[n];
        for (int iteration = 0; iteration < 100; iteration++) {
            // IRLS: weighted least squares of the working response on X
            double[][] a = new double[n][p];
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                double eta = dot(design[i], beta);
                double mu = logistic ? 1 / (1 + Math.exp(-eta)) : eta;
                w[i] = logistic ? mu * (1 - mu) : 1;
                z[i] = logistic ? eta + (outcome[i] - mu) / w[i] : outcome[i];
                double root = Math.sqrt(w[i]);
                for (int j = 0; j < p; j++) {
                    a[i][j] = root * design[i][j];
                }
                z[i] *= root;
            }
            double[] next = new QRDecomposition(new Array2DRowRealMatrix(a, false)).getSolver()
                    .solve(new ArrayRealVector(z, false)).toArray();
            double change = 0;
            for (int j = 0; j < p; j++) {
                change = Math.max(change, Math.abs(next[j] - beta[j]) / (1 + Math.abs(next[j])));
            }
            beta = next;
            if (change < 1e-13 || !logistic) {
                break;
            }
        }
        double[][] xtwx = new double[p][p];
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double eta = dot(design[i], beta);
            double mu = logistic ? 1 / (1 + Math.exp(-eta)) : eta;
            double wi = logistic ? mu * (1 - mu) : 1;
            rss += (outcome[i] - mu) * (outcome[i] - mu);
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    xtwx[a][b] += wi * design[i][a] * design[i][b];
                }
            }
        }
        RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(xtwx)).getSolver().getInverse();
        double b = beta[1];
        if (logistic) {
            double se = Math.sqrt(inverse.getEntry(1, 1));
            double zStat = b / se;
            return new AssociationResult(v, freq[0], n, Math.exp(b), se, zStat, Tails.chiSquare1(zStat * zStat),
                    Tails.chiSquare1NegLog10(zStat * zStat), "");
        }
        double df = n - p;
        double se = Math.sqrt(rss / df * inverse.getEntry(1, 1));
        double t = b / se;
        return new AssociationResult(v, freq[0], n, b, se, t, Tails.studentTwoSided(t, df),
                Tails.studentTwoSidedNegLog10(t, df), "");
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static String describe(List<AssociationResult> results) {
        return Arrays.toString(results.stream().map(r -> r.variant().key()).toArray());
    }
}
