package org.medfed.analytics.gwas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.medfed.concurrency.Workers;
import org.medfed.io.AtomicFiles;
import org.medfed.io.FileProblem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ParticipantTransport;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.report.AssociationPoint;
import org.medfed.report.ChartFiles;
import org.medfed.report.ManhattanPlot;
import org.medfed.report.QqPlot;
import org.medfed.transport.InProcessTransport;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.medfed.concurrency.InOrder;
import org.medfed.data.vcf.VcfReader;

/**
 * Runs a federated association study and writes its output: {@code results.tsv}, {@code manhattan.png},
 * {@code qq.png} and {@code summary.txt} in the output folder. Hospitals whose files are on this machine are
 * simulated; hospitals behind nodes are given as sites reached through the network.
 */
public final class GwasRunner {

    /** A hospital: its name in reports, its genotypes (VCF, VCF.gz or BCF) and its phenotype sheet (CSV). */
    public record SiteInput(String name, Path vcf, Path phenotypes) {
    }

    public static final String RESULTS = "results.tsv";
    public static final String MANHATTAN = "manhattan.png";
    public static final String QQ = "qq.png";
    public static final String SUMMARY = "summary.txt";
    /** Every file the study writes into its output folder. */
    public static final List<String> OUTPUTS = List.of(RESULTS, MANHATTAN, QQ, SUMMARY);

    private GwasRunner() {
    }

    public static GwasResult run(Workers workers, List<SiteInput> inputs, GwasSettings settings, Path outDir,
            Path cacheDir) {
        return run(workers, inputs, settings, outDir, cacheDir, RunConfig.DEFAULT_TIMEOUT, RunControl.free(),
                GwasProgress.NONE);
    }

    /**
     * Simulates the study: each hospital's files are read by its own site in this process, which the coordinator
     * reaches through the protocol as it would reach a node, on one thread per hospital (at most one per core).
     *
     * @param workers gives the hospitals' threads
     * @param cacheDir where the simulated hospitals keep their packed genotypes between studies
     *        ({@link LocalGwasSite}); a second study over unchanged VCFs does not parse them again
     * @param timeLimit longest one call to a hospital may take (reading its VCF is the longest)
     * @param control checked between rounds; a cancelled study throws {@code RunCancelledException}
     * @param progress told how far each stage is
     */
    public static GwasResult run(Workers workers, List<SiteInput> inputs, GwasSettings settings, Path outDir,
            Path cacheDir, Duration timeLimit, RunControl control, GwasProgress progress) {
        List<GwasSite> sites = new ArrayList<>();
        int threads = Math.max(1, Math.min(inputs.size(), workers.cores()));
        // cores the hospitals' readers leave free inflate their VCFs' blocks ahead; none when they take every core
        Optional<ExecutorService> inflaters = VcfReader.inflaters(workers, threads);
        try {
            for (SiteInput in : inputs) {
                if (in.name() == null || in.name().isBlank()) {
                    throw new BadInputException("every hospital needs a name (" + in.vcf() + " has none)");
                }
                sites.add(RemoteGwasSite.inProcess(new LocalGwasSite(in.name(), in.vcf(), in.phenotypes(), cacheDir,
                        LocalGwasSite.SampleIds.REPORTED, inflaters.<Executor>map(e -> e).orElse(InOrder.HERE)),
                        control));
            }
            try (InProcessTransport transport = new InProcessTransport(workers, threads)) {
                return run(workers, sites, settings, outDir, transport, timeLimit, control, progress);
            }
        } finally {
            sites.forEach(GwasSite::close);
            inflaters.ifPresent(ExecutorService::shutdownNow);
        }
    }

    /**
     * Runs the study over sites however they are reached (hospitals behind nodes, simulated ones) through the
     * run's transport, and writes its output. The caller owns the sites and the transport.
     *
     * @param workers give the threads that write the output files at once
     */
    public static GwasResult run(Workers workers, List<GwasSite> sites, GwasSettings settings, Path outDir,
            ParticipantTransport transport, Duration timeLimit, RunControl control, GwasProgress progress) {
        GwasResult result = new FederatedGwas(settings, control, progress).run(sites, transport, timeLimit);
        write(workers, result, outDir);
        return result;
    }

    /**
     * Writes the four output files of a finished study. The table and the two pictures depend on nothing but the
     * result: they are written at once, on as many of {@code workers}' cores as there are files, since the hospitals'
     * threads have finished by then; the table, the longest, is formatted in pieces that a thread done with its
     * picture takes up too. Each file is written whole or not at all; when one fails, the first failing one in
     * {@link #OUTPUTS}' order is reported, as writing them one after another would.
     */
    public static void write(Workers workers, GwasResult result, Path outDir) {
        List<AssociationPoint> points = result.results().stream().filter(AssociationResult::tested)
                .map(r -> new AssociationPoint(r.variant().chrom(), r.variant().position(), r.variant().label(),
                        r.negLog10P()))
                .toList();
        String what = result.settings().phenotype().phenotypeColumn() + ", " + result.settings().test().description();
        int threads = Math.min(OUTPUTS.size(), workers.cores());
        ExecutorService writers = threads == 1 ? null : workers.fixed("gwas-output", threads);
        // the table's lines are also formatted by the threads that have finished their pictures
        List<Runnable> files = List.of(
                () -> GwasResultsTsv.write(result, outDir.resolve(RESULTS), writers == null ? InOrder.HERE : writers,
                        threads - 1),
                () -> ChartFiles.writePng(ManhattanPlot.create(points, result.settings().significance(), what),
                        outDir.resolve(MANHATTAN), 1600, 600),
                () -> ChartFiles.writePng(QqPlot.create(points.stream().mapToDouble(AssociationPoint::negLog10P)
                        .toArray(), result.lambda(), "QQ plot, " + what), outDir.resolve(QQ), 700, 700),
                () -> writeSummary(result, outDir.resolve(SUMMARY)));
        if (writers == null) {
            files.forEach(Runnable::run);
            return;
        }
        try {
            InOrder.map(files, file -> {
                file.run();
                return null;
            }, writers);
        } finally {
            writers.shutdown();
        }
    }

    private static void writeSummary(GwasResult result, Path summary) {
        try {
            AtomicFiles.write(summary, GwasSummaryText.format(result).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw FileProblem.of(summary, "could not be written", e);
        }
    }
}
