package org.medfed.network.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.medfed.engine.protocol.ProtocolRevision;
import org.medfed.network.pki.StudyAuthority;
import org.medfed.network.pki.Validity;
import org.medfed.network.proto.CoordinatorMessage;
import org.medfed.network.proto.FederationGrpc;
import org.medfed.network.proto.NodeMessage;
import org.medfed.network.proto.Welcome;
import org.medfed.network.tls.CoordinatorTls;
import org.medfed.network.tls.TlsIdentity;
import org.medfed.project.CoordinatorAddress;

/**
 * A node that meets a coordinator of an older participant protocol (which does not check the node's revision) leaves
 * with the reason instead of serving requests it would misread. The coordinator here is a stand-in that welcomes
 * every node as a version from before this revision would.
 */
class CoordinatorOfAnotherRevisionTest {

    @Test
    void theNodeLeavesWithBothVersionsAndWhatToDo() throws Exception {
        Instant now = Instant.now();
        Validity validity = new Validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
        StudyAuthority ca = StudyAuthority.create("heart-study", validity);
        TlsIdentity coordinator = new TlsIdentity(ca.issueCoordinator(new CoordinatorAddress("localhost", 7443),
                validity), ca.certificate());
        CountDownLatch ended = new CountDownLatch(1);
        FederationGrpc.FederationImplBase older = new FederationGrpc.FederationImplBase() {
            @Override
            public StreamObserver<NodeMessage> connect(StreamObserver<CoordinatorMessage> toNode) {
                return new StreamObserver<>() {
                    @Override
                    public void onNext(NodeMessage m) {
                        if (m.hasHello()) {
                            toNode.onNext(CoordinatorMessage.newBuilder().setWelcome(Welcome.newBuilder()
                                    .setStudy("heart-study").setVersion("0.9-old").setHeartbeatMillis(1000)
                                    .setProtocol(ProtocolRevision.CURRENT - 1)).build());
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        ended.countDown();
                    }

                    @Override
                    public void onCompleted() {
                        ended.countDown();
                        toNode.onCompleted();
                    }
                };
            }
        };
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0),
                CoordinatorTls.serverCredentials(coordinator)).addService(older).build().start();
        CallHandler nothing = (dataset, request, control) -> {
            throw new AssertionError("no call expected");
        };
        TlsIdentity hospital = new TlsIdentity(ca.issueHospital("hospital-a", validity), ca.certificate());
        NodeClient node = new NodeClient(new NodeClient.Identity("hospital-a", "heart-study", "1.0-new",
                Map.of("data", "table")), "127.0.0.1", server.getPort(), hospital, nothing, executor, line -> { });
        try {
            node.start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (node.state() != NodeClient.State.REFUSED && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(node.state()).isEqualTo(NodeClient.State.REFUSED);
            assertThat(node.refusal()).isEqualTo("the coordinator runs MedFed 0.9-old with participant protocol "
                    + "revision " + (ProtocolRevision.CURRENT - 1) + ", but this node runs MedFed 1.0-new with revision "
                    + ProtocolRevision.CURRENT + ": install the same MedFed version at the hospitals' nodes and at the "
                    + "coordinator");
            // the node ended its stream: it does not stay connected to serve requests
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            node.close();
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            executor.shutdownNow();
        }
    }
}
