package org.medfed.study;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.medfed.analytics.gwas.GwasProgress;
import org.medfed.analytics.gwas.GwasResult;
import org.medfed.analytics.gwas.GwasRunner;
import org.medfed.analytics.gwas.GwasSettings;
import org.medfed.analytics.gwas.GwasSite;
import org.medfed.analytics.gwas.RemoteGwasSite;
import org.medfed.concurrency.Workers;
import org.medfed.engine.BadInputException;
import org.medfed.engine.RunControl;
import org.medfed.io.OutputFolder;
import org.medfed.network.coordinator.NodeRegistry;
import org.medfed.project.GenotypeSection;
import org.medfed.project.Study;
import org.medfed.transport.InProcessTransport;

/**
 * Runs a genotype study's federated association analysis: every hospital answers with counts and regression
 * sums only, and the statistics equal those of the pooled analysis. The hospitals' files are here (a simulation)
 * or behind their nodes; either way each call to a hospital is a request of the protocol, under the study's time
 * limit for one call ({@code training.timeoutSeconds}, 30 minutes unless set).
 */
public final class AssociationStudy {

    private AssociationStudy() {
    }

    /**
     * Simulates the study over the hospitals' files, which the study file lists.
     *
     * @param replace whether outputs already in {@code outDir} may be replaced (the user's {@code --force});
     *                otherwise a folder that holds anything is refused
     */
    public static GwasResult run(Workers workers, Study study, Path studyFile, Path outDir, boolean replace,
                                 RunControl control, GwasProgress progress) {
        GwasSettings settings = settings(study, studyFile);
        var inputs = GenotypeFiles.of(study, studyFile);
        return into(workers, outDir, replace, () -> GwasRunner.run(workers, inputs, settings, outDir, genotypeCache(studyFile),
                timeLimit(study), control, progress));
    }

    /**
     * Where a simulated study's hospitals keep their genotypes packed between runs: beside the study, in the folder
     * of its runs ({@code heart.json} keeps them in {@code heart.runs/genotype-cache}). A hospital behind a node keeps
     * its own beside the node's state.
     */
    public static Path genotypeCache(Path studyFile) {
        return RunFolder.historyOf(studyFile).resolve("genotype-cache");
    }

    /** Runs {@code study} with {@code outDir} locked, its earlier outputs removed, and marks it finished at the end. */
    private static GwasResult into(Workers workers, Path outDir, boolean replace,
                                   java.util.function.Supplier<GwasResult> study) {
        // Ctrl-C ends the JVM without closing the folder, which would stay behind holding only its lock
        try (OutputFolder folder = OutputFolder.claim(outDir, "gwas", replace ? OutputFolder.Mode.REPLACE
                : OutputFolder.Mode.NEW, GwasRunner.OUTPUTS);
             Workers.ExitAction tidy = workers.atExit("medfed-tidy", folder::close)) {
            GwasResult result = study.get();
            folder.finish();
            return result;
        }
    }

    /**
     * Runs the study with hospitals behind their nodes: waits up to {@code wait} for the nodes, then asks each to
     * prepare the genotype dataset it registered, and runs the study over the network. No path travels; each
     * node reads its own files.
     *
     * @param messages told what the coordinator is waiting for
     */
    public static GwasResult runThroughNodes(Workers workers, Study study, Path studyFile, NodeRegistry nodes, Duration wait,
                                             Path outDir, boolean replace, RunControl control,
                                             GwasProgress progress, Consumer<String> messages) {
        if (!"genotypes".equals(study.dataType())) {
            throw new BadInputException(studyFile, null, "an association study needs a genotype study "
                    + "(\"dataType\": \"genotypes\"), this one is \"" + study.dataType() + "\"");
        }
        GwasSettings settings = settings(study, studyFile);
        NodeParticipants.check(study, studyFile, java.util.Set.of());
        List<GwasSite> sites = NodeParticipants.connect(study, studyFile, nodes, wait, messages, java.util.Map.of()).stream()
                .<GwasSite>map(h -> new RemoteGwasSite(h, control)).toList();
        // hospitals behind nodes only wait on the network: one thread each
        return into(workers, outDir, replace, () -> {
            try (InProcessTransport transport = new InProcessTransport(workers, sites.size())) {
                return GwasRunner.run(workers, sites, settings, outDir, transport, timeLimit(study), control, progress);
            }
        });
    }

    private static GwasSettings settings(Study study, Path studyFile) {
        if (study.genotypes() == null) {
            throw new BadInputException(studyFile, null, "has no \"genotypes\" section: it is not a genotype study");
        }
        if (study.genotypes().phenotype() == null) {
            throw new BadInputException(studyFile, null, "a genotype study needs a \"genotypes\" section with its "
                    + "\"phenotype\" (sheet columns)");
        }
        var association = study.genotypes().association() == null
                ? new GenotypeSection.Association(null, null, null, null, null)
                : study.genotypes().association();
        return association.settings(study.genotypes().phenotype().spec());
    }

    /** The study's time limit for one call to a participant, as for training. */
    private static Duration timeLimit(Study study) {
        return Duration.ofSeconds(study.training().timeoutSeconds());
    }
}
