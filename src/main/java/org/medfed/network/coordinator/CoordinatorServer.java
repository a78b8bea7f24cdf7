package org.medfed.network.coordinator;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.medfed.network.tls.CoordinatorTls;
import org.medfed.network.tls.PeerHospitalInterceptor;
import org.medfed.network.tls.TlsIdentity;

/**
 * The coordinator's listening side: a gRPC server that accepts only mutually authenticated TLS connections from
 * the study's nodes, and the registry of those connected.
 */
public final class CoordinatorServer implements AutoCloseable {

    /** How often nodes send a heartbeat; a dead connection is found by transport keepalive. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);

    private final Server server;
    private final NodeRegistry registry;

    private CoordinatorServer(Server server, NodeRegistry registry) {
        this.server = server;
        this.registry = registry;
    }

    /**
     * Starts listening.
     *
     * @param address       where to listen ({@code 127.0.0.1} and port 0 in tests)
     * @param study         the study name; nodes set up for another study are refused
     * @param expectedNodes the node names the study uses (others are refused), empty for any
     * @param executor      runs the server's calls (the application's one executor)
     */
    public static CoordinatorServer start(InetSocketAddress address, TlsIdentity identity, String study,
                                          Collection<String> expectedNodes, String version, Executor executor) {
        NodeRegistry registry = new NodeRegistry(expectedNodes);
        Server server = NettyServerBuilder.forAddress(address, CoordinatorTls.serverCredentials(identity))
                .addService(new FederationService(study, version, HEARTBEAT.toMillis(), registry))
                .intercept(new PeerHospitalInterceptor())
                .executor(executor)
                .keepAliveTime(10, TimeUnit.SECONDS)
                .keepAliveTimeout(5, TimeUnit.SECONDS)
                .permitKeepAliveTime(5, TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true)
                .maxInboundMessageSize(1 << 30)
                .build();
        try {
            server.start();
        } catch (IOException e) {
            // Netty's "Failed to bind" carries the system's reason in its cause (epoll's is no BindException)
            Throwable root = e;
            for (Throwable t = e; t != null; t = t.getCause()) {
                root = t;
                if (t instanceof java.net.BindException || String.valueOf(t.getMessage()).contains("already in use")) {
                    throw new org.medfed.engine.BadInputException("cannot listen on port " + address.getPort()
                            + ": another program is using it (a coordinator still running?); stop it, or choose "
                            + "another port (--listen, and the nodes' \"coordinator\" in node.json)", e);
                }
            }
            throw new org.medfed.engine.BadInputException("cannot listen on " + address + ": " + root.getMessage(), e);
        }
        return new CoordinatorServer(server, registry);
    }

    private volatile String closing = "the coordinator stopped";

    public int port() {
        return server.getPort();
    }

    public NodeRegistry nodes() {
        return registry;
    }

    /**
     * What the nodes are told when this server closes (their log shows it), instead of "the coordinator stopped": how
     * the study's run ended, in words that name no other hospital.
     */
    public void closingBecause(String reason) {
        closing = reason;
    }

    @Override
    public void close() {
        registry.closeAll(closing);
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
