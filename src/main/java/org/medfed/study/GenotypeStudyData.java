package org.medfed.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.medfed.analytics.gwas.GwasRunner;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.tabular.LabelRule;
import org.medfed.data.tabular.MissingPolicy;
import org.medfed.data.tabular.Normalization;
import org.medfed.data.tabular.TabularFederation;
import org.medfed.data.tabular.TabularSettings;
import org.medfed.data.vcf.PhenotypeKind;
import org.medfed.data.vcf.PhenotypeSheet;
import org.medfed.data.vcf.PhenotypeSpec;
import org.medfed.data.vcf.SampleMatch;
import org.medfed.data.vcf.VariantRecord;
import org.medfed.data.vcf.VcfReader;
import org.medfed.engine.BadInputException;
import org.medfed.project.GenotypeSection;
import org.medfed.project.Study;
import org.medfed.concurrency.InOrder;
import org.medfed.data.vcf.VcfReadOptions;

/**
 * The genotype risk model's data: each hospital reads the dosages of the chosen variants from its own VCF and
 * the phenotype and covariates of the same people from its sheet, into a table of its own; from there the
 * tables are prepared like any tabular study (missing dosages filled with the pooled mean, pooled z-scores,
 * a stratified split per hospital).
 */
public final class GenotypeStudyData {

    static final String LABEL = "phenotype";

    private GenotypeStudyData() {
    }

    static TabularStudyData prepare(Study study, Path studyFile, Executor hospitals) {
        check(study, studyFile);
        GenotypeSection g = study.genotypes();
        Map<String, CsvTable> tables = new LinkedHashMap<>();
        for (GwasRunner.SiteInput site : GenotypeFiles.of(study, studyFile)) {
            tables.put(site.name(), table(site, g.phenotype().spec(), g.riskModel(), InOrder.HERE));
        }
        return new TabularStudyData(TabularFederation.prepareTables(tables, settings(study), hospitals));
    }

    /**
     * Refuses a genotype study whose risk model cannot be trained: no variants named, or a quantitative phenotype.
     *
     * @param studyFile the study's file for messages, or null (at a node, which has only the study's settings)
     */
    public static void check(Study study, Path studyFile) {
        GenotypeSection g = study.genotypes();
        if (g == null || g.phenotype() == null || g.riskModel() == null || g.riskModel().variants().isEmpty()) {
            throw new BadInputException(studyFile, null, "a genotype risk model needs \"genotypes\": {\"riskModel\": "
                    + "{\"variants\": [...]}} naming the variants to use");
        }
        PhenotypeSpec spec = g.phenotype().spec();
        if (spec.kind() != PhenotypeKind.BINARY) {
            throw new BadInputException(studyFile, null, "the risk model predicts a binary phenotype; '"
                    + spec.phenotypeColumn() + "' is quantitative");
        }
    }

    /**
     * How the hospitals' tables are prepared: every column but the phenotype is a number (dosages, covariates),
     * missing ones are filled with the pooled mean, and the split and standardisation follow the risk model's
     * settings. The same for the simulation and for the nodes.
     */
    public static TabularSettings settings(Study study) {
        GenotypeSection.RiskModel risk = study.genotypes().riskModel();
        return new TabularSettings(LABEL, List.of(), List.of(), numericTypes(study.genotypes()),
                MissingPolicy.IMPUTE, true, Normalization.parse(risk.normalization()), LabelRule.AS_IS,
                risk.trainFraction(), risk.splitSeed(), true);
    }

    /** One hospital's table, as {@link #table(GwasRunner.SiteInput, PhenotypeSpec, GenotypeSection.RiskModel)}. */
    public static CsvTable table(Study study, GwasRunner.SiteInput site, Executor inflaters) {
        check(study, null);
        return table(site, study.genotypes().phenotype().spec(), study.genotypes().riskModel(), inflaters);
    }

    private static Map<String, ColumnType> numericTypes(GenotypeSection g) {
        Map<String, ColumnType> types = new HashMap<>();
        features(g.phenotype().spec(), g.riskModel()).forEach(c -> types.put(c, ColumnType.NUMERIC));
        return types;
    }

    /** The feature columns of every hospital's table, in order: the chosen variants, then the covariates. */
    private static List<String> features(PhenotypeSpec spec, GenotypeSection.RiskModel risk) {
        List<String> columns = new ArrayList<>(new LinkedHashSet<>(risk.variants()));
        if (risk.covariates()) {
            columns.addAll(spec.covariates());
        }
        return columns;
    }

    /** One hospital's people as rows: dosage of each chosen variant, covariates, phenotype. */
    static CsvTable table(GwasRunner.SiteInput site, PhenotypeSpec spec, GenotypeSection.RiskModel risk,
                          Executor inflaters) {
        Set<String> wanted = new LinkedHashSet<>(risk.variants());
        Map<String, byte[]> dosages = new LinkedHashMap<>();
        SampleMatch match;
        try (VcfReader reader = VcfReader.open(site.vcf(), VcfReadOptions.defaults(), inflaters)) {
            match = PhenotypeSheet.read(site.phenotypes(), spec).match(reader.samples());
            VariantRecord r;
            while ((r = reader.next()) != null) {
                String key = r.chrom() + ":" + r.position();
                String name = wanted.contains(r.id()) ? r.id() : (wanted.contains(key) ? key : null);
                if (name != null && !dosages.containsKey(name)) {
                    dosages.put(name, r.dosages());
                }
            }
        }
        List<String> missing = wanted.stream().filter(v -> !dosages.containsKey(v)).toList();
        if (!missing.isEmpty()) {
            throw new BadInputException(site.vcf(), null, "has no variant " + String.join(", ", missing)
                    + " (give ids as in the VCF's ID column, or chrom:pos)");
        }
        if (match.analysable() == 0) {
            throw new BadInputException(site.phenotypes(), null, "no sample of " + site.vcf().getFileName()
                    + " has a complete phenotype row:\n" + match.describe());
        }
        List<String> columns = features(spec, risk);
        columns.add(LABEL);
        List<String[]> rows = new ArrayList<>();
        int[] lines = new int[match.analysable()];
        for (int i = 0; i < match.analysable(); i++) {
            int sample = match.vcfIndices()[i];
            String[] row = new String[columns.size()];
            int c = 0;
            for (String v : wanted) {
                byte d = dosages.get(v)[sample];
                row[c++] = d == VariantRecord.MISSING ? null : Byte.toString(d);
            }
            if (risk.covariates()) {
                for (double x : match.covariates()[i]) {
                    row[c++] = Double.toString(x);
                }
            }
            row[c] = Long.toString(Math.round(match.phenotype()[i]));
            rows.add(row);
            lines[i] = i + 1;
        }
        return new CsvTable(site.phenotypes(), columns, rows, lines, true);
    }
}
