package org.medfed.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.medfed.concurrency.Workers;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.tabular.TabularFederation;
import org.medfed.data.tabular.TabularSettings;

/**
 * Issue 18's tabular target: preparing a study's CSV data (reading each hospital's file, profiling, agreeing on the
 * encoding, encoding the examples) against a plain parse of the same files with commons-csv in the same JVM, with
 * the heap each needs. The preparation runs as a study's does, the hospitals at once on the program's cores; the
 * plain parse reads the files one after another on one thread, as the baseline. The files are synthetic
 * and seeded: {@value #NUMERIC} numeric columns written with three
 * decimals, two categorical ones, a 0/1 label, about 1 % of values missing ("NA").
 *
 * @param rows          rows over all hospitals
 * @param cores         the cores the preparation's hospitals shared
 * @param plainSeconds  wall seconds of the plain parse, per repetition (likewise {@code prepareSeconds})
 * @param plainCpu      CPU seconds of the whole process during each phase (every thread, JIT and GC included)
 * @param plainPeakMb   the heap's peak during each phase (the sum of the heap pools' peaks: an upper bound), MB
 */
public record TabularLoading(int rows, int hospitals, int cores, long fileBytes, long maxHeapMb,
                             List<Double> plainSeconds, List<Double> prepareSeconds,
                             List<Double> plainCpu, List<Double> prepareCpu,
                             List<Double> plainPeakMb, List<Double> preparePeakMb) {

    static final int NUMERIC = 17;
    public static final int DEFAULT_ROWS = 1_000_000;
    private static final String[] SEX = {"F", "M"};
    private static final String[] SMOKER = {"never", "former", "current"};

    /** Writes the hospitals' files into {@code dir} (kept when they are already there) and measures. */
    public static TabularLoading measure(Workers workers, Path dir, int rows, int hospitals, int repetitions,
                                         Consumer<String> progress) {
        List<Path> files = write(dir, rows, hospitals, progress);
        List<TabularFederation.SiteInput> inputs = new ArrayList<>();
        long bytes = 0;
        for (int h = 0; h < files.size(); h++) {
            inputs.add(new TabularFederation.SiteInput("hospital-" + (h + 1), files.get(h)));
            bytes += size(files.get(h));
        }
        TabularSettings settings = TabularSettings.defaults("label");
        List<List<Double>> m = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        ExecutorService preparing = workers.fixed("preparing-data", workers.cores());
        try {
            for (int r = 0; r <= repetitions; r++) {
                measureBoth(r, files, inputs, settings, preparing, m, progress);
            }
        } finally {
            preparing.shutdownNow();
        }
        return new TabularLoading(rows, hospitals, workers.cores(), bytes, Runtime.getRuntime().maxMemory() >> 20,
                m.get(0), m.get(1), m.get(2), m.get(3), m.get(4), m.get(5));
    }

    private static void measureBoth(int r, List<Path> files, List<TabularFederation.SiteInput> inputs,
                                    TabularSettings settings, ExecutorService preparing, List<List<Double>> m,
                                    Consumer<String> progress) {
        // repetition 0 warms both up and is not kept; the order turns so neither always goes first
        for (int k = 0; k < 2; k++) {
            boolean plain = (k + r) % 2 == 0;
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long cpu0 = ProcessCpu.nanos();
            long t0 = System.nanoTime();
            long check = plain ? plainParse(files) : TabularFederation.prepare(inputs, CsvFormat.defaults(),
                    settings, preparing).sites().stream().mapToLong(s -> s.train().size() + s.test().size()).sum();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = (ProcessCpu.nanos() - cpu0) / 1e9;
            double peak = heapPeakMb();
            if (r > 0) {
                int base = plain ? 0 : 1;
                m.get(base).add(seconds);
                m.get(base + 2).add(cpu);
                m.get(base + 4).add(peak);
            }
            progress.accept(String.format(Locale.ROOT, "%s %s: %.2f s, %.2f s CPU, heap peak %.0f MB (%d)",
                    r == 0 ? "warm-up" : "repetition " + r, plain ? "plain commons-csv parse" : "preparation",
                    seconds, cpu, peak, check));
        }
    }

    /** Every record of every file through commons-csv, each value touched: the floor any CSV reading pays. */
    static long plainParse(List<Path> files) {
        long values = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        for (Path f : files) {
            try (Reader reader = Files.newBufferedReader(f, StandardCharsets.UTF_8);
                 CSVParser parser = CSVParser.parse(reader, format)) {
                for (CSVRecord record : parser) {
                    for (String v : record.values()) {
                        values += v.length() > 0 ? 1 : 0;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return values;
    }

    private static double heapPeakMb() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / 1048576.0;
    }

    static List<Path> write(Path dir, int rows, int hospitals, Consumer<String> progress) {
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (int h = 0; h < hospitals; h++) {
                Path f = dir.resolve(String.format(Locale.ROOT, "hospital-%d-of-%d-%d-rows.csv", h + 1, hospitals,
                        rows));
                files.add(f);
                if (Files.isRegularFile(f)) {
                    continue;
                }
                progress.accept("writing " + f);
                Path part = dir.resolve(f.getFileName() + ".part");
                writeHospital(part, rows / hospitals + (h < rows % hospitals ? 1 : 0), new SplittableRandom(42 + h));
                Files.move(part, f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void writeHospital(Path file, int rows, SplittableRandom random) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (int c = 1; c <= NUMERIC; c++) {
                line.append('x').append(c).append(',');
            }
            w.append(line).append("sex,smoker,label\n");
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                double risk = 0;
                for (int c = 1; c <= NUMERIC; c++) {
                    double x = random.nextGaussian() * c + 10 * c;
                    risk += (x - 10 * c) / c * (c % 3 == 0 ? 1 : -0.5);
                    if (random.nextInt(100) == 0) {
                        line.append("NA");
                    } else {
                        line.append(String.format(Locale.ROOT, "%.3f", x));
                    }
                    line.append(',');
                }
                line.append(SEX[random.nextInt(2)]).append(',').append(SMOKER[random.nextInt(3)]).append(',');
                line.append(risk + random.nextGaussian() > 0 ? '1' : '0').append('\n');
                w.append(line);
            }
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%,d rows x 20 columns over %d hospitals (%.0f MB of CSV), maximum heap "
                + "%,d MB; %d repetitions after a warm-up, the two alternating.%n%n", rows, hospitals,
                fileBytes / 1048576.0, maxHeapMb, plainSeconds.size()));
        sb.append("| | min s | median s | CPU s (median) | heap peak MB (max) |\n|---|---:|---:|---:|---:|\n");
        row(sb, "plain commons-csv parse", plainSeconds, plainCpu, plainPeakMb);
        row(sb, "data preparation (read, profile, agree, encode)", prepareSeconds, prepareCpu, preparePeakMb);
        Spread ratios = Spread.of(Spread.pairedRatios(plainSeconds, prepareSeconds));
        Spread cpuRatios = Spread.of(Spread.pairedRatios(plainCpu, prepareCpu));
        sb.append(String.format(Locale.ROOT, "%nPreparation / plain parse, paired wall-time ratios: min %.2f, median "
                + "%.2f, max %.2f (target at most 2); heap peak of the preparation %.0f MB (target under 1,024).%n",
                ratios.min(), ratios.median(), ratios.max(),
                preparePeakMb.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        sb.append(String.format(Locale.ROOT, "The same in CPU seconds of the process (every thread; the preparation "
                + "uses %d cores, the plain parse one): min %.2f, median %.2f, max %.2f.%n", cores, cpuRatios.min(),
                cpuRatios.median(), cpuRatios.max()));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String label, List<Double> wall, List<Double> cpu, List<Double> peak) {
        sb.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.0f |%n", label, Spread.of(wall).min(),
                Spread.of(wall).median(), Spread.of(cpu).median(), peak.stream().mapToDouble(Double::doubleValue).max()
                        .orElse(0)));
    }
}
