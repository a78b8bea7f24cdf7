package org.medfed.node;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.medfed.analytics.gwas.GwasHospitalSide;
import org.medfed.analytics.gwas.GwasRunner;
import org.medfed.analytics.gwas.LocalGwasSite;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.tabular.TabularSettings;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.network.node.PolicyRefusal;
import org.medfed.project.Study;
import org.medfed.study.GenotypeStudyData;

/**
 * A VCF file and its phenotype sheet that the hospital registered, as its node serves them: it answers the
 * association study's steps ({@code gwas.prepare}, {@code gwas.counts}, {@code gwas.sums}) with counts and sums,
 * and trains the study's genetic risk model on the table it builds itself from the two files (the {@code table.*}
 * steps, {@code model.open}, then training and evaluation, as {@link TableDataset} serves a registered table).
 * The files are those of the node's configuration; nothing the coordinator sends names a path. The ids of samples
 * left out stay here: the coordinator gets their counts, the node's own log the examples.
 */
public final class GenotypeDataset implements ServedDataset {

    private final String id;
    private final Consumer<String> log;
    private final GwasHospitalSide side;
    private final TableDataset riskModel;
    private LocalGwasSite opened;

    /**
     * @param workDir      where the genotypes are kept at two bits each between studies (rebuilt when the VCF
     *                     changes)
     * @param minimumCount the policy's smallest count that may leave, for the risk model's table summaries
     * @param sessionFile  where the node keeps the risk model's study state across restarts, or null to keep none
     * @param inflaters    inflate the VCF's compressed blocks ahead of its reader (VcfReader.inflaters)
     * @param log          the node's own log, for what only the hospital may read
     */
    public GenotypeDataset(String id, Path vcf, Path phenotypes, Path workDir, int minimumCount, Path sessionFile,
                           Executor inflaters, Consumer<String> log) {
        this.id = id;
        this.log = log;
        this.side = new GwasHospitalSide(plan -> opened = new LocalGwasSite(plan.siteName(), vcf, phenotypes,
                workDir, LocalGwasSite.SampleIds.KEPT_AT_HOSPITAL, inflaters));
        // the risk model: the node builds its own table from the VCF and the sheet with the study's settings,
        // the same table a simulation builds, and serves it like a registered table
        this.riskModel = new TableDataset(id, "genotypes", new TableDataset.Source() {
            @Override
            public CsvTable table(Study study, String participant) {
                return GenotypeStudyData.table(study, new GwasRunner.SiteInput(id, vcf, phenotypes), inflaters);
            }

            @Override
            public TabularSettings settings(Study study) {
                return GenotypeStudyData.settings(study);
            }
        }, minimumCount, sessionFile);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return "genotypes";
    }

    /**
     * The risk model's training rows once its model is built, else the samples analysed once an association study
     * is prepared (for the policy's minimum count), else -1.
     */
    @Override
    public int trainSize() {
        int rows = riskModel.trainSize();
        return rows >= 0 ? rows : side.samples();
    }

    @Override
    public synchronized Params handle(SiteRequest request, RunControl control) {
        if (request.procedure().id().startsWith("images.")) {
            throw new PolicyRefusal("dataset '" + id + "' holds genotypes; its node answers the association study "
                    + "(gwas.*) and the risk model's table and model steps on them, not '"
                    + request.procedure().id() + "'");
        }
        if (!request.procedure().id().startsWith("gwas.")) {
            return riskModel.handle(request, control);
        }
        Params reply = side.handle(request);
        if (request.procedure() == Procedure.GWAS_PREPARE) {
            log.accept("dataset '" + id + "' prepared for an association study; samples (ids not sent):\n"
                    + opened.sampleReport().strip());
        }
        return reply;
    }
}
