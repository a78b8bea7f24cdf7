package org.medfed.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medfed.data.vcf.VcfReader;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.analytics.gwas.FederatedGwas;
import org.medfed.analytics.gwas.GwasResult;
import org.medfed.analytics.gwas.GwasSettings;
import org.medfed.analytics.gwas.GwasSite;
import org.medfed.analytics.gwas.RemoteGwasSite;
import org.medfed.analytics.gwas.SiteSummary;
import org.medfed.engine.Participant;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.engine.protocol.Value;
import org.medfed.network.node.PolicyRefusal;
import org.medfed.node.policy.NodePolicy;
import org.medfed.project.AuditLogFile;
import org.medfed.project.DataKind;
import org.medfed.project.NodePolicySection;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.study.AssociationStudy;
import org.medfed.testsupport.TestWorkers;
import org.medfed.transport.InProcessTransport;

/**
 * A node's genotype dataset answering the association study: what leaves it (captured at the node's door, after
 * its policy) is counts and sums, never a genotype, a phenotype or a sample id, and the study it takes part in
 * gives the simulation's statistics bit for bit.
 */
class GenotypeDatasetTest {

    /** The node's reader with helpers inflating its VCF's blocks ahead, as a node runs it. */
    private static final ExecutorService INFLATERS = VcfReader.inflaters(TestWorkers.shared());

    @AfterAll
    static void stopInflaters() {
        INFLATERS.shutdownNow();
    }

    private static final Path SAMPLE = Path.of("sample-projects/genotypes-4-hospitals");
    private static final List<String> HOSPITALS = List.of("hospital-a", "hospital-b", "hospital-c", "hospital-d");

    @TempDir
    Path tmp;

    /** One request and its reply, as they crossed the node's door. */
    record Exchange(SiteRequest request, Params reply) {
    }

    /** A hospital's node in this process: its dataset behind its policy and audit log, every exchange kept. */
    private final class CapturedNode implements Participant {
        final String name;
        final GenotypeDataset dataset;
        final PolicedCallHandler door;
        final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
        final List<String> log = Collections.synchronizedList(new ArrayList<>());

        CapturedNode(String name, int minimumCount) {
            this.name = name;
            this.dataset = new GenotypeDataset("geno", SAMPLE.resolve(name + ".vcf.gz"),
                    SAMPLE.resolve(name + "-phenotypes.csv"), tmp.resolve(name + "-state"), 1, null, INFLATERS, log::add);
            NodePolicy policy = new NodePolicy(new NodePolicySection(EnumSet.of(DataKind.GENOTYPES),
                    DataKind.GENOTYPES.procedures(), minimumCount, false, OptionalDouble.empty(), OptionalInt.empty()));
            this.door = new PolicedCallHandler(new DatasetCallHandler(Map.of("geno", dataset)), policy,
                    AuditLogFile.open(tmp.resolve(name + "-audit.jsonl")), "genetics", name, Clock.systemUTC());
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int trainSize() {
            return 0;
        }

        @Override
        public int testSize() {
            return 0;
        }

        @Override
        public double weight() {
            return 1;
        }

        @Override
        public Params call(SiteRequest request, RunControl control) {
            Params reply = door.handle("geno", request, control);
            exchanges.add(new Exchange(request, reply));
            return reply;
        }
    }

    private static Study study() {
        return StudyFile.load(SAMPLE.resolve("study.json"));
    }

    private static GwasSettings settings(Study study) {
        return study.genotypes().association().settings(study.genotypes().phenotype().spec());
    }

    private static GwasResult runThrough(List<CapturedNode> nodes, GwasSettings settings) {
        List<GwasSite> sites = nodes.stream().<GwasSite>map(n -> new RemoteGwasSite(n, RunControl.free())).toList();
        try (InProcessTransport transport = new InProcessTransport(TestWorkers.shared(), nodes.size())) {
            return new FederatedGwas(settings).run(sites, transport, Duration.ofMinutes(5));
        }
    }

    @Test
    void onlyCountsAndSumsLeaveTheNodesAndTheStatisticsAreTheSimulations() throws IOException {
        Study study = study();
        // the simulation keeps its genotype cache beside its study file: a copy, so the project folder stays clean
        Path copy = Files.createDirectories(tmp.resolve("sample"));
        try (var files = Files.list(SAMPLE)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName().toString()));
            }
        }
        GwasResult simulated = AssociationStudy.run(TestWorkers.shared(), study, copy.resolve("study.json"),
                tmp.resolve("simulated"), false,
                RunControl.free(), (stage, done, total) -> { });
        List<CapturedNode> nodes = HOSPITALS.stream().map(h -> new CapturedNode(h, 5)).toList();

        GwasResult network = runThrough(nodes, settings(study));

        assertThat(network.results()).isEqualTo(simulated.results());
        assertThat(network.qc()).isEqualTo(simulated.qc());
        assertThat(Double.doubleToRawLongBits(network.lambda())).isEqualTo(Double.doubleToRawLongBits(simulated.lambda()));
        for (int s = 0; s < HOSPITALS.size(); s++) {
            SiteSummary there = network.sites().get(s);
            SiteSummary here = simulated.sites().get(s);
            // the same counts; the examples of samples left out are the only difference, and they stay at the node
            assertThat(there).usingRecursiveComparison().ignoringFields("sampleMatch", "lowCallRateExamples")
                    .isEqualTo(here);
            assertThat(there.sampleMatch()).isEqualTo(here.sampleMatch().replaceAll(", e\\.g\\. [^\n]*", ""));
            assertThat(there.lowCallRateExamples()).isEmpty();
            assertThat(here.lowCallRateExamples()).isNotEmpty();
        }

        for (CapturedNode node : nodes) {
            Set<String> sampleIds = sampleIds(node.name);
            assertThat(node.exchanges).extracting(e -> e.request().procedure().id())
                    .startsWith("gwas.prepare", "gwas.counts", "gwas.sums").allMatch(id -> id.startsWith("gwas."));
            for (Exchange e : node.exchanges) {
                for (Params message : List.of(e.request().params(), e.reply())) {
                    message.asMap().forEach((key, value) -> {
                        if (value instanceof Value.Text t) {
                            assertThat(sampleIds).as("'%s' of %s", key, e.request().procedure().id())
                                    .noneMatch(id -> t.text().contains(id));
                        }
                    });
                }
                assertOnlyCountsAndSums(e);
            }
            // the hospital's own log names the samples it left out, for its IT to fix
            assertThat(node.log).anyMatch(line -> sampleIds.stream().anyMatch(line::contains));
        }
    }

    /**
     * Every field of a reply is one the study documents, and every vector's length follows the variants asked
     * about (one or eight per variant, the design's size per variant), never the number of samples.
     */
    private static void assertOnlyCountsAndSums(Exchange e) {
        Params reply = e.reply();
        int samples = (int) reply.number("samples");
        assertThat(samples).isEqualTo(148);
        switch (e.request().procedure()) {
            case GWAS_PREPARE -> {
                assertThat(reply.keys()).allMatch(k -> k.startsWith("low_call_rate_example.") || Set.of("site",
                        "sample_match", "vcf_samples", "analysed", "cases", "controls", "low_call_rate", "vcf_counts",
                        "samples").contains(k));
                assertThat(reply.number("low_call_rate_example.count")).isZero();
                assertThat(reply.longs("vcf_counts")).hasSize(8);
            }
            case GWAS_COUNTS -> {
                assertThat(reply.keys()).containsExactlyInAnyOrder("chrom", "position", "id", "ref", "alt", "counts",
                        "samples");
                int variants = reply.longs("position").length;
                assertThat(variants).isEqualTo(2000);
                assertThat(reply.longs("counts")).hasSize(8 * variants);
                assertThat(reply.text("id").split("\n")).hasSize(variants);
            }
            case GWAS_SUMS -> {
                assertThat(reply.keys()).containsExactlyInAnyOrder("n", "hessian", "score", "deviance", "samples");
                int asked = e.request().params().longs("variants").length;
                int columns = 7; // intercept, genotype, age, sex, three hospital terms
                assertThat(reply.longs("n")).hasSize(asked);
                assertThat(reply.bytes("hessian")).hasSize(8 * asked * columns * (columns + 1) / 2);
                assertThat(reply.bytes("score")).hasSize(8 * asked * columns);
                assertThat(reply.bytes("deviance")).hasSize(8 * asked);
                assertThat(asked).isNotEqualTo(samples);
            }
            default -> throw new AssertionError("unexpected " + e.request().procedure());
        }
    }

    private static Set<String> sampleIds(String hospital) throws IOException {
        return Set.copyOf(Files.readAllLines(SAMPLE.resolve(hospital + "-phenotypes.csv")).stream().skip(1)
                .map(line -> line.substring(0, line.indexOf(','))).toList());
    }

    @Test
    void aHospitalWithFewerSamplesThanItsMinimumSendsNothing() {
        List<CapturedNode> nodes = HOSPITALS.stream().map(h -> new CapturedNode(h, h.equals("hospital-c") ? 500 : 5))
                .toList();
        assertThatThrownBy(() -> runThrough(nodes, settings(study()))).isInstanceOf(PolicyRefusal.class)
                .hasMessage("the 'gwas.prepare' reply rests on the genotypes of 148 samples, fewer than the 500 this "
                        + "hospital's policy requires before anything leaves");
        assertThat(nodes.get(2).exchanges).isEmpty();
    }

    @Test
    void aStepBeforeTheStudyIsPreparedOrAModelStepIsRefused() {
        CapturedNode node = new CapturedNode("hospital-a", 5);
        assertThatThrownBy(() -> node.call(SiteRequest.of(0, Procedure.GWAS_COUNTS, Params.EMPTY), RunControl.free()))
                .isInstanceOf(ProtocolException.class)
                .hasMessage("the coordinator asked for 'gwas.counts' before 'gwas.prepare'");
        assertThatThrownBy(() -> node.dataset.handle(SiteRequest.of(0, Procedure.DESCRIBE, Params.EMPTY),
                RunControl.free())).isInstanceOf(ProtocolException.class)
                .hasMessage("the coordinator asked for 'describe' before the model was set up on dataset 'geno'");
        assertThatThrownBy(() -> node.dataset.handle(SiteRequest.of(0, Procedure.IMAGES_OPEN, Params.EMPTY),
                RunControl.free())).isInstanceOf(PolicyRefusal.class)
                .hasMessageContaining("dataset 'geno' holds genotypes").hasMessageContaining("not 'images.open'");
        assertThat(node.dataset.trainSize()).isEqualTo(-1);
    }
}
