package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The genotype sample study through the command line: association study, risk model, inspection. */
class GenotypeStudyEndToEndTest {

    static final String STUDY = "sample-projects/genotypes-4-hospitals/study.json";

    @TempDir
    Path tmp;

    @Test
    void gwasFindsExactlyTheFourCausalVariants() throws Exception {
        CliRunner r = CliRunner.run("gwas", STUDY, "--out", tmp.resolve("gwas").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        // the sample's README names syn238, syn511, syn1164 and syn1507 as causal
        assertThat(r.out()).contains("4 variant(s) pass p < 5.0E-8:").contains("syn238 ", "syn511 ", "syn1164 ", "syn1507 ");
        for (String f : new String[] {"results.tsv", "manhattan.png", "qq.png", "summary.txt"}) {
            assertThat(tmp.resolve("gwas").resolve(f)).isRegularFile();
        }
        assertThat(Files.readAllLines(tmp.resolve("gwas/results.tsv")).get(0)).startsWith("CHROM\tPOS\tID\tREF\tALT");
    }

    @Test
    void samplesLeftOutAreSaidWhereTheStudyRanNotOnlyInTheSummary() throws Exception {
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        try (var files = Files.list(Path.of(STUDY).getParent())) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        // hospital-d's sheet without its first 19 people: their genotypes have no phenotype to go with
        Path sheet = copy.resolve("hospital-d-phenotypes.csv");
        var lines = Files.readAllLines(sheet);
        Files.write(sheet, java.util.stream.Stream.concat(lines.stream().limit(1), lines.stream().skip(20)).toList());
        CliRunner r = CliRunner.run("gwas", copy.resolve("study.json").toString(), "--out", tmp.resolve("gwas").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("hospital-d: 131 of 150 VCF samples analysed: 19 VCF samples have no row in the "
                + "phenotype sheet (left out), e.g. HD-0001, HD-0002, HD-0003, HD-0004, HD-0005, ...\n")
                .contains("hospital-a: 148 of 150 VCF samples analysed: 1 sample has a missing phenotype or covariate "
                        + "(left out), e.g. HA-0002; 1 sample below the study's minimum call rate (left out)\n");
    }

    @Test
    void theRiskModelTrainsFederatedAndComparesWithLocalAndPooled() {
        CliRunner r = CliRunner.run("run", STUDY, "--baselines", "--rounds", "5", "--out", tmp.resolve("risk").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("federated", "local:hospital-a", "pooled").contains("auc");
        assertThat(tmp.resolve("risk/model/model-card.json")).isRegularFile();
    }

    @Test
    void inspectDescribesAVcf() {
        CliRunner r = CliRunner.run("inspect", "sample-projects/genotypes-4-hospitals/hospital-b.vcf.gz");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Samples:               150").contains("Records:               2000");
    }

    @Test
    void aGenotypeStudyWithOneFilePerHospitalIsExplained() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, Files.readString(Path.of(STUDY))
                .replace("\"hospital-a.vcf.gz\", \"hospital-a-phenotypes.csv\"", "\"hospital-a.vcf.gz\""));
        CliRunner r = CliRunner.run("gwas", bad.toString(), "--out", tmp.resolve("x").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("participant 'hospital-a' lists 1 files; a genotype study takes two per hospital");
    }

    @Test
    void anUnknownPhenotypeKindNamesTheFileAndTheField() throws Exception {
        Path bad = tmp.resolve("study.json");
        Files.writeString(bad, Files.readString(Path.of(STUDY)).replaceFirst("\"kind\" *: *\"binary\"", "\"kind\": \"binay\""));
        CliRunner r = CliRunner.run("gwas", bad.toString(), "--out", tmp.resolve("x").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("study.json: genotypes.phenotype.kind is 'binay', expected binary or quantitative");
    }
}
