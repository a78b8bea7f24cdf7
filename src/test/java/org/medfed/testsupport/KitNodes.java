package org.medfed.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.medfed.project.CoordinatorAddress;
import org.medfed.network.node.NodeClient;
import org.medfed.network.pki.Validity;
import org.medfed.network.provision.KitLayout;
import org.medfed.network.provision.StudyKit;
import org.medfed.network.tls.TlsIdentity;
import org.medfed.node.NodeRuntime;
import org.medfed.project.NodeConfigFile;

/**
 * Hospitals' nodes as a real study runs them, in the test JVM: a kit provisioned for a coordinator on a free
 * loopback port, each hospital's {@code node.json} in its kit folder (one table dataset, its policy), and
 * {@link NodeRuntime}s started and stopped by name. Whoever listens (the workbench, {@code medfed run}) uses the
 * kit's coordinator folder.
 */
public final class KitNodes implements AutoCloseable {

    public final String study;
    public final Path kit;
    public final int port;
    public final List<String> log = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(4, r -> {
        Thread t = new Thread(r, "kit-node");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AutoCloseable> running = new LinkedHashMap<>();

    public KitNodes(Path dir, String study, List<String> hospitals) {
        this(dir.resolve("kit"), study, freePort());
        try {
            new StudyKit(study, new CoordinatorAddress("127.0.0.1", port), hospitals,
                    Validity.days(30, Instant.now())).writeTo(kit, Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private KitNodes(Path kit, String study, int port) {
        this.study = study;
        this.kit = kit;
        this.port = port;
    }

    /** The nodes of a kit provisioned elsewhere (the workbench's dialog) for a coordinator on {@code port}. */
    public static KitNodes of(Path kit, String study, int port) {
        return new KitNodes(kit, study, port);
    }

    /** A free port on the loopback, for a kit's coordinator. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path coordinatorFolder() {
        return KitLayout.coordinatorFolder(kit);
    }

    /**
     * Writes {@code hospital}'s node.json: dataset "heart" read from {@code csv}, and {@code policy} (JSON of the
     * policy section, null for the sample's: tables, every procedure, minimum count 5).
     */
    public void configure(String hospital, Path csv, String policy) {
        configure(hospital, csv, "{\"separator\": \",\", \"header\": \"auto\"}", policy);
    }

    /** As {@link #configure(String, Path, String)}, the table read with {@code reading} (JSON of its "csv"). */
    public void configure(String hospital, Path csv, String reading, String policy) {
        Path folder = KitLayout.hospitalFolder(kit, hospital);
        String json = "{\"schemaVersion\": 2, \"node\": \"" + hospital + "\", \"study\": \"" + study + "\", "
                + "\"coordinator\": \"127.0.0.1:" + port + "\", \"certificate\": \"node.crt\", \"key\": \"node.key\", "
                + "\"ca\": \"ca.crt\", \"datasets\": [{\"id\": \"heart\", \"kind\": \"table\", \"file\": \""
                + csv.toAbsolutePath().toString().replace("\\", "/") + "\", \"csv\": " + reading + "}], "
                + "\"policy\": " + (policy != null ? policy : "{\"dataKinds\": [\"table\"], \"procedures\": null, "
                + "\"minimumCount\": 5, \"requireDifferentialPrivacy\": false, \"maxEpsilon\": null, \"maxRounds\": 1000}")
                + ", \"auditLog\": \"audit.jsonl\", \"stateFolder\": \"state/\"}";
        try {
            Files.writeString(folder.resolve(KitLayout.NODE_CONFIG), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code hospital}'s node from its node.json (again, after {@link #stop}). */
    public synchronized void start(String hospital) {
        NodeRuntime node = NodeRuntime.start(NodeConfigFile.read(KitLayout.hospitalFolder(kit, hospital)
                .resolve(KitLayout.NODE_CONFIG)), TestWorkers.shared(), executor, line -> log.add(hospital + ": " + line));
        running.put(hospital, node);
    }

    /**
     * Starts a node that holds {@code certified}'s certificate but calls itself {@code claimed}: the coordinator
     * must refuse it, naming both.
     */
    public synchronized void startImpostor(String certified, String claimed) {
        Path folder = KitLayout.hospitalFolder(kit, certified);
        TlsIdentity tls = TlsIdentity.load(folder.resolve(KitLayout.NODE_CERTIFICATE),
                folder.resolve(KitLayout.NODE_KEY), folder.resolve(KitLayout.CA_CERTIFICATE));
        NodeClient c = new NodeClient(new NodeClient.Identity(claimed, study, "test", Map.of("heart", "table")),
                "127.0.0.1", port, tls, (dataset, request, control) -> {
                    throw new IllegalStateException("an impostor is never asked anything");
                }, executor, line -> log.add(claimed + " (impostor): " + line));
        c.start();
        running.put(claimed + "-impostor", c::close);
    }

    /** Stops {@code hospital}'s node as a killed process would: its connection ends. */
    public synchronized void stop(String hospital) {
        AutoCloseable node = running.remove(hospital);
        if (node != null) {
            try {
                node.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public synchronized void close() {
        List.copyOf(running.keySet()).forEach(this::stop);
        executor.shutdownNow();
    }
}
