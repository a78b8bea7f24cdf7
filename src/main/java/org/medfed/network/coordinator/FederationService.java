package org.medfed.network.coordinator;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import org.medfed.engine.protocol.ProtocolRevision;
import org.medfed.network.proto.CoordinatorMessage;
import org.medfed.network.proto.DatasetOffer;
import org.medfed.network.proto.FederationGrpc;
import org.medfed.network.proto.Hello;
import org.medfed.network.proto.NodeMessage;
import org.medfed.network.proto.Refused;
import org.medfed.network.proto.Welcome;
import org.medfed.network.tls.PeerHospital;
import org.medfed.network.wire.RepeatedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator's end of a node's stream: checks the node's hello against its certificate and the study, then
 * hands replies and heartbeats to the node's {@link NodeLink}.
 */
final class FederationService extends FederationGrpc.FederationImplBase {

    private static final Logger LOG = LoggerFactory.getLogger(FederationService.class);

    private final String study;
    private final String version;
    private final long heartbeatMillis;
    private final NodeRegistry registry;
    private final RepeatedModel.Digests digests = new RepeatedModel.Digests();

    FederationService(String study, String version, long heartbeatMillis, NodeRegistry registry) {
        this.study = study;
        this.version = version;
        this.heartbeatMillis = heartbeatMillis;
        this.registry = registry;
    }

    @Override
    public StreamObserver<NodeMessage> connect(StreamObserver<CoordinatorMessage> toNode) {
        // the certified name is read once, while the interceptor's context is current
        Optional<String> certified = PeerHospital.current();
        return new StreamObserver<>() {
            private NodeLink link;

            @Override
            public void onNext(NodeMessage m) {
                switch (m.getKindCase()) {
                    case HELLO -> hello(m.getHello());
                    case REPLY -> {
                        if (link != null) {
                            link.received(m.getReply(), m.getSerializedSize());
                        }
                    }
                    case HEARTBEAT -> {
                        if (link != null) {
                            link.heard(m.getSerializedSize());
                        }
                    }
                    default -> { }
                }
            }

            private void hello(Hello h) {
                if (link != null) {
                    return;
                }
                String problem = problem(h, certified);
                if (problem != null) {
                    LOG.warn("refused node '{}': {}", h.getNode(), problem);
                    synchronized (toNode) {
                        toNode.onNext(CoordinatorMessage.newBuilder().setRefused(Refused.newBuilder()
                                .setReason(problem)).build());
                        toNode.onError(Status.PERMISSION_DENIED.withDescription(problem).asRuntimeException());
                    }
                    // the wait for a node ends on its refusal only when its certificate bears the name it claims:
                    // one node cannot end the wait for another by claiming its name
                    registry.refused(h.getNode(), problem, certified.filter(h.getNode()::equals).isPresent());
                    return;
                }
                if (!h.getCannotServe().isEmpty()) {
                    // a node that could not start says why and leaves: nothing to link, the stream ends here
                    LOG.warn("node '{}' cannot take part: {}", h.getNode(), h.getCannotServe());
                    registry.cannotServe(h.getNode(), h.getCannotServe());
                    synchronized (toNode) {
                        toNode.onCompleted();
                    }
                    return;
                }
                link = new NodeLink(h.getNode(), h.getVersion(),
                        h.getDatasetsList().stream().map(DatasetOffer::getId).toList(), toNode, digests);
                synchronized (toNode) {
                    toNode.onNext(CoordinatorMessage.newBuilder().setWelcome(Welcome.newBuilder().setStudy(study)
                            .setVersion(version).setHeartbeatMillis(heartbeatMillis)
                            .setProtocol(ProtocolRevision.CURRENT)).build());
                }
                registry.connected(link);
                LOG.info("node '{}' connected (version {}, datasets {})", h.getNode(), h.getVersion(),
                        link.datasets());
            }

            @Override
            public void onError(Throwable t) {
                if (link != null) {
                    registry.lost(link, "the connection to its node was lost (" + describe(t) + ")");
                }
            }

            @Override
            public void onCompleted() {
                if (link != null) {
                    registry.lost(link, "its node was stopped (it closed its connection)");
                }
                synchronized (toNode) {
                    try {
                        toNode.onCompleted();
                    } catch (RuntimeException ignored) {
                        // already closed
                    }
                }
            }
        };
    }

    private String problem(Hello h, Optional<String> certified) {
        if (certified.isEmpty()) {
            return "the connection carries no hospital certificate";
        }
        if (!certified.get().equals(h.getNode())) {
            return "the certificate is issued to '" + certified.get() + "' but the node calls itself '"
                    + h.getNode() + "'";
        }
        if (!study.equals(h.getStudy())) {
            return "this coordinator runs the study '" + study + "', but node '" + h.getNode()
                    + "' is set up for the study '" + h.getStudy() + "'";
        }
        Optional<String> mismatch = ProtocolRevision.mismatch("node '" + h.getNode() + "'", h.getVersion(),
                h.getProtocol(), "this coordinator", version);
        if (mismatch.isPresent()) {
            return mismatch.get();
        }
        return registry.refusal(h.getNode()).orElse(null);
    }

    private static String describe(Throwable t) {
        if (t instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.CANCELLED) {
            // gRPC's "CANCELLED: client cancelled": the node's end closed the stream (stopped, or killed)
            return "its node stopped, or its network dropped the connection";
        }
        if (t instanceof StatusRuntimeException s && String.valueOf(s.getStatus().getDescription())
                .contains("Connection reset")) {
            return "the connection was cut (its node stopped, or the network dropped it)";
        }
        if (t instanceof StatusRuntimeException s) {
            return s.getStatus().getCode() + (s.getStatus().getDescription() == null ? ""
                    : ": " + s.getStatus().getDescription());
        }
        return t.toString();
    }
}
