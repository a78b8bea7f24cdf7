package org.medfed.gui.genotypes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one hospital's genotype file and phenotype sheet hold, and what the study's quality control keeps of them
 * when judged on this hospital alone (the study itself judges variants on the counts of all hospitals).
 *
 * @param vcfSamples samples in the VCF
 * @param sheetRows data rows of the phenotype sheet
 * @param matched VCF samples with a complete phenotype row
 * @param vcfOnly VCF samples without a phenotype row
 * @param sheetOnly phenotype rows naming no VCF sample
 * @param duplicated ids on more than one phenotype row
 * @param incomplete matched samples with a missing phenotype or covariate
 * @param records VCF data lines
 * @param variants biallelic variants read (multi-allelic sites split)
 * @param missingRate fraction of genotype calls that are missing
 * @param multiAllelic records with several alternate alleles
 * @param noGenotype records without a GT field (left out)
 * @param samplesPassing samples analysed after the sample call-rate filter, or -1 when not judged
 * @param lowCallRate samples left out for their call rate
 * @param variantsPassing variants passing call rate, MAF and HWE at this hospital, or -1 when not judged
 * @param binary whether the phenotype is case/control
 * @param cases analysed cases (binary phenotype)
 * @param controls analysed controls (binary phenotype)
 * @param note why QC could not be judged here, or empty
 */
public record HospitalQc(String hospital, Path vcf, Path sheet, int vcfSamples, int sheetRows, int matched, int vcfOnly,
        int sheetOnly, int duplicated, int incomplete, long records, long variants, double missingRate, long multiAllelic,
        long noGenotype, int samplesPassing, int lowCallRate, long variantsPassing, long failedCallRate, long failedMaf,
        long failedHwe, boolean binary, int cases, int controls, String note) {

    /** One line of the summary table. */
    public record Line(String what, String value) {
    }

    /** The summary as label/value lines, in the order a person checks them. */
    public List<Line> lines() {
        List<Line> out = new ArrayList<>();
        out.add(new Line("Samples in the VCF", String.valueOf(vcfSamples)));
        out.add(new Line("Samples passing QC", samplesPassing < 0 ? "–"
                : samplesPassing + (lowCallRate > 0 ? " (" + lowCallRate + " below the sample call rate)" : "")));
        if (binary) {
            out.add(new Line("Cases / controls", samplesPassing < 0 ? "–" : cases + " / " + controls));
        }
        out.add(new Line("Variants (biallelic)", variants + " in " + records + " records"));
        out.add(new Line("Variants passing QC (this hospital alone)", variantsPassing < 0 ? "–"
                : variantsPassing + " (left out: call rate " + failedCallRate + ", MAF " + failedMaf + ", HWE "
                        + failedHwe + ")"));
        out.add(new Line("Missing-call rate", String.format(Locale.ROOT, "%.2f %%", 100 * missingRate)));
        out.add(new Line("Phenotype ids matched with a complete row", matched + " of " + sheetRows + " rows"));
        out.add(new Line("VCF samples without a phenotype row", String.valueOf(vcfOnly)));
        out.add(new Line("Phenotype rows naming no VCF sample", String.valueOf(sheetOnly)));
        out.add(new Line("Duplicated phenotype ids (left out)", String.valueOf(duplicated)));
        out.add(new Line("Missing phenotype or covariate (left out)", String.valueOf(incomplete)));
        out.add(new Line("Multi-allelic records", String.valueOf(multiAllelic)));
        out.add(new Line("Records without GT (left out)", String.valueOf(noGenotype)));
        return out;
    }

    /** One line for a list of hospitals. */
    public String headline() {
        String people = samplesPassing < 0 ? matched + " matched" : samplesPassing + " analysed";
        String balance = binary && samplesPassing >= 0 ? ", " + cases + " cases / " + controls + " controls" : "";
        return hospital + ": " + vcfSamples + " samples, " + people + balance + ", " + variants + " variants"
                + (variantsPassing >= 0 ? " (" + variantsPassing + " pass QC)" : "");
    }
}
