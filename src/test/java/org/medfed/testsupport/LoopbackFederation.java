package org.medfed.testsupport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.medfed.project.CoordinatorAddress;
import org.medfed.network.coordinator.CoordinatorServer;
import org.medfed.network.coordinator.RemoteParticipant;
import org.medfed.network.node.CallHandler;
import org.medfed.network.node.NodeClient;
import org.medfed.network.pki.StudyAuthority;
import org.medfed.network.pki.Validity;
import org.medfed.network.tls.TlsIdentity;
import org.medfed.site.InProcessParticipant;

/**
 * A coordinator and nodes on the loopback, all in the test JVM, with certificates of a fresh study CA: the real
 * gRPC and TLS path without processes.
 */
public final class LoopbackFederation implements AutoCloseable {

    public final String study;
    public final StudyAuthority ca;
    public final Validity validity;
    public final CoordinatorServer server;
    public final ScheduledExecutorService executor = Executors.newScheduledThreadPool(8, r -> {
        Thread t = new Thread(r, "loopback-federation");
        t.setDaemon(true);
        return t;
    });
    public final Map<String, NodeClient> nodes = new LinkedHashMap<>();
    public final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());

    public LoopbackFederation(String study, List<String> expected) {
        this.study = study;
        Instant now = Instant.now();
        this.validity = new Validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        this.ca = StudyAuthority.create(study, validity);
        TlsIdentity coordinator = new TlsIdentity(ca.issueCoordinator(new CoordinatorAddress("localhost", 7443),
                validity), ca.certificate());
        this.server = CoordinatorServer.start(new InetSocketAddress("127.0.0.1", 0), coordinator, study, expected,
                "test", executor);
    }

    public TlsIdentity hospital(String name) {
        return new TlsIdentity(ca.issueHospital(name, validity), ca.certificate());
    }

    /** Starts a node for {@code name} offering one table dataset "data", answered by {@code handler}. */
    public NodeClient startNode(String name, CallHandler handler) {
        return startNode(name, study, hospital(name), handler);
    }

    public NodeClient startNode(String name, String nodeStudy, TlsIdentity identity, CallHandler handler) {
        return startNode(new NodeClient.Identity(name, nodeStudy, "test", Map.of("data", "table")), identity, handler);
    }

    /** Starts a node that speaks participant protocol revision {@code protocol}, as a node of another version would. */
    public NodeClient startNode(String name, int protocol, CallHandler handler) {
        return startNode(new NodeClient.Identity(name, study, "0.9-old", Map.of("data", "table"), protocol),
                hospital(name), handler);
    }

    private NodeClient startNode(NodeClient.Identity who, TlsIdentity identity, CallHandler handler) {
        String name = who.node();
        NodeClient c = new NodeClient(who, "127.0.0.1", server.port(), identity, handler, executor,
                line -> log.add(name + ": " + line));
        c.start();
        nodes.put(name, c);
        return c;
    }

    /** The remote stand-in of a simulated hospital, with its sizes. */
    public RemoteParticipant remote(InProcessParticipant p) {
        return new RemoteParticipant(p.name(), p.name(), "data", p.trainSize(), p.testSize(), p.weight(),
                server.nodes());
    }

    public void awaitConnected(List<String> names) {
        List<String> missing = server.nodes().awaitAll(names, Duration.ofSeconds(20));
        if (!missing.isEmpty()) {
            throw new AssertionError("nodes did not connect: " + missing + "; log " + log);
        }
    }

    @Override
    public void close() {
        nodes.values().forEach(NodeClient::close);
        server.close();
        executor.shutdownNow();
    }
}
