package org.medfed.network.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.project.CoordinatorAddress;
import org.medfed.network.pki.Validity;
import org.medfed.network.provision.KitLayout;
import org.medfed.network.provision.StudyKit;
import org.medfed.network.tls.probe.ProbeGrpc;
import org.medfed.network.tls.probe.ProbeRequest;

/** The files of a provisioned kit, loaded as the coordinator and a node will load them, connect. */
class KitConnectsTest {

    @TempDir
    Path dir;

    @Test
    void aNodeConnectsWithItsKitFolder() throws Exception {
        new StudyKit("Heart 2027", CoordinatorAddress.parse("fl.example.org:7443"), List.of("hospital-a", "hospital-b"),
                Validity.days(30, Instant.now())).writeTo(dir, Instant.now());
        Path c = KitLayout.coordinatorFolder(dir);
        Path h = KitLayout.hospitalFolder(dir, "hospital-b");
        TlsIdentity coordinator = TlsIdentity.load(c.resolve(KitLayout.COORDINATOR_CERTIFICATE),
                c.resolve(KitLayout.COORDINATOR_KEY), c.resolve(KitLayout.CA_CERTIFICATE));
        TlsIdentity node = TlsIdentity.load(h.resolve(KitLayout.NODE_CERTIFICATE), h.resolve(KitLayout.NODE_KEY),
                h.resolve(KitLayout.CA_CERTIFICATE));

        try (ProbeServer server = ProbeServer.start(coordinator)) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port(),
                    NodeTls.channelCredentials(node)).build();
            try {
                String seen = ProbeGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                        .who(ProbeRequest.newBuilder().setClaimedName("hospital-b").build()).getHospital();
                assertThat(seen).isEqualTo("hospital-b");
            } finally {
                channel.shutdownNow();
                channel.awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }
}
