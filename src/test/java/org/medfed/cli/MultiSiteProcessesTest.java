package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.project.AuditLogFile;
import org.medfed.project.AuditOutcome;
import org.medfed.testsupport.ChildJava;

/**
 * Real processes on the loopback: four hospital nodes ({@code medfed node}), and the coordinator
 * ({@code medfed run --listen}) killed with -9 and resumed; then a node killed with -9 mid-run and restarted.
 */
class MultiSiteProcessesTest {

    private static final Path SAMPLE = Path.of("sample-projects/heart-4-hospitals").toAbsolutePath();
    private static final List<String> HOSPITALS = List.of("city-general", "rural-clinic", "heart-centre",
            "mountain-hospital");
    /** Slow enough rounds (an MLP, five local epochs) that a process can be killed in the middle of the run. */
    private static final List<String> SLOW = List.of("--rounds", "10", "--model", "mlp", "--hidden", "64,64",
            "--local-epochs", "5");

    @TempDir
    Path tmp;

    @Test
    void nodesAndACoordinatorKilledWithMinus9() throws Exception {
        int port = freePort();
        Path kit = provision(port);
        Map<String, Path> configs = new LinkedHashMap<>();
        for (String h : HOSPITALS) {
            configs.put(h, writeNodeConfig(kit.resolve("hospitals").resolve(h), h, port));
        }
        Path study = writeStudy(tmp.resolve("study.json"));
        List<String> listen = List.of("--listen", String.valueOf(port), "--bind", "127.0.0.1", "--tls",
                kit.resolve("coordinator").toString(), "--wait", "120");

        Map<String, ChildJava> nodes = new LinkedHashMap<>();
        try {
            for (String h : HOSPITALS) {
                nodes.put(h, ChildJava.medfed("node", "--config", configs.get(h).toString()));
            }
            // 1. the coordinator is killed with -9 after round 3; --resume ends as the simulation of the same files
            Path killed = tmp.resolve("killed");
            List<String> run = new ArrayList<>(List.of("run", study.toString()));
            run.addAll(SLOW);
            run.addAll(listen);
            run.addAll(List.of("--out", killed.toString()));
            try (ChildJava coordinator = ChildJava.medfed(run.toArray(String[]::new))) {
                coordinator.await(l -> l.startsWith("round 3/10"), 180);
                coordinator.kill();
            }
            List<String> resume = new ArrayList<>(List.of("run", "--resume", killed.toString()));
            resume.addAll(listen);
            CliRunner resumed = CliRunner.run(resume.toArray(String[]::new));
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            assertThat(resumed.err()).contains("resuming").contains("round 10/10");

            List<String> simulate = new ArrayList<>(List.of("run", SampleStudyEndToEndTest.STUDY));
            simulate.addAll(SLOW);
            simulate.addAll(List.of("--out", tmp.resolve("simulated").toString()));
            CliRunner simulated = CliRunner.run(simulate.toArray(String[]::new));
            assertThat(simulated.exitCode()).as(simulated.err()).isZero();
            // every figure equal except the clock (measured over real nodes, simulated in process) and the bytes
            // (over nodes they include the request's node envelope: study, dataset and round)
            assertThat(withoutClock(killed.resolve("metrics.csv")))
                    .isEqualTo(withoutClock(tmp.resolve("simulated/metrics.csv")));

            // 2. a hospital's node is killed with -9 mid-run: it fails its rounds, the others go on, and after a
            // restart it rebuilds its session and takes part again. The coordinator is paused while the node
            // restarts, so that the run cannot end before it is back, however slow the machine is.
            Path second = tmp.resolve("second");
            List<String> again = new ArrayList<>(List.of("run", study.toString(), "--rounds", "60"));
            again.addAll(listen);
            again.addAll(List.of("--out", second.toString()));
            Path rural = configs.get("rural-clinic").getParent().resolve("audit.jsonl");
            long before = Files.size(rural);
            try (ChildJava coordinator = ChildJava.medfed(again.toArray(String[]::new))) {
                waitForAuditLine(rural, before, "\"round\":2,\"procedure\":\"train\"", 180);
                nodes.get("rural-clinic").kill();
                coordinator.await(l -> l.contains("node rural-clinic lost"), 60);
                coordinator.signal("STOP");
                try {
                    ChildJava restarted = ChildJava.medfed("node", "--config", configs.get("rural-clinic").toString());
                    nodes.put("rural-clinic", restarted);
                    restarted.await(l -> l.contains("dialling"), 120);
                } finally {
                    coordinator.signal("CONT");
                }
                assertThat(coordinator.waitFor(300)).as(coordinator.output()).isZero();
                assertThat(coordinator.output()).contains("node rural-clinic connected");
            }
            String summary = Files.readString(second.resolve("summary.json"));
            String lastRound = Files.readAllLines(second.resolve("metrics.csv")).stream()
                    .filter(l -> l.startsWith("60,rural-clinic,test,accuracy,")).findFirst().orElse("");
            assertThat(lastRound).as("rural-clinic is back by the last round; %s", summary).isNotEmpty();
            // the summary's keys are in name order, so "failures" comes before "name" within the hospital's object
            assertThat(summary).containsPattern("\\{[^{}]*\"failures\" : [1-9][^{}]*\"name\" : \"rural-clinic\"[^{}]*}");
            // the audit log of the restarted node shows what it served, and nothing was refused
            assertThat(AuditLogFile.read(rural).entries()).isNotEmpty()
                    .noneMatch(e -> e.outcome() == AuditOutcome.REFUSED);
        } finally {
            for (ChildJava n : nodes.values()) {
                n.kill();
            }
        }
    }

    /**
     * Ctrl-C while the coordinator still waits for its nodes leaves no run folder behind holding only its lock; a node
     * stopped with Ctrl-C says so.
     */
    @Test
    void aCoordinatorInterruptedWhileWaitingForItsNodesLeavesNoFolder() throws Exception {
        int port = freePort();
        Path kit = provision(port);
        Path study = writeStudy(tmp.resolve("study.json"));
        Path out = tmp.resolve("runs").resolve("waiting");
        try (ChildJava coordinator = ChildJava.medfed("run", study.toString(), "--listen", String.valueOf(port),
                "--bind", "127.0.0.1", "--tls", kit.resolve("coordinator").toString(), "--wait", "600", "--out",
                out.toString())) {
            coordinator.await(l -> l.startsWith("waiting for the nodes"), 60);
            assertThat(out.resolve(".medfed.lock")).exists();
            coordinator.signal("INT");
            coordinator.waitFor(60);
            assertThat(out).as(coordinator.output()).doesNotExist();
            assertThat(tmp.resolve("runs")).as("the parent it made for the folder").doesNotExist();
        }
        // a node stopped with Ctrl-C says so on its way out
        Path config = writeNodeConfig(kit.resolve("hospitals").resolve(HOSPITALS.get(0)), HOSPITALS.get(0), port);
        try (ChildJava node = ChildJava.medfed("node", "--config", config.toString())) {
            node.await(l -> l.contains("dialling"), 60);
            node.signal("INT");
            // read as a line: the process may end before its last line reaches this side
            node.await(l -> l.contains("node stopped: it left the study"), 60);
            node.waitFor(60);
        }
        // a node the coordinator refuses stops with exit code 2, so that a service manager sees it failed
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();
        try (var server = org.medfed.study.CoordinatorListening.start(new org.medfed.project.CoordinatorSection(port,
                "127.0.0.1", kit.resolve("coordinator").toString()), study, List.of("someone-else"), executor)) {
            CliRunner refused = CliRunner.run("node", "--config", config.toString());
            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(MedFedCommand.BAD_INPUT);
            assertThat(refused.err()).contains("medfed node: the coordinator refused this node: ");
        } finally {
            executor.shutdownNow();
        }
    }

    /** Waits for {@code fragment} in what the audit log gained after its first {@code from} bytes. */
    private static void waitForAuditLine(Path audit, long from, String fragment, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            byte[] all = Files.readAllBytes(audit);
            if (new String(all, (int) from, all.length - (int) from, java.nio.charset.StandardCharsets.UTF_8)
                    .contains(fragment)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no '" + fragment + "' in " + audit);
    }

    /** The study kit of HOSPITALS for a coordinator on {@code port}, made by {@code medfed provision}. */
    private Path provision(int port) {
        Path kit = tmp.resolve("kit");
        List<String> provision = new ArrayList<>(List.of("provision", "--study", "heart-e2e", "--coordinator",
                "127.0.0.1:" + port, "--out", kit.toString()));
        HOSPITALS.forEach(h -> provision.addAll(List.of("--hospital", h)));
        CliRunner made = CliRunner.run(provision.toArray(String[]::new));
        assertThat(made.exitCode()).as(made.err()).isZero();
        return kit;
    }

    private static Path writeNodeConfig(Path folder, String hospital, int port) throws IOException {
        Path file = folder.resolve("node.json");
        Files.writeString(file, """
                {"schemaVersion": 2, "node": "%s", "study": "heart-e2e", "coordinator": "127.0.0.1:%d",
                 "certificate": "node.crt", "key": "node.key", "ca": "ca.crt",
                 "datasets": [{"id": "heart", "kind": "table", "file": "%s", "csv": {"separator": ",", "header": "auto"}}],
                 "policy": {"dataKinds": ["table"], "procedures": null, "minimumCount": 5,
                            "requireDifferentialPrivacy": false, "maxEpsilon": null, "maxRounds": 100},
                 "auditLog": "audit.jsonl", "stateFolder": "state/"}
                """.formatted(hospital, port, SAMPLE.resolve("data").resolve(hospital + ".csv")));
        return file;
    }

    /** The sample study with each hospital named by its node and dataset instead of its file. */
    private static Path writeStudy(Path file) throws IOException {
        String sample = Files.readString(SAMPLE.resolve("study.json"));
        String participants = String.join(", ", HOSPITALS.stream().map(h -> "{\"name\": \"" + h + "\", \"node\": \""
                + h + "\", \"dataset\": \"heart\"}").toList());
        int start = sample.indexOf("\"participants\"");
        int end = sample.indexOf("\"data\" : {");
        Files.writeString(file, sample.substring(0, start) + "\"participants\": [" + participants + "],\n  "
                + sample.substring(end));
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** metrics.csv without its clock_seconds column (the sixth) and its bytes rows. */
    private static String withoutClock(Path metrics) throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        for (String line : Files.readAllLines(metrics)) {
            if (line.contains(",run,bytes_")) {
                continue;
            }
            String[] f = line.split(",", -1);
            List<String> kept = new ArrayList<>(List.of(f));
            if (kept.size() > 5) {
                kept.remove(5);
            }
            sb.append(String.join(",", kept)).append('\n');
        }
        return sb.toString();
    }
}
