package org.medfed.analytics.gwas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import org.medfed.data.vcf.PhenotypeKind;
import org.medfed.data.vcf.PhenotypeSpec;
import org.medfed.engine.RunControl;
import org.medfed.testsupport.SharedData;
import org.medfed.testsupport.TestWorkers;
import org.medfed.transport.InProcessTransport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof of exactness on real genotypes: the 1000 Genomes exome slice split into four hospitals gives, run
 * federated, the statistics of the plain pooled analysis ({@link PooledGwas}) to 1e-9 relative.
 */
class FederatedEqualsPooledTest {

    static final double RELATIVE = 1e-9;
    static final QcSettings QC = new QcSettings(0.8, 0.9, 0.01, 1e-6, true);

    @TempDir
    static Path tmp;

    static List<PooledGwas.SiteFiles> sites;

    @BeforeAll
    static void split() {
        sites = ExomeSplit.write(SharedData.data("vcf-htsjdk-hts-specs/valid/"
                + "ILLUMINA.wex.broad_phase2_baseline.20111114.both.exome.genotypes.1000.vcf"), tmp.resolve("split"), 2024);
    }

    @Test
    void allelicTest() {
        compare(settings("disease", PhenotypeKind.BINARY, List.of(), AssociationTest.ALLELIC, false));
    }

    @Test
    void trendTest() {
        compare(settings("disease", PhenotypeKind.BINARY, List.of(), AssociationTest.TREND, false));
    }

    @Test
    void logisticRegressionWithCovariatesAndHospitalTerms() {
        GwasResult result = compare(settings("disease", PhenotypeKind.BINARY, List.of("age", "sex"),
                AssociationTest.LOGISTIC, true));
        assertThat(result.designColumns()).containsExactly("intercept", "genotype", "age", "sex",
                "site:hospital-b", "site:hospital-c", "site:hospital-d");
        // the variant the synthetic phenotype was drawn from comes out on top
        assertThat(result.top(1).get(0).variant().key()).isEqualTo(ExomeSplit.CAUSAL);
    }

    @Test
    void logisticRegressionWithoutCovariates() {
        compare(settings("disease", PhenotypeKind.BINARY, List.of(), AssociationTest.LOGISTIC, false));
    }

    @Test
    void linearRegressionWithCovariates() {
        // 1000 Genomes mixes populations, so Hardy-Weinberg over everyone (a quantitative trait has no controls)
        // fails for variants whose frequency differs between populations (Wahlund effect), the causal one included
        GwasSettings noHwe = settings("ldl", PhenotypeKind.QUANTITATIVE, List.of("age", "sex"), AssociationTest.LINEAR, true)
                .withQc(new QcSettings(0.8, 0.9, 0.01, 0, false));
        GwasResult result = compare(noHwe);
        assertThat(result.top(1).get(0).variant().key()).isEqualTo(ExomeSplit.CAUSAL);
        GwasResult withHwe = federated(noHwe.withQc(QC));
        assertThat(withHwe.qc().failedHwe()).isPositive();
        assertThat(withHwe.results()).noneMatch(r -> r.variant().key().equals(ExomeSplit.CAUSAL));
    }

    @Test
    void sitesReportWhoWasLeftOutAndQcCountsAddUp() {
        GwasResult result = federated(settings("disease", PhenotypeKind.BINARY, List.of(), AssociationTest.ALLELIC, false));
        SiteSummary a = result.sites().get(0);
        assertThat(a.vcfSamples()).isEqualTo(300);
        assertThat(a.sampleMatch()).contains("1 phenotype row names no sample of the VCF (ignored), e.g. NOT_IN_VCF_0");
        assertThat(a.sampleMatch()).contains("samples have a missing phenotype or covariate (left out)");
        assertThat(a.records()).isEqualTo(122);
        assertThat(a.variants()).isEqualTo(123);
        assertThat(a.multiAllelicRecords()).isEqualTo(1);
        QcReport qc = result.qc();
        assertThat(qc.variantsSeen()).isEqualTo(123);
        assertThat(qc.notAtEverySite()).isZero();
        assertThat(qc.failedCallRate() + qc.failedMaf() + qc.failedHwe() + qc.tested()).isEqualTo(123);
        assertThat(qc.tested()).isGreaterThanOrEqualTo(15);
        int analysed = result.sites().stream().mapToInt(SiteSummary::analysed).sum();
        int lowCallRate = result.sites().stream().mapToInt(SiteSummary::lowCallRate).sum();
        assertThat(lowCallRate).isPositive();
        assertThat(analysed + lowCallRate).isLessThan(1182);
    }

    @Test
    void rerunsAreBitIdenticalWhateverTheThreadingAndWithOrWithoutTheProtocol() {
        GwasSettings s = settings("disease", PhenotypeKind.BINARY, List.of("age", "sex"), AssociationTest.LOGISTIC, true);
        GwasResult parallel = federated(s);
        // the sites asked directly, one after another on this thread, without encoding a message
        GwasResult serial;
        List<GwasSite> local = localSites();
        try {
            serial = new FederatedGwas(s).run(local);
        } finally {
            local.forEach(GwasSite::close);
        }
        assertThat(serial.sites()).isEqualTo(parallel.sites());
        assertThat(serial.qc()).isEqualTo(parallel.qc());
        assertThat(serial.results()).isEqualTo(parallel.results());
        assertThat(Double.doubleToRawLongBits(serial.lambda())).isEqualTo(Double.doubleToRawLongBits(parallel.lambda()));
    }

    static GwasSettings settings(String phenotype, PhenotypeKind kind, List<String> covariates, AssociationTest test,
            boolean adjustForSite) {
        return GwasSettings.of(new PhenotypeSpec("sample_id", phenotype, kind, covariates), test).withQc(QC)
                .withAdjustForSite(adjustForSite);
    }

    static List<GwasSite> localSites() {
        return sites.stream().<GwasSite>map(s -> new LocalGwasSite(s.name(), s.vcf(), s.phenotypes(), tmp.resolve("work")))
                .toList();
    }

    /** The study as it runs: each hospital reached through the protocol, all four at once. */
    static GwasResult federated(GwasSettings settings) {
        List<GwasSite> sites = localSites().stream()
                .<GwasSite>map(site -> RemoteGwasSite.inProcess(site, RunControl.free())).toList();
        try (InProcessTransport transport = new InProcessTransport(TestWorkers.shared(), 4)) {
            return new FederatedGwas(settings).run(sites, transport, Duration.ofMinutes(5));
        } finally {
            sites.forEach(GwasSite::close);
        }
    }

    private static GwasResult compare(GwasSettings settings) {
        GwasResult federated = federated(settings);
        List<AssociationResult> pooled = PooledGwas.run(sites, settings);
        assertSame(federated.results(), pooled);
        return federated;
    }

    static void assertSame(List<AssociationResult> federated, List<AssociationResult> pooled) {
        assertThat(federated).extracting(r -> r.variant().key())
                .containsExactlyElementsOf(pooled.stream().map(r -> r.variant().key()).toList());
        assertThat(federated).hasSizeGreaterThan(10);
        for (int i = 0; i < federated.size(); i++) {
            AssociationResult f = federated.get(i);
            AssociationResult p = pooled.get(i);
            String what = f.variant().key();
            assertThat(f.note()).as(what).isEmpty();
            assertThat(f.n()).as(what).isEqualTo(p.n());
            close(what + " frequency", f.altFrequency(), p.altFrequency());
            close(what + " effect", f.effect(), p.effect());
            close(what + " se", f.se(), p.se());
            close(what + " statistic", f.statistic(), p.statistic());
            close(what + " p", f.p(), p.p());
            close(what + " -log10 p", f.negLog10P(), p.negLog10P());
        }
    }

    static void close(String what, double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            assertThat(a).as(what).isNaN();
            assertThat(b).as(what).isNaN();
            return;
        }
        double scale = Math.max(Math.abs(a), Math.abs(b));
        assertThat(Math.abs(a - b)).as("%s: federated %s, pooled %s", what, a, b)
                .isLessThanOrEqualTo(RELATIVE * scale + 1e-300);
    }
}
