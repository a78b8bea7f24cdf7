package org.medfed.cli;

import org.medfed.testsupport.TestWorkers;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.node.NodeRuntime;
import org.medfed.project.NodeConfigFile;

/**
 * {@code medfed gwas STUDY.json --listen PORT --tls DIR}: the genotype sample study with each hospital's VCF and
 * sheet behind its own node (node.json, policy, audit log), nodes and coordinator in this JVM on the loopback with
 * mutual TLS. Its results.tsv is byte for byte the simulation's.
 */
class GwasThroughNodesTest {

    private static final Path SAMPLE = Path.of("sample-projects/genotypes-4-hospitals").toAbsolutePath();
    private static final List<String> HOSPITALS = List.of("hospital-a", "hospital-b", "hospital-c", "hospital-d");

    @TempDir
    Path tmp;

    @Test
    void theSampleStudyThroughNodesWritesTheSimulationsResults() throws Exception {
        int port = freePort();
        Path kit = tmp.resolve("kit");
        List<String> provision = new ArrayList<>(List.of("provision", "--study", "genetics", "--coordinator",
                "127.0.0.1:" + port, "--out", kit.toString()));
        HOSPITALS.forEach(h -> provision.addAll(List.of("--hospital", h)));
        CliRunner kitMade = CliRunner.run(provision.toArray(String[]::new));
        assertThat(kitMade.exitCode()).as(kitMade.err()).isZero();

        ScheduledExecutorService executor = Executors.newScheduledThreadPool(8, r -> {
            Thread t = new Thread(r, "test-node");
            t.setDaemon(true);
            return t;
        });
        List<String> nodeLog = Collections.synchronizedList(new ArrayList<>());
        List<NodeRuntime> nodes = new ArrayList<>();
        try {
            for (String h : HOSPITALS) {
                nodes.add(NodeRuntime.start(NodeConfigFile.read(nodeJson(kit.resolve("hospitals").resolve(h), h, port)),
                        TestWorkers.shared(), executor, line -> nodeLog.add(h + ": " + line)));
            }
            Path study = tmp.resolve("study.json");
            Files.writeString(study, throughNodes(Files.readString(SAMPLE.resolve("study.json"))));

            CliRunner network = CliRunner.run("gwas", study.toString(), "--listen", String.valueOf(port), "--bind",
                    "127.0.0.1", "--tls", kit.resolve("coordinator").toString(), "--wait", "60", "--out",
                    tmp.resolve("network").toString());
            assertThat(network.exitCode()).as(network.err() + "\nnodes: " + nodeLog).isZero();
            CliRunner simulated = CliRunner.run("gwas", SAMPLE.resolve("study.json").toString(), "--out",
                    tmp.resolve("simulated").toString());
            assertThat(simulated.exitCode()).as(simulated.err()).isZero();

            assertThat(Files.readAllBytes(tmp.resolve("network/results.tsv")))
                    .isEqualTo(Files.readAllBytes(tmp.resolve("simulated/results.tsv")));
            assertThat(network.out()).isEqualTo(simulated.out()).contains("4 variant(s) pass p < 5.0E-8");
            // the summary differs only where the simulation names a few samples left out; the nodes keep their ids
            assertThat(Files.readString(tmp.resolve("network/summary.txt"))).isEqualTo(Files
                    .readString(tmp.resolve("simulated/summary.txt")).replaceAll(", e\\.g\\. [^\n]*", ""));
            assertThat(nodeLog).anyMatch(line -> line.contains("e.g. HA-0002"));

            // each hospital's audit log shows what left it: the study's steps, every one served
            List<String> audit = Files.readAllLines(kit.resolve("hospitals/hospital-a/audit.jsonl"));
            assertThat(audit).anyMatch(l -> l.contains("\"gwas.prepare\"")).anyMatch(l -> l.contains("\"gwas.counts\""))
                    .anyMatch(l -> l.contains("\"gwas.sums\"")).allMatch(l -> l.contains("\"served\""));
        } finally {
            nodes.forEach(NodeRuntime::close);
            executor.shutdownNow();
        }
    }

    /** What the hospital's IT fills in: its genotype dataset and a policy that serves genotypes only. */
    private static Path nodeJson(Path folder, String hospital, int port) throws IOException {
        Path file = folder.resolve("node.json");
        Files.writeString(file, """
                {"schemaVersion": 1, "node": "%s", "study": "genetics", "coordinator": "127.0.0.1:%d",
                 "certificate": "node.crt", "key": "node.key", "ca": "ca.crt",
                 "datasets": [{"id": "geno", "kind": "genotypes", "vcf": "%s", "phenotypes": "%s"}],
                 "policy": {"dataKinds": ["genotypes"], "procedures": null, "minimumCount": 5,
                            "requireDifferentialPrivacy": false, "maxEpsilon": null, "maxRounds": null},
                 "auditLog": "audit.jsonl", "stateFolder": "state/"}
                """.formatted(hospital, port, SAMPLE.resolve(hospital + ".vcf.gz"),
                SAMPLE.resolve(hospital + "-phenotypes.csv")));
        return file;
    }

    /** The sample study with each hospital named by its node and dataset instead of files. */
    private static String throughNodes(String study) {
        for (String h : HOSPITALS) {
            study = study.replaceFirst("\"data\" : \\[ \"" + h + ".vcf.gz\", \"" + h + "-phenotypes.csv\" \\]",
                    "\"node\" : \"" + h + "\", \"dataset\" : \"geno\"");
        }
        assertThat(study).doesNotContain(".vcf.gz");
        return study;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
