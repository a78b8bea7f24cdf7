package org.medfed.node;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.medfed.analytics.gwas.GwasHospitalSide;
import org.medfed.analytics.gwas.LocalGwasSite;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.network.node.PolicyRefusal;

/**
 * A VCF file and its phenotype sheet that the hospital registered, as its node serves them: it answers the
 * association study's steps ({@code gwas.prepare}, {@code gwas.counts}, {@code gwas.sums}) with counts and sums.
 * The files are those of the node's configuration; nothing the coordinator sends names a path. The ids of samples
 * left out stay here: the coordinator gets their counts, the node's own log the examples.
 */
public final class GenotypeDataset implements ServedDataset {

    private final String id;
    private final Consumer<String> log;
    private final GwasHospitalSide side;
    private LocalGwasSite opened;

    /**
     * @param workDir where the genotypes are kept at two bits each while a study runs (replaced by the next study)
     * @param log     the node's own log, for what only the hospital may read
     */
    public GenotypeDataset(String id, Path vcf, Path phenotypes, Path workDir, Consumer<String> log) {
        this.id = id;
        this.log = log;
        this.side = new GwasHospitalSide(plan -> opened = new LocalGwasSite(plan.siteName(), vcf, phenotypes,
                workDir, LocalGwasSite.SampleIds.KEPT_AT_HOSPITAL));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return "genotypes";
    }

    /** The samples analysed once a study is prepared (for the policy's minimum count), else -1. */
    @Override
    public int trainSize() {
        return side.samples();
    }

    @Override
    public synchronized Params handle(SiteRequest request, RunControl control) {
        if (!request.procedure().id().startsWith("gwas.")) {
            // training a model on genotypes at a node (the risk model) is not written yet
            throw new PolicyRefusal("dataset '" + id + "' holds genotypes; this version's nodes answer the "
                    + "association study on them (gwas.prepare, gwas.counts, gwas.sums), not '"
                    + request.procedure().id() + "'");
        }
        Params reply = side.handle(request);
        if (request.procedure() == Procedure.GWAS_PREPARE) {
            log.accept("dataset '" + id + "' prepared for an association study; samples (ids not sent):\n"
                    + opened.sampleReport().strip());
        }
        return reply;
    }
}
