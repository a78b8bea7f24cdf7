package org.medfed.analytics.gwas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.medfed.data.vcf.PhenotypeKind;
import org.medfed.data.vcf.PhenotypeSpec;
import org.medfed.engine.BadInputException;
import org.medfed.engine.RunCancelledException;
import org.medfed.engine.RunControl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.concurrency.Workers;
import org.medfed.testsupport.TestWorkers;

/** How the study behaves with awkward inputs: it explains itself instead of failing obscurely. */
class FederatedGwasBehaviourTest {

    @TempDir
    Path tmp;

    private static final PhenotypeSpec BINARY = new PhenotypeSpec("id", "y", PhenotypeKind.BINARY, List.of());
    private static final int[] G = {0, 1, 2, 1, 0, 1, 2, 0};
    private static final double[] Y = {0, 1, 1, 0, 0, 1, 1, 0};

    @Test
    void aVariantMissingFromOneHospitalIsCountedAndNotTested() {
        GwasResult result = new TinyStudy(tmp)
                .site("A", new int[][] {G, G}, Y, null)
                .site("B", new int[][] {G}, Y, null)
                .run(GwasSettings.of(BINARY, AssociationTest.ALLELIC).withQc(QcSettings.none()));
        assertThat(result.qc().variantsSeen()).isEqualTo(2);
        assertThat(result.qc().notAtEverySite()).isEqualTo(1);
        assertThat(result.qc().notAtEverySiteExamples()).containsExactly("1:200:A:G");
        assertThat(result.results()).extracting(r -> r.variant().key()).containsExactly("1:100:A:G");
        assertThat(GwasSummaryText.format(result)).contains("not present at every hospital: 1 (not tested), e.g. 1:200:A:G");
    }

    /**
     * Hospitals join their variants by contig, position and alleles, whatever order their files list the contigs in
     * and whatever other variants lie between; the description kept is the first hospital's, or the first with an ID
     * where those before it have none.
     */
    @Test
    void variantsListedInOtherOrdersAreJoinedAndTheFirstIdIsKept() throws IOException {
        int[] other = {2, 1, 0, 1, 2, 1, 0, 0};
        TinyStudy study = new TinyStudy(tmp)
                .site("A", new int[][] {G, other, G}, Y, null)
                .site("B", new int[][] {G, other, G}, Y, null)
                .site("C", new int[][] {G, other, G}, Y, null);
        // the third variant on contig 2 everywhere; A without an ID for the second, C without any
        for (int site = 0; site < 3; site++) {
            Path vcf = study.files().get(site).vcf();
            String text = Files.readString(vcf).replace("1\t300\tv3\t", "2\t50\tv3\t");
            text = site == 0 ? text.replace("\tv2\t", "\t.\t") : site == 2 ? text.replaceAll("\tv\\d\t", "\t.\t") : text;
            Files.writeString(vcf, text);
        }
        // B lists contig 2 first, with IDs of its own, and a variant of its own between the others
        Path b = study.files().get(1).vcf();
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(b));
        List<String> records = new java.util.ArrayList<>(lines.subList(lines.size() - 3, lines.size()));
        lines.subList(lines.size() - 3, lines.size()).clear();
        lines.add(records.get(2).replace("\tv3\t", "\trsB3\t"));
        lines.add(records.get(0).replace("\tv1\t", "\trsB1\t"));
        lines.add(records.get(0).replace("1\t100\tv1\t", "1\t150\trsB9\t"));
        lines.add(records.get(1).replace("\tv2\t", "\trsB2\t"));
        Files.write(b, lines);

        GwasResult result = study.run(GwasSettings.of(BINARY, AssociationTest.ALLELIC).withQc(QcSettings.none()));

        assertThat(result.qc().notAtEverySite()).isEqualTo(1);
        assertThat(result.qc().notAtEverySiteExamples()).containsExactly("1:150:A:G");
        assertThat(result.results()).extracting(r -> r.variant().key() + " " + r.variant().id())
                .containsExactly("1:100:A:G v1", "1:200:A:G rsB2", "2:50:A:G v3");
        // each variant summed the same variant's genotypes at every hospital: three times one hospital's table
        GwasResult alone = new TinyStudy(Files.createDirectories(tmp.resolve("one"))).site("A", new int[][] {G, other, G}, Y, null)
                .run(GwasSettings.of(BINARY, AssociationTest.ALLELIC).withQc(QcSettings.none()));
        for (int v = 0; v < 3; v++) {
            assertThat(result.results().get(v).n()).isEqualTo(3 * alone.results().get(v).n());
            assertThat(result.results().get(v).altFrequency()).isEqualTo(alone.results().get(v).altFrequency());
        }
    }

    @Test
    void binaryTestsRefuseAQuantitativePhenotypeAndCountTestsRefuseCovariates() {
        PhenotypeSpec quantitative = new PhenotypeSpec("id", "y", PhenotypeKind.QUANTITATIVE, List.of());
        assertThatThrownBy(() -> GwasSettings.of(quantitative, AssociationTest.LOGISTIC))
                .isInstanceOf(BadInputException.class).hasMessageContaining("needs a binary phenotype");
        PhenotypeSpec withAge = new PhenotypeSpec("id", "y", PhenotypeKind.BINARY, List.of("age"));
        assertThatThrownBy(() -> GwasSettings.of(withAge, AssociationTest.TREND))
                .isInstanceOf(BadInputException.class).hasMessageContaining("cannot adjust for covariates age");
        assertThatThrownBy(() -> new QcSettings(1.5, 0.9, 0.01, 1e-6, true))
                .isInstanceOf(BadInputException.class).hasMessageContaining("minimum sample call rate is 1.5");
    }

    @Test
    void noCasesAtAllIsExplained() {
        TinyStudy study = new TinyStudy(tmp).site("A", new int[][] {G}, new double[8], null);
        assertThatThrownBy(() -> study.run(GwasSettings.of(BINARY, AssociationTest.ALLELIC).withQc(QcSettings.none())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("0 cases and 8 controls");
    }

    @Test
    void aSheetThatMatchesNoSampleShowsWhatTheIdsLookLike() throws IOException {
        TinyStudy study = new TinyStudy(tmp).site("A", new int[][] {G}, Y, null);
        Path sheet = study.files().get(0).phenotypes();
        Files.writeString(sheet, "id,y\nP001,1\nP002,0\n");
        assertThatThrownBy(() -> study.run(GwasSettings.of(BINARY, AssociationTest.ALLELIC)))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("A.csv: no row of the phenotype sheet can be used for the 8 samples of A.vcf")
                // each group left out its own clause, not run together
                .hasMessageContaining("0 of 8 VCF samples have a complete phenotype row; 8 VCF samples have no row in "
                        + "the phenotype sheet (left out)")
                .hasMessageContaining("VCF samples look like: A_0, A_1, A_2, A_3, A_4")
                .hasMessageContaining("sheet ids look like: P001, P002");
    }

    @Test
    void collinearCovariatesAreExplainedBeforeAnyVariant() {
        double[][] covariates = new double[8][];
        for (int i = 0; i < 8; i++) {
            covariates[i] = new double[] {i, 2 * i};
        }
        TinyStudy study = new TinyStudy(tmp).site("A", new int[][] {G}, Y, covariates);
        PhenotypeSpec spec = new PhenotypeSpec("id", "y", PhenotypeKind.BINARY, List.of("c1", "c2"));
        assertThatThrownBy(() -> study.run(GwasSettings.of(spec, AssociationTest.LOGISTIC).withQc(QcSettings.none())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("covariates (c1, c2) are collinear");
    }

    @Test
    void repeatedVariantRecordsAreCountedOnce() throws IOException {
        TinyStudy study = new TinyStudy(tmp).site("A", new int[][] {G}, Y, null);
        Path vcf = study.files().get(0).vcf();
        List<String> lines = Files.readAllLines(vcf);
        lines.add(lines.get(lines.size() - 1));
        Files.write(vcf, lines);
        GwasResult result = study.run(GwasSettings.of(BINARY, AssociationTest.ALLELIC).withQc(QcSettings.none()));
        assertThat(result.sites().get(0).duplicateVariants()).isEqualTo(1);
        assertThat(result.results()).hasSize(1);
    }

    /**
     * A repeat is found wherever it lies: after another allele at the same position, and after records of another
     * contig in between (contigs may interleave); the same position with other alleles is no repeat.
     */
    @Test
    void repeatedVariantRecordsAreFoundAcrossOtherAllelesAndInterleavedContigs() throws IOException {
        TinyStudy study = new TinyStudy(tmp).site("A", new int[][] {G}, Y, null);
        Path vcf = study.files().get(0).vcf();
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(vcf));
        String v1 = lines.get(lines.size() - 1); // 1:100 A>G
        String otherAllele = v1.replace("\tA\tG\t", "\tA\tC\t").replace("\tv1\t", "\tv1c\t");
        String otherContig = v1.replaceFirst("^1\t100\tv1\t", "2\t50\tw1\t");
        String later = v1.replaceFirst("^1\t100\tv1\t", "1\t300\tv3\t");
        lines.addAll(List.of(otherAllele, v1, otherContig, v1, otherAllele, later, otherContig.replaceFirst("^2\t50\t", "2\t60\t")));
        Files.write(vcf, lines);
        GwasResult result = study.run(GwasSettings.of(BINARY, AssociationTest.ALLELIC).withQc(QcSettings.none()));
        assertThat(result.sites().get(0).duplicateVariants()).isEqualTo(3);
        assertThat(result.results()).extracting(r -> r.variant().chrom() + ":" + r.variant().position() + ":" + r.variant().alt())
                .containsExactlyInAnyOrder("1:100:G", "1:100:C", "1:300:G", "2:50:G", "2:60:G");
    }

    @Test
    void aStoppedStudyEndsWithCancellation() {
        TinyStudy study = new TinyStudy(tmp).site("A", new int[][] {G}, Y, null);
        RunControl control = RunControl.free();
        control.cancel();
        List<GwasSite> sites = study.sites();
        try {
            assertThatThrownBy(() -> new FederatedGwas(GwasSettings.of(BINARY, AssociationTest.ALLELIC), control,
                    GwasProgress.NONE).run(sites)).isInstanceOf(RunCancelledException.class);
        } finally {
            sites.forEach(GwasSite::close);
        }
    }

    @Test
    void theRunnerNamesAMissingFile() {
        GwasRunner.SiteInput input = new GwasRunner.SiteInput("A", tmp.resolve("nowhere.vcf.gz"), tmp.resolve("a.csv"));
        assertThatThrownBy(() -> GwasRunner.run(TestWorkers.shared(), List.of(input), GwasSettings.of(BINARY, AssociationTest.ALLELIC),
                tmp.resolve("out"), tmp.resolve("cache"))).isInstanceOf(BadInputException.class)
                .hasMessage("a.csv: file not found");
    }

    @Test
    void theOutputsAreTheSameWrittenOneAfterAnotherOrAtOnce() throws IOException {
        // enough variants that the table is formatted in several pieces, by whichever writer threads are free
        int[][] variants = new int[2_500][];
        java.util.Arrays.fill(variants, G);
        GwasResult result = new TinyStudy(tmp).site("A", variants, Y, null).site("B", variants, Y, null)
                .run(GwasSettings.of(BINARY, AssociationTest.ALLELIC).withQc(QcSettings.none()));
        assertThat(result.results()).hasSize(2_500);
        try (Workers one = new Workers(1); Workers four = new Workers(4)) {
            GwasRunner.write(one, result, tmp.resolve("one"));
            GwasRunner.write(four, result, tmp.resolve("four"));
        }
        for (String file : GwasRunner.OUTPUTS) {
            assertThat(Files.readAllBytes(tmp.resolve("four").resolve(file)))
                    .isEqualTo(Files.readAllBytes(tmp.resolve("one").resolve(file)));
        }
    }

    @Test
    void whenOutputsCannotBeWrittenTheFirstOneInOrderIsNamed() throws IOException {
        GwasResult result = new TinyStudy(tmp).site("A", new int[][] {G}, Y, null)
                .run(GwasSettings.of(BINARY, AssociationTest.ALLELIC).withQc(QcSettings.none()));
        Path out = tmp.resolve("blocked");
        Files.createDirectories(out.resolve(GwasRunner.QQ));
        Files.createDirectories(out.resolve(GwasRunner.RESULTS));
        try (Workers four = new Workers(4)) {
            assertThatThrownBy(() -> GwasRunner.write(four, result, out)).hasMessageContaining(GwasRunner.RESULTS)
                    .hasMessageNotContaining(GwasRunner.QQ);
        }
    }

    @Test
    void hospitalNamesMustDiffer() {
        TinyStudy study = new TinyStudy(tmp).site("A", new int[][] {G}, Y, null);
        List<GwasSite> twice = List.of(study.sites().get(0), study.sites().get(0));
        assertThatThrownBy(() -> new FederatedGwas(GwasSettings.of(BINARY, AssociationTest.ALLELIC)).run(twice))
                .isInstanceOf(BadInputException.class).hasMessageContaining("hospital names must be different");
    }
}
