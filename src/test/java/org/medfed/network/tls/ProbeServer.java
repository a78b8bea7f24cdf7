package org.medfed.network.tls;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.medfed.network.tls.probe.ProbeGrpc;
import org.medfed.network.tls.probe.ProbeName;
import org.medfed.network.tls.probe.ProbeRequest;

/** A coordinator-like TLS server on 127.0.0.1 and a free port, answering the name its interceptor found. */
final class ProbeServer implements AutoCloseable {

    private final Server server;

    private ProbeServer(Server server) {
        this.server = server;
    }

    static ProbeServer start(TlsIdentity coordinator) throws IOException {
        Server server = NettyServerBuilder
                .forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        CoordinatorTls.serverCredentials(coordinator))
                .addService(new ProbeService())
                .intercept(new PeerHospitalInterceptor())
                .build()
                .start();
        return new ProbeServer(server);
    }

    int port() {
        return server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static final class ProbeService extends ProbeGrpc.ProbeImplBase {
        @Override
        public void who(ProbeRequest request, StreamObserver<ProbeName> answer) {
            try {
                String hospital = request.getClaimedName().isEmpty()
                        ? PeerHospital.current().orElse("")
                        : PeerHospital.requireClaim(request.getClaimedName());
                answer.onNext(ProbeName.newBuilder().setHospital(hospital).build());
                answer.onCompleted();
            } catch (RuntimeException e) {
                answer.onError(e);
            }
        }
    }
}
