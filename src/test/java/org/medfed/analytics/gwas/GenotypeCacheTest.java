package org.medfed.analytics.gwas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.analytics.gwas.PackedGenotypes.Origin;
import org.medfed.data.vcf.PhenotypeKind;
import org.medfed.data.vcf.PhenotypeSpec;
import org.medfed.engine.BadInputException;
import org.slf4j.LoggerFactory;

/** The hospitals' packed genotypes kept between studies: used when valid, rebuilt when the VCF or the cache changed. */
class GenotypeCacheTest {

    @TempDir
    Path tmp;

    private static final GwasSettings TREND = GwasSettings.of(new PhenotypeSpec("id", "y", PhenotypeKind.BINARY,
            List.of()), AssociationTest.TREND).withQc(QcSettings.none());
    private static final int[] G1 = {0, 1, 2, 1, 0, 1, 2, 0, 1, -1};
    private static final int[] G2 = {2, 1, 0, 0, 0, 1, 1, 0, 2, 1};
    private static final double[] Y = {0, 1, 1, 0, 0, 1, 1, 0, 1, 0};

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(PackedGenotypes.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    private TinyStudy study() {
        return new TinyStudy(tmp).site("A", new int[][] {G1, G2}, Y, null).site("B", new int[][] {G2, G1}, Y, null);
    }

    /** Runs the study over fresh sites reading the cache folder, and gives where each got its genotypes. */
    private record Run(GwasResult result, List<Origin> origins) {
    }

    private static Run run(TinyStudy study) {
        List<GwasSite> sites = study.sites();
        try {
            GwasResult result = new FederatedGwas(TREND).run(sites);
            return new Run(result, sites.stream().map(s -> ((LocalGwasSite) s).genotypeOrigin()).toList());
        } finally {
            sites.forEach(GwasSite::close);
        }
    }

    private Path cacheOf(String hospital) {
        return tmp.resolve("work").resolve(PackedGenotypes.fileName(tmp.resolve(hospital + ".vcf")));
    }

    @Test
    void theSecondStudyReadsTheCacheAndGetsTheSameResults() {
        TinyStudy study = study();
        Run first = run(study);
        Run second = run(study);
        assertThat(first.origins()).containsExactly(Origin.BUILT, Origin.BUILT);
        assertThat(second.origins()).containsExactly(Origin.CACHED, Origin.CACHED);
        assertThat(second.result().results()).isEqualTo(first.result().results());
        assertThat(second.result().sites()).isEqualTo(first.result().sites());
        assertThat(Files.exists(cacheOf("A"))).isTrue();
    }

    @Test
    void aVcfChangedInPlaceRebuildsItsCacheEvenWithTheSameSizeAndTime() throws IOException {
        TinyStudy study = study();
        Run first = run(study);
        Path a = tmp.resolve("A.vcf");
        FileTime time = Files.getLastModifiedTime(a);
        // one call 0/1 becomes 1/1: the same size, and the old modification time put back
        String text = Files.readString(a);
        int at = text.indexOf("\t0/1", text.indexOf("\n1\t100\t"));
        String changed = text.substring(0, at) + "\t1/1" + text.substring(at + 4);
        Files.writeString(a, changed);
        Files.setLastModifiedTime(a, time);
        assertThat(Files.size(a)).isEqualTo(text.length());

        Run second = run(study);
        assertThat(second.origins()).containsExactly(Origin.REBUILT_CHANGED, Origin.CACHED);
        assertThat(second.result().results().get(0).altFrequency())
                .isNotEqualTo(first.result().results().get(0).altFrequency());
        assertThat(run(study).origins()).containsExactly(Origin.CACHED, Origin.CACHED);
    }

    @Test
    void aDamagedCacheIsRebuiltWithAWarningNotTrusted() throws IOException {
        TinyStudy study = study();
        Run first = run(study);
        Path cache = cacheOf("A");
        byte[] bytes = Files.readAllBytes(cache);
        bytes[128] ^= 0x01; // the first packed byte: sample 0 of the first variant would read as another genotype
        Files.write(cache, bytes);

        Run second = run(study);
        assertThat(second.origins()).containsExactly(Origin.REBUILT_DAMAGED, Origin.CACHED);
        assertThat(second.result().results()).isEqualTo(first.result().results());
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("genotype cache " + cache).contains("checksum does not match").contains("rebuilding it"));
    }

    @Test
    void aCutCacheIsRebuilt() throws IOException {
        TinyStudy study = study();
        Run first = run(study);
        Path cache = cacheOf("B");
        try (FileChannel channel = FileChannel.open(cache, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 7);
        }
        Run second = run(study);
        assertThat(second.origins()).containsExactly(Origin.CACHED, Origin.REBUILT_DAMAGED);
        assertThat(second.result().results()).isEqualTo(first.result().results());
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("cut short"));

        Files.write(cache, new byte[20]);
        assertThat(run(study).origins()).containsExactly(Origin.CACHED, Origin.REBUILT_DAMAGED);
    }

    @Test
    void aVcfThatFailsHalfWayLeavesNoCacheBehind() throws IOException {
        TinyStudy study = study();
        Path a = tmp.resolve("A.vcf");
        Files.writeString(a, Files.readString(a).replace("\t1/1\t", "\t1/x\t"));
        assertThatThrownBy(() -> run(study)).isInstanceOf(BadInputException.class).hasMessageContaining("1/x");
        try (Stream<Path> files = Files.list(tmp.resolve("work"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("A.vcf") || n.startsWith(".A.vcf"));
        }
    }
}
