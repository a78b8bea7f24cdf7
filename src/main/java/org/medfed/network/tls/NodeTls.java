package org.medfed.network.tls;

import io.grpc.ChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettySslContextChannelCredentials;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import javax.net.ssl.SSLException;

/**
 * A node's side of mutual TLS: it shows its hospital certificate and talks only to a coordinator whose
 * certificate comes from the study CA and names the host it dialled.
 *
 * <p>Dial with {@code NettyChannelBuilder.forAddress(host, port, NodeTls.channelCredentials(identity))}.
 */
public final class NodeTls {

    private NodeTls() {
    }

    public static SslContext clientContext(TlsIdentity identity) {
        SslContextBuilder builder = GrpcSslContexts.forClient()
                .keyManager(identity.own().privateKey(), identity.own().certificate())
                .trustManager(identity.studyCa())
                // gRPC sets this too; said here so that the check does not hang on a transport's default
                .endpointIdentificationAlgorithm("HTTPS")
                .protocols(TlsSettings.PROTOCOLS);
        try {
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up the node's TLS: " + e.getMessage(), e);
        }
    }

    public static ChannelCredentials channelCredentials(TlsIdentity identity) {
        return NettySslContextChannelCredentials.create(clientContext(identity));
    }
}
