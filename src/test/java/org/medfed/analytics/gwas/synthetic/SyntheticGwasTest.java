package org.medfed.analytics.gwas.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.medfed.analytics.gwas.AssociationResult;
import org.medfed.analytics.gwas.AssociationTest;
import org.medfed.analytics.gwas.GwasResult;
import org.medfed.analytics.gwas.GwasRunner;
import org.medfed.analytics.gwas.GwasSettings;
import org.medfed.data.vcf.PhenotypeKind;
import org.medfed.data.vcf.PhenotypeSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.testsupport.TestWorkers;

class SyntheticGwasTest {

    static final Path COMMITTED = Path.of("sample-projects", "genotypes-4-hospitals");

    @TempDir
    static Path tmp;

    static SyntheticStudy study;

    @BeforeAll
    static void generate() {
        study = SyntheticGwasGenerator.generate(SyntheticGwasConfig.sampleProject(), tmp.resolve("study"));
    }

    static List<GwasRunner.SiteInput> inputs(Path dir) {
        List<GwasRunner.SiteInput> inputs = new ArrayList<>();
        for (String h : SyntheticGwasConfig.sampleProject().hospitals()) {
            inputs.add(new GwasRunner.SiteInput(h, dir.resolve(h + ".vcf.gz"), dir.resolve(h + "-phenotypes.csv")));
        }
        return inputs;
    }

    @Test
    void theAssociationStudyFindsExactlyTheCausalVariants() throws IOException {
        GwasSettings settings = GwasSettings.of(new PhenotypeSpec("sample_id", "disease", PhenotypeKind.BINARY,
                List.of("age", "sex")), AssociationTest.LOGISTIC).withAdjustForSite(true);
        Path out = tmp.resolve("out");
        GwasResult result = GwasRunner.run(TestWorkers.shared(), inputs(study.vcfs().get(0).getParent()), settings, out,
                tmp.resolve("cache"));

        List<String> causal = study.causal().stream().map(SyntheticVariant::key).sorted().toList();
        assertThat(causal).hasSize(4);
        assertThat(result.top(4)).extracting(r -> r.variant().key()).containsExactlyInAnyOrderElementsOf(causal);
        assertThat(result.hits()).extracting(r -> r.variant().key()).containsExactlyInAnyOrderElementsOf(causal);
        // effects point the way they were drawn: a positive liability effect raises the odds
        for (AssociationResult hit : result.hits()) {
            SyntheticVariant truth = study.variants().stream().filter(v -> v.key().equals(hit.variant().key()))
                    .findFirst().orElseThrow();
            assertThat(Math.signum(Math.log(hit.effect()))).isEqualTo(Math.signum(truth.effect()));
        }
        // the planted problems are caught: one poorly genotyped sample and one NA phenotype per hospital
        assertThat(result.sites()).allSatisfy(s -> {
            assertThat(s.lowCallRate()).isEqualTo(1);
            assertThat(s.analysed()).isEqualTo(148);
        });
        assertThat(result.qc().failedMaf()).isPositive();
        assertThat(result.qc().failedHwe()).isPositive();
        assertThat(result.lambda()).isBetween(0.85, 1.15);

        assertThat(Files.readAllLines(out.resolve(GwasRunner.RESULTS))).hasSize(result.results().size() + 1)
                .first().asString().startsWith("CHROM\tPOS\tID\tREF\tALT\tALT_FREQ\tN\tOR\tSE\tZ\tP");
        assertThat(Files.readString(out.resolve(GwasRunner.SUMMARY))).contains("Hits (p < 5.00e-08): 4");
        BufferedImage manhattan = ImageIO.read(out.resolve(GwasRunner.MANHATTAN).toFile());
        assertThat(manhattan.getWidth()).isEqualTo(1600);
        assertThat(manhattan.getHeight()).isEqualTo(600);
        BufferedImage qq = ImageIO.read(out.resolve(GwasRunner.QQ).toFile());
        assertThat(qq.getWidth()).isEqualTo(700);
        assertThat(qq.getHeight()).isEqualTo(700);
        assertThat(out).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith(".medfed-work"));
    }

    @Test
    void hospitalFrequenciesDriftWithTheRequestedFst() {
        // Balding-Nichols: Var(p_hospital) = F p (1 - p); averaged over many variants the ratio estimates F
        SyntheticGwasConfig config = SyntheticGwasConfig.sampleProject().resized(10, 20_000);
        double sum = 0;
        int n = 0;
        for (SyntheticVariant v : SyntheticGwasGenerator.plan(config)) {
            double p = v.ancestralFrequency();
            double var = 0;
            for (double f : v.hospitalFrequencies()) {
                var += (f - p) * (f - p);
            }
            sum += var / v.hospitalFrequencies().length / (p * (1 - p));
            n++;
        }
        assertThat(sum / n).isCloseTo(0.02, within(0.001));
    }

    @Test
    void theSameSeedWritesTheSameFiles() throws IOException {
        Path again = tmp.resolve("again");
        SyntheticGwasGenerator.generate(SyntheticGwasConfig.sampleProject(), again);
        assertSameFiles(study.vcfs().get(0).getParent(), again);
    }

    @Test
    void theCommittedSampleProjectIsWhatTheGeneratorWrites() throws IOException {
        assertThat(COMMITTED.resolve("README.md")).exists();
        assertSameFiles(study.vcfs().get(0).getParent(), COMMITTED);
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        for (String h : SyntheticGwasConfig.sampleProject().hospitals()) {
            assertThat(gunzip(actual.resolve(h + ".vcf.gz"))).isEqualTo(gunzip(expected.resolve(h + ".vcf.gz")));
            assertThat(actual.resolve(h + "-phenotypes.csv")).hasSameTextualContentAs(expected.resolve(h + "-phenotypes.csv"));
        }
        assertThat(actual.resolve("README.md")).hasSameTextualContentAs(expected.resolve("README.md"));
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }
}
