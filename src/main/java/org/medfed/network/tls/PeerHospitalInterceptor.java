package org.medfed.network.tls;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.medfed.network.pki.CertificateNames;

/**
 * Names the hospital behind each call from the certificate it showed in the TLS handshake (its
 * {@code medfed:hospital:} URI, else its common name) and puts the name in {@link PeerHospital#HOSPITAL}.
 * A call without a TLS session or client certificate, or with the coordinator's own certificate, is refused.
 */
public final class PeerHospitalInterceptor implements ServerInterceptor {

    private final Clock clock;

    public PeerHospitalInterceptor() {
        this(Clock.systemUTC());
    }

    PeerHospitalInterceptor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
        Certificate[] chain;
        try {
            chain = session == null ? null : session.getPeerCertificates();
        } catch (SSLPeerUnverifiedException e) {
            chain = null;
        }
        Identified who = identify(chain);
        if (who.refusal() != null) {
            call.close(who.refusal(), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        Context context = Context.current().withValue(PeerHospital.HOSPITAL, who.hospital());
        return Contexts.interceptCall(context, call, headers, next);
    }

    /**
     * The hospital named by a peer's certificate chain. The dates are checked again here, not only by the TLS
     * engine: a session lives on after its certificate expires, and the engine's check is configuration that a
     * later change could lose silently.
     */
    Identified identify(Certificate[] chain) {
        if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate peer)) {
            return Identified.refused(Status.UNAUTHENTICATED.withDescription(
                    "a hospital certificate is required; this call came without one"));
        }
        try {
            peer.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException e) {
            return Identified.refused(Status.UNAUTHENTICATED.withDescription("the certificate of '"
                    + CertificateNames.hospital(peer).orElse("?") + "' expired on " + peer.getNotAfter().toInstant()));
        } catch (CertificateNotYetValidException e) {
            return Identified.refused(Status.UNAUTHENTICATED.withDescription("the certificate of '"
                    + CertificateNames.hospital(peer).orElse("?") + "' is valid only from "
                    + peer.getNotBefore().toInstant()));
        }
        return CertificateNames.hospital(peer)
                .map(Identified::hospital)
                .orElseGet(() -> Identified.refused(Status.PERMISSION_DENIED.withDescription(
                        "the certificate names no hospital (it is the coordinator's or has no name)")));
    }

    /** A hospital's name, or why the call is refused. */
    record Identified(String hospital, Status refusal) {

        static Identified hospital(String name) {
            return new Identified(name, null);
        }

        static Identified refused(Status status) {
            return new Identified(null, status);
        }
    }
}
