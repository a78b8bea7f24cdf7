package org.medfed.network.tls;

import io.grpc.ServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettySslContextServerCredentials;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import javax.net.ssl.SSLException;

/**
 * The coordinator's side of mutual TLS: it shows its certificate, and accepts only callers that show a valid
 * certificate from the study CA. Netty checks the chain and the dates during the handshake; a caller without a
 * certificate, with an expired one or one of another CA never reaches a service.
 *
 * <p>Serve with {@code NettyServerBuilder.forAddress(address, CoordinatorTls.serverCredentials(identity))} and
 * {@code .intercept(new PeerHospitalInterceptor())}; there is no plaintext port.
 */
public final class CoordinatorTls {

    private CoordinatorTls() {
    }

    public static SslContext serverContext(TlsIdentity identity) {
        SslContextBuilder builder = GrpcSslContexts.configure(
                SslContextBuilder.forServer(identity.own().privateKey(), identity.own().certificate()))
                .trustManager(identity.studyCa())
                .clientAuth(ClientAuth.REQUIRE)
                .protocols(TlsSettings.PROTOCOLS);
        try {
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up the coordinator's TLS: " + e.getMessage(), e);
        }
    }

    public static ServerCredentials serverCredentials(TlsIdentity identity) {
        return NettySslContextServerCredentials.create(serverContext(identity));
    }
}
