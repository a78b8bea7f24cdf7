package org.medfed.network.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettySslContextChannelCredentials;
import io.grpc.netty.shaded.io.netty.handler.ssl.OpenSsl;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medfed.network.tls.probe.ProbeGrpc;
import org.medfed.network.tls.probe.ProbeRequest;

/**
 * Mutual TLS over loopback between a coordinator-like server and node-like clients: who gets in, who is
 * refused, and what the server believes about the caller.
 */
class MutualTlsTest {

    private static TestStudy study;
    private static TestStudy otherStudy;
    private static TlsIdentity coordinator;

    private ProbeServer server;
    private ManagedChannel channel;

    @BeforeAll
    static void makeCertificates() {
        study = TestStudy.create("Heart 2027");
        // the same study name with another CA: only the CA's key makes certificates trusted, not names
        otherStudy = TestStudy.create("Heart 2027");
        coordinator = study.coordinator();
    }

    @AfterEach
    void shutDown() throws InterruptedException {
        if (channel != null) {
            channel.shutdownNow();
            channel.awaitTermination(5, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aNodeOfTheStudyConnectsAndTheServerSeesItsName() throws Exception {
        server = ProbeServer.start(coordinator);

        String seen = who(NodeTls.channelCredentials(study.hospital("hospital-a")), "");

        assertThat(seen).isEqualTo("hospital-a");
    }

    @Test
    void aNodeMayDialLocalhostByName() throws Exception {
        server = ProbeServer.start(coordinator);
        channel = NettyChannelBuilder.forAddress("localhost", server.port(),
                NodeTls.channelCredentials(study.hospital("hospital-a"))).build();

        assertThat(stub().who(ProbeRequest.getDefaultInstance()).getHospital()).isEqualTo("hospital-a");
    }

    @Test
    void aNodeClaimingItsOwnNameIsAccepted() throws Exception {
        server = ProbeServer.start(coordinator);

        assertThat(who(NodeTls.channelCredentials(study.hospital("hospital-a")), "hospital-a")).isEqualTo("hospital-a");
    }

    @Test
    void aNodeClaimingAnotherHospitalsNameIsRefused() throws Exception {
        server = ProbeServer.start(coordinator);

        StatusRuntimeException refused = refusal(NodeTls.channelCredentials(study.hospital("hospital-b")), "hospital-a");

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refused.getStatus().getDescription())
                .isEqualTo("the certificate is issued to 'hospital-b' but the node calls itself 'hospital-a'");
    }

    @Test
    void aNodeCertificateOfAnotherStudyCaIsRefused() throws Exception {
        server = ProbeServer.start(coordinator);
        // trusts the right coordinator, but shows a certificate the study CA never signed
        TlsIdentity impostor = new TlsIdentity(otherStudy.ca.issueHospital("hospital-a", otherStudy.validity),
                study.ca.certificate());

        assertHandshakeRefused(refusal(NodeTls.channelCredentials(impostor), ""));
    }

    @Test
    void anExpiredNodeCertificateIsRefused() throws Exception {
        server = ProbeServer.start(coordinator);

        StatusRuntimeException refused = refusal(NodeTls.channelCredentials(study.expiredHospital("hospital-a")), "");

        assertHandshakeRefused(refused);
        if (OpenSsl.isAvailable()) {
            // BoringSSL's alert names the reason; the JDK engine (used without it) says only certificate_unknown
            assertThat(causes(refused)).contains("CERTIFICATE_EXPIRED");
        }
    }

    @Test
    void aPlaintextClientIsRefused() throws Exception {
        server = ProbeServer.start(coordinator);
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();

        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> stub().who(ProbeRequest.getDefaultInstance()));

        assertHandshakeRefused(refused);
    }

    @Test
    void aClientWithoutCertificateIsRefused() throws Exception {
        server = ProbeServer.start(coordinator);
        ChannelCredentials noCertificate = NettySslContextChannelCredentials.create(
                GrpcSslContexts.forClient().trustManager(study.ca.certificate()).build());

        assertHandshakeRefused(refusal(noCertificate, ""));
    }

    @Test
    void theNodeRefusesACoordinatorOfAnotherCa() throws Exception {
        server = ProbeServer.start(otherStudy.coordinator());

        assertHandshakeRefused(refusal(NodeTls.channelCredentials(study.hospital("hospital-a")), ""));
    }

    @Test
    void theNodeRefusesACoordinatorWhoseCertificateNamesAnotherHost() throws Exception {
        server = ProbeServer.start(coordinator);
        // the certificate names coordinator.example.org and loopback; the node believes it dialled another host
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port(),
                NodeTls.channelCredentials(study.hospital("hospital-a"))).overrideAuthority("elsewhere.example.org").build();

        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> stub().who(ProbeRequest.getDefaultInstance()));

        assertHandshakeRefused(refused);
        assertThat(causes(refused)).contains("elsewhere.example.org");
    }

    @Test
    void theCoordinatorsOwnCertificateDoesNotPassForAHospital() throws Exception {
        server = ProbeServer.start(coordinator);

        StatusRuntimeException refused = refusal(NodeTls.channelCredentials(coordinator), "");

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refused.getStatus().getDescription()).contains("names no hospital");
    }

    private String who(ChannelCredentials credentials, String claimedName) {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port(), credentials).build();
        return stub().who(ProbeRequest.newBuilder().setClaimedName(claimedName).build()).getHospital();
    }

    private StatusRuntimeException refusal(ChannelCredentials credentials, String claimedName) {
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> who(credentials, claimedName));
        assertThat(refused).as("the call should have been refused").isNotNull();
        return refused;
    }

    private ProbeGrpc.ProbeBlockingStub stub() {
        return ProbeGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
    }

    private static String causes(Throwable t) {
        StringBuilder text = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            text.append(c).append('\n');
        }
        return text.toString();
    }

    /** Refused before any service ran: the connection failed, it did not time out. */
    private static void assertHandshakeRefused(StatusRuntimeException refused) {
        assertThat(refused).as("the call should have been refused").isNotNull();
        assertThat(refused.getStatus().getCode()).as(refused.getStatus().toString()).isEqualTo(Status.Code.UNAVAILABLE);
    }

}
