package org.medfed.analytics.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.medfed.analytics.gwas.AssociationTest;
import org.medfed.analytics.gwas.GwasProgress;
import org.medfed.analytics.gwas.GwasResult;
import org.medfed.analytics.gwas.GwasRunner;
import org.medfed.analytics.gwas.GwasSettings;
import org.medfed.analytics.gwas.synthetic.SyntheticGwasConfig;
import org.medfed.analytics.gwas.synthetic.SyntheticGwasGenerator;
import org.medfed.analytics.gwas.synthetic.SyntheticStudy;
import org.medfed.data.vcf.PhenotypeKind;
import org.medfed.data.vcf.PhenotypeSpec;
import org.medfed.data.vcf.VariantRecord;
import org.medfed.data.vcf.VcfReadOptions;
import org.medfed.data.vcf.VcfReader;
import org.medfed.testsupport.TestWorkers;

/**
 * Measures the genotype pipeline on a synthetic study generated on the fly (not a unit test):
 *
 * <pre>
 * java -Xmx2g -cp ... org.medfed.analytics.bench.GwasBenchmark [phase ...] [--samples N] [--variants N] [--dir D]
 * </pre>
 *
 * Phases: {@code generate} (writes 4 hospitals into the folder, default target/gwas-bench, reused when
 * present), {@code read} (streams one hospital's VCF.gz, and the 1000 Genomes exome slice when given with
 * {@code --exome FILE}), {@code counts} (trend test study), {@code logistic} (logistic regression with age, sex
 * and hospital terms), {@code linear}; these three remove the hospitals' genotype cache first, so that the VCFs are
 * parsed; {@code counts-cached}, {@code logistic-cached} and {@code allelic-cached} use the cache an earlier phase
 * left (the second run of a study). Each phase reports its wall time and the peak Java heap it used; run
 * phases in separate JVMs under {@code /usr/bin/time -v} for the peak resident memory of each. The report is
 * appended to {@code <dir>/report.txt}.
 */
public final class GwasBenchmark {

    private GwasBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<String> phases = new ArrayList<>();
        int samples = 500;
        int variants = 100_000;
        Path dir = Path.of("target", "gwas-bench");
        Path exome = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--variants" -> variants = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--exome" -> exome = Path.of(args[++i]);
                default -> phases.add(args[i]);
            }
        }
        if (phases.isEmpty()) {
            phases = List.of("generate", "read", "counts", "logistic");
        }
        SyntheticGwasConfig config = SyntheticGwasConfig.sampleProject().resized(samples, variants);
        Path data = dir.resolve(samples + "x" + variants);
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "# %s, %d hospitals x %d samples x %d variants, %d cores, max heap %d MB, Java %s",
                java.time.LocalDateTime.now().withNano(0), config.hospitals().size(), samples, variants,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version")));
        for (String phase : phases) {
            resetPeaks();
            long start = System.nanoTime();
            long[] machine = machineCounters();
            String detail = switch (phase) {
                case "generate" -> generate(config, data);
                case "read" -> read(data.resolve(config.hospitals().get(0) + ".vcf.gz"))
                        + (exome == null ? "" : "; " + read(exome));
                case "counts" -> study(config, data, dir, AssociationTest.TREND, false);
                case "logistic" -> study(config, data, dir, AssociationTest.LOGISTIC, false);
                case "linear" -> study(config, data, dir, AssociationTest.LINEAR, false);
                case "counts-cached" -> study(config, data, dir, AssociationTest.TREND, true);
                case "logistic-cached" -> study(config, data, dir, AssociationTest.LOGISTIC, true);
                case "allelic-cached" -> study(config, data, dir, AssociationTest.ALLELIC, true);
                default -> throw new IllegalArgumentException("unknown phase " + phase);
            };
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] after = machineCounters();
            // the compilers' and collector's share tells a run still warming up from one that is slow in itself
            report.add(String.format(Locale.ROOT, "%-9s %8.2f s  peak heap %5d MB  %s; CPU %.2f s, compiling %.2f s, "
                    + "collecting %.2f s", phase, seconds, peakHeapMb(), detail, (after[0] - machine[0]) / 1e9,
                    (after[1] - machine[1]) / 1e3, (after[2] - machine[2]) / 1e3));
            System.out.println(report.get(report.size() - 1));
        }
        report.add("peak resident set (VmHWM) of this JVM: " + residentPeak());
        System.out.println(report.get(report.size() - 1));
        Files.createDirectories(dir);
        Files.write(dir.resolve("report.txt"), report, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private static String generate(SyntheticGwasConfig config, Path data) {
        if (Files.exists(data.resolve("README.md"))) {
            return "already present in " + data;
        }
        SyntheticStudy study = SyntheticGwasGenerator.generate(config, data);
        long bytes = study.vcfs().stream().mapToLong(p -> p.toFile().length()).sum();
        return String.format(Locale.ROOT, "wrote %d VCF.gz (%d MB) to %s", study.vcfs().size(), bytes >> 20, data);
    }

    private static String read(Path vcf) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long count = 0;
        long calls = 0;
        double helpers;
        // blocks inflated ahead on the program's pool, as a hospital reading its VCF does
        java.util.concurrent.ExecutorService inflaters = VcfReader.inflaters(TestWorkers.shared());
        try (VcfReader reader = VcfReader.open(vcf, VcfReadOptions.defaults(), inflaters)) {
            for (VariantRecord v = reader.next(); v != null; v = reader.next()) {
                count++;
                calls += v.sampleCount();
            }
            helpers = helperCpu(threads, "bgzf-inflate-"); // before the pool's threads end
        } finally {
            inflaters.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // CPU time of the reading thread: unlike wall time, it hardly depends on what else the machine runs
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        return String.format(Locale.ROOT, "%s: %d variants in %.2f s wall = %.0f variants/s (%.1f M genotypes/s); "
                + "%.2f s CPU of the reading thread = %.0f variants/s per core (%.1f M genotypes/s), %.2f s CPU of "
                + "the threads inflating ahead", vcf.getFileName(), count, seconds, count / seconds,
                calls / seconds / 1e6, cpu, count / cpu, calls / cpu / 1e6, helpers);
    }

    /** CPU seconds of the live threads whose names start with {@code prefix}. */
    private static double helperCpu(java.lang.management.ThreadMXBean threads, String prefix) {
        long nanos = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith(prefix)) {
                nanos += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return nanos / 1e9;
    }

    /**
     * Runs the whole study (files in, files out).
     *
     * @param cached whether the hospitals' genotype cache of an earlier run may be used (else it is removed first,
     *        so that every VCF is parsed)
     */
    private static String study(SyntheticGwasConfig config, Path data, Path dir, AssociationTest test, boolean cached) {
        List<GwasRunner.SiteInput> inputs = new ArrayList<>();
        for (String h : config.hospitals()) {
            inputs.add(new GwasRunner.SiteInput(h, data.resolve(h + ".vcf.gz"), data.resolve(h + "-phenotypes.csv")));
        }
        boolean linear = test == AssociationTest.LINEAR;
        PhenotypeSpec phenotype = new PhenotypeSpec("sample_id", linear ? "ldl" : "disease",
                linear ? PhenotypeKind.QUANTITATIVE : PhenotypeKind.BINARY,
                test.countBased() ? List.of() : List.of("age", "sex"));
        GwasSettings settings = GwasSettings.of(phenotype, test).withAdjustForSite(!test.countBased());
        Path cache = dir.resolve("genotype-cache");
        if (!cached) {
            deleteCache(cache);
        }
        long start = System.nanoTime();
        StringBuilder stages = new StringBuilder();
        String[] current = {""};
        GwasProgress progress = (stage, done, total) -> {
            if (!stage.equals(current[0])) {
                current[0] = stage;
                stages.append(String.format(Locale.ROOT, " %s@%.1fs", stage, (System.nanoTime() - start) / 1e9));
            }
        };
        Path out = dir.resolve("out-" + test.name().toLowerCase(Locale.ROOT));
        GwasResult result = GwasRunner.run(TestWorkers.shared(), inputs, settings, out, cache,
                org.medfed.engine.RunConfig.DEFAULT_TIMEOUT, org.medfed.engine.RunControl.free(), progress);
        stages.append(String.format(Locale.ROOT, " written@%.1fs", (System.nanoTime() - start) / 1e9));
        return String.format(Locale.ROOT, "%s: %d tested, %d hits, lambda %.3f;%s", test.description(),
                result.qc().tested(), result.hits().size(), result.lambda(), stages);
    }

    private static void deleteCache(Path cache) {
        try (java.util.stream.Stream<Path> files = Files.exists(cache) ? Files.list(cache) : java.util.stream.Stream.empty()) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The process's CPU nanoseconds, and the compilers' and the collectors' milliseconds, so far. */
    private static long[] machineCounters() {
        long gc = 0;
        for (java.lang.management.GarbageCollectorMXBean c : ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += Math.max(0, c.getCollectionTime());
        }
        return new long[] {org.medfed.benchmark.ProcessCpu.nanos(),
                ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), gc};
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound on the live heap at any moment). */
    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    private static String residentPeak() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\s+", " ").substring(6).strip()).findFirst().orElse("n/a");
        } catch (IOException e) {
            return "n/a";
        }
    }
}
