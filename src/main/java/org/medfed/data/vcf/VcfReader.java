package org.medfed.data.vcf;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import org.medfed.concurrency.InOrder;
import org.medfed.concurrency.Workers;
import org.medfed.engine.BadInputException;

/**
 * Streams the biallelic variants of a VCF, VCF.gz (gzip or BGZF, index not needed) or BCF file with the
 * dosage of every sample, one variant at a time: memory stays at one record whatever the file size.
 *
 * <pre>{@code
 * try (VcfReader reader = VcfReader.open(path)) {
 *     for (VariantRecord v = reader.next(); v != null; v = reader.next()) { ... }
 * }
 * }</pre>
 *
 * Every problem in the file becomes a {@link BadInputException} naming the file, the line (record number
 * for BCF) and what was expected.
 */
public final class VcfReader implements Closeable {

    private final Path file;
    private final VcfLayout layout;
    private final VcfReadOptions options;
    private final VcfRecordSource source;
    private final VcfReadStats stats = new VcfReadStats();
    private final DosageExtractor extractor;
    private final ArrayDeque<VariantRecord> pending = new ArrayDeque<>();
    private final Map<String, Integer> lastPositions = new HashMap<>();
    /** The contig of the record before, and its position: most records follow one of the same contig. */
    private String lastContig;
    private int lastPosition;

    private VcfReader(Path file, VcfReadOptions options, Executor inflaters) {
        this.file = file;
        this.options = options;
        this.layout = VcfFileProbe.layout(file);
        this.source = layout == VcfLayout.BCF ? new BcfSource(file, inflaters) : new TextVcfSource(file, layout, inflaters);
        this.extractor = new DosageExtractor(options.multiAllelic(), stats, source.samples());
    }

    public static VcfReader open(Path file) {
        return open(file, VcfReadOptions.defaults());
    }

    /** Reads with the calling thread alone: it inflates each compressed block when it gets to it. */
    public static VcfReader open(Path file, VcfReadOptions options) {
        return open(file, options, InOrder.HERE);
    }

    /**
     * Reads with compressed (BGZF) blocks inflated ahead of the reading thread, in order, on {@code inflaters}
     * (typically {@link #inflaters(Workers)}); the reading thread inflates a block itself when no helper has
     * started it, so a busy executor slows nothing down. The caller shuts the executor down.
     */
    public static VcfReader open(Path file, VcfReadOptions options, Executor inflaters) {
        return new VcfReader(file, options, inflaters);
    }

    /**
     * Threads that inflate BGZF blocks ahead of VCF readers, shared by all of them: one fewer than the cores (the
     * reading thread parses, and inflates too when the helpers fall behind), at least one, at most three (parsing
     * a block takes about as long as inflating it, so more helpers would only wait).
     */
    public static ExecutorService inflaters(Workers workers) {
        return inflaters(workers, 1).orElseGet(() -> workers.fixed("bgzf-inflate", 1));
    }

    /**
     * As {@link #inflaters(Workers)} for {@code readers} readers at once, or empty when they already take every
     * core (hospitals of a simulated study each reading their own file): the helpers would only take turns with
     * the readers, and handing blocks over costs a little.
     */
    public static java.util.Optional<ExecutorService> inflaters(Workers workers, int readers) {
        int free = workers.cores() - readers;
        return free < 1 ? java.util.Optional.empty()
                : java.util.Optional.of(workers.fixed("bgzf-inflate", Math.min(3, free)));
    }

    public Path file() {
        return file;
    }

    public VcfLayout layout() {
        return layout;
    }

    /** Declared format version ("VCFv4.1"), or "BCF". */
    public String fileFormat() {
        return source.fileFormat();
    }

    /** Sample names in file order; dosage arrays follow this order. */
    public List<String> samples() {
        return source.samples();
    }

    /** The next biallelic variant, or null at the end of the file. */
    public VariantRecord next() {
        while (pending.isEmpty()) {
            VcfSite site = source.next();
            if (site == null) {
                return null;
            }
            checkOrder(site);
            try {
                pending.addAll(extractor.extract(site, source.calls()));
            } catch (BadInputException e) {
                throw e;
            } catch (GtColumnParser.BadGenotype e) {
                throw new BadInputException(file, source.location(), e.getMessage());
            } catch (RuntimeException e) {
                // htsjdk decodes genotypes lazily, so a bad genotype field surfaces only here
                throw new BadInputException(file, source.location(),
                        "the genotype columns cannot be read: " + HtsjdkMessages.reason(e), e);
            }
        }
        return pending.poll();
    }

    /** Where the variant last returned came from ("line 17", or "record 3" for BCF). */
    public String location() {
        return source.location();
    }

    /** Counts of what was read so far; complete once {@link #next()} has returned null. */
    public VcfReadStats stats() {
        return stats;
    }

    /**
     * The VCF rule: positions increase within each contig. Contigs may interleave (the specification's
     * own test files do), since variants are matched across files by contig, position and alleles.
     */
    private void checkOrder(VcfSite site) {
        if (!options.requireSorted()) {
            return;
        }
        String contig = site.contig();
        int position = site.position();
        if (!contig.equals(lastContig)) {
            // contigs may interleave: each one's last position is kept while another one's records run
            if (lastContig != null) {
                lastPositions.put(lastContig, lastPosition);
            }
            lastContig = contig;
            lastPosition = lastPositions.getOrDefault(contig, 0);
        }
        if (position < lastPosition) {
            throw new BadInputException(file, source.location(), "position " + position + " on contig " + contig
                    + " comes after position " + lastPosition + ": records must be sorted by position "
                    + "(sort the file, e.g. with 'bcftools sort')");
        }
        lastPosition = position;
    }

    @Override
    public void close() {
        source.close();
    }
}
