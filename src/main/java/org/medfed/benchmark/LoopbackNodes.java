package org.medfed.benchmark;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.medfed.concurrency.Workers;
import org.medfed.engine.Participant;
import org.medfed.project.CoordinatorAddress;
import org.medfed.network.coordinator.CoordinatorServer;
import org.medfed.network.coordinator.NodeLink;
import org.medfed.network.coordinator.RemoteParticipant;
import org.medfed.network.node.NodeClient;
import org.medfed.node.SiteCallHandler;
import org.medfed.network.pki.StudyAuthority;
import org.medfed.network.pki.Validity;
import org.medfed.network.tls.TlsIdentity;
import org.medfed.site.HospitalSite;
import org.medfed.study.Version;

/**
 * A coordinator and one node per hospital on the loopback, all in this JVM, with certificates of a fresh in-memory
 * study CA: the real path of a study over the network (gRPC, mutual TLS, the node's call handler) without
 * processes. Optionally the nodes dial a {@link CountingTcpProxy} in front of the coordinator, to count what the
 * sockets carry.
 */
final class LoopbackNodes implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    private static final String STUDY = "network-benchmark";
    private static final String DATASET = "data";
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(120);

    private final List<HospitalSite> sites;
    private final ExecutorService coordinatorThreads;
    private final ScheduledExecutorService nodeThreads;
    private final CoordinatorServer server;
    private final CountingTcpProxy relay;
    private final List<NodeClient> clients = new ArrayList<>();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());

    /**
     * Starts the coordinator and the nodes and waits until every node is connected.
     *
     * @param nodeThreads  threads all nodes share for their calls; in a real study each node has its own machine,
     *                     here they share this one, so giving them as many threads as the in-process run keeps the
     *                     two runs' computing power equal
     * @param throughRelay whether the nodes dial a counting relay instead of the coordinator itself
     */
    static LoopbackNodes start(Workers workers, List<HospitalSite> sites, int nodeThreads, boolean throughRelay) {
        LoopbackNodes nodes = new LoopbackNodes(workers, sites, nodeThreads, throughRelay);
        try {
            nodes.connectAll();
            return nodes;
        } catch (RuntimeException e) {
            nodes.close();
            throw e;
        }
    }

    private LoopbackNodes(Workers workers, List<HospitalSite> sites, int nodeThreads, boolean throughRelay) {
        this.sites = List.copyOf(sites);
        Instant now = Instant.now();
        Validity validity = new Validity(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        StudyAuthority ca = StudyAuthority.create(STUDY, validity);
        TlsIdentity coordinator = new TlsIdentity(ca.issueCoordinator(new CoordinatorAddress("localhost", 7443),
                validity), ca.certificate());
        // as `medfed run --listen` does: a cached pool for the server's calls
        this.coordinatorThreads = workers.pool("coordinator");
        this.nodeThreads = workers.scheduled("node", nodeThreads);
        List<String> names = this.sites.stream().map(HospitalSite::name).toList();
        this.server = CoordinatorServer.start(new InetSocketAddress(HOST, 0), coordinator, STUDY, names,
                Version.current(), coordinatorThreads);
        this.relay = throughRelay ? new CountingTcpProxy(workers, server.port()) : null;
        int port = relay != null ? relay.port() : server.port();
        for (HospitalSite site : this.sites) {
            TlsIdentity hospital = new TlsIdentity(ca.issueHospital(site.name(), validity), ca.certificate());
            clients.add(new NodeClient(new NodeClient.Identity(site.name(), STUDY, Version.current(),
                    Map.of(DATASET, "table")), HOST, port, hospital, new SiteCallHandler(Map.of(DATASET, site)),
                    this.nodeThreads, line -> log.add(site.name() + ": " + line)));
        }
    }

    private void connectAll() {
        clients.forEach(NodeClient::start);
        List<String> missing = server.nodes().awaitAll(sites.stream().map(HospitalSite::name).toList(),
                CONNECT_LIMIT);
        if (!missing.isEmpty()) {
            throw new IllegalStateException(missing.size() + " of " + sites.size() + " loopback nodes did not connect "
                    + "within " + CONNECT_LIMIT.toSeconds() + " s: " + missing + "; node log: " + log);
        }
    }

    /** The hospitals as the coordinator reaches them: through their nodes, weight 1 each. */
    List<Participant> participants() {
        List<Participant> out = new ArrayList<>();
        for (HospitalSite s : sites) {
            out.add(new RemoteParticipant(s.name(), s.name(), DATASET, s.trainer().trainSize(),
                    s.trainer().testSize(), 1.0, server.nodes()));
        }
        return out;
    }

    /** Every site back to an empty study state, so that a new run starts as a fresh study would. */
    void resetSites() {
        sites.forEach(HospitalSite::resetState);
    }

    /** The serialized sizes of the protobuf messages so far, summed over every node's link. */
    WireBytes protobufBytes() {
        long down = 0;
        long up = 0;
        for (NodeLink link : server.nodes().links()) {
            down += link.bytesDown();
            up += link.bytesUp();
        }
        return new WireBytes(down, up);
    }

    /** The bytes the sockets carried so far, when the nodes dial through the relay. */
    Optional<WireBytes> socketBytes() {
        return relay == null ? Optional.empty()
                : Optional.of(new WireBytes(relay.bytesFromTarget(), relay.bytesToTarget()));
    }

    @Override
    public void close() {
        clients.forEach(NodeClient::close);
        server.close();
        if (relay != null) {
            relay.close();
        }
        nodeThreads.shutdownNow();
        coordinatorThreads.shutdownNow();
    }
}
