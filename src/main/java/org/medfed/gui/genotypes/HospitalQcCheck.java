package org.medfed.gui.genotypes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.medfed.analytics.gwas.FederatedGwas;
import org.medfed.analytics.gwas.GwasResult;
import org.medfed.analytics.gwas.GwasSettings;
import org.medfed.analytics.gwas.GwasSite;
import org.medfed.analytics.gwas.LocalGwasSite;
import org.medfed.analytics.gwas.QcReport;
import org.medfed.analytics.gwas.RemoteGwasSite;
import org.medfed.analytics.gwas.SiteSummary;
import org.medfed.data.vcf.PhenotypeKind;
import org.medfed.data.vcf.PhenotypeSheet;
import org.medfed.data.vcf.SampleMatch;
import org.medfed.data.vcf.VcfInspector;
import org.medfed.data.vcf.VcfSummary;
import org.medfed.engine.BadInputException;
import org.medfed.engine.RunControl;

/**
 * Reads one hospital's VCF and phenotype sheet and judges them with the study's own settings. Quality control is
 * the engine's, run as a one-hospital study: what passes is what this hospital alone would contribute, with the
 * same code that the federated study uses, so the preview cannot disagree with the run about what a filter means.
 * Slow (it streams the VCF twice): call it from a background task.
 */
public final class HospitalQcCheck {

    private HospitalQcCheck() {
    }

    /**
     * @param cacheDir where the study keeps its hospitals' genotypes packed between runs
     *        ({@code AssociationStudy.genotypeCache}), so that the study's first run finds this hospital's VCF
     *        already read; null for a study not saved yet (a temporary folder, removed afterwards)
     */
    public static HospitalQc check(String hospital, Path vcf, Path sheet, GwasSettings settings, Path cacheDir) {
        PhenotypeSheet phenotypes = PhenotypeSheet.read(sheet, settings.phenotype());
        VcfSummary summary = VcfInspector.summarize(vcf);
        SampleMatch match = phenotypes.match(summary.samples());
        boolean binary = settings.phenotype().kind() == PhenotypeKind.BINARY;
        int cases = 0;
        for (double y : match.phenotype()) {
            cases += y == 1 ? 1 : 0;
        }
        String note = "";
        if (match.analysable() == 0) {
            note = "No VCF sample has a complete phenotype row: check the id column and the sample names.";
        } else if (binary && (cases == 0 || cases == match.analysable())) {
            note = "This hospital has only " + (cases == 0 ? "controls" : "cases")
                    + ": variant QC is judged with the other hospitals when the study runs.";
        }
        int passing = -1;
        int lowCallRate = 0;
        long variantsPassing = -1;
        long failedCallRate = 0;
        long failedMaf = 0;
        long failedHwe = 0;
        int analysedCases = 0;
        int analysedControls = 0;
        if (note.isEmpty()) {
            GwasResult local = oneHospitalStudy(hospital, vcf, sheet, settings, cacheDir);
            SiteSummary site = local.sites().get(0);
            QcReport qc = local.qc();
            passing = site.analysed();
            lowCallRate = site.lowCallRate();
            variantsPassing = qc.tested();
            failedCallRate = qc.failedCallRate();
            failedMaf = qc.failedMaf();
            failedHwe = qc.failedHwe();
            analysedCases = site.cases();
            analysedControls = site.controls();
        }
        var st = summary.stats();
        return new HospitalQc(hospital, vcf, sheet, summary.samples().size(), phenotypes.rowCount(), match.analysable(),
                match.vcfOnly().size(), match.sheetOnly().size(), match.duplicated().size(), match.incomplete().size(),
                st.records(), st.variants(), st.missingRate(), st.multiAllelicRecords(), st.noGenotypeRecords(), passing,
                lowCallRate, variantsPassing, failedCallRate, failedMaf, failedHwe, binary, analysedCases,
                analysedControls, note);
    }

    private static GwasResult oneHospitalStudy(String hospital, Path vcf, Path sheet, GwasSettings settings,
                                               Path cacheDir) {
        Path work;
        try {
            work = cacheDir != null ? cacheDir : Files.createTempDirectory("medfed-qc-");
        } catch (IOException e) {
            throw new BadInputException("cannot create a temporary folder for the quality check: " + e.getMessage());
        }
        // through the protocol, as the study will ask it; on this background task's thread
        try (GwasSite site = RemoteGwasSite.inProcess(new LocalGwasSite(hospital, vcf, sheet, work), RunControl.free())) {
            return new FederatedGwas(settings).run(List.of(site));
        } finally {
            if (cacheDir == null) {
                deleteQuietly(work);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // an empty temporary folder left behind is harmless
        }
    }
}
