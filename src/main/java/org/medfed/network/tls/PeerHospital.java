package org.medfed.network.tls;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;

/**
 * The hospital whose certificate made the current call, as {@link PeerHospitalInterceptor} found it. A service
 * believes this name, never the one a node writes in its messages, and checks the two against each other.
 */
public final class PeerHospital {

    /** Set by {@link PeerHospitalInterceptor} on every call it lets through. */
    public static final Context.Key<String> HOSPITAL = Context.key("medfed.peer-hospital");

    private PeerHospital() {
    }

    /** The certified name of the calling hospital; empty outside a call that passed the interceptor. */
    public static Optional<String> current() {
        return Optional.ofNullable(HOSPITAL.get());
    }

    /**
     * Returns the certified name when the node's claim matches it; otherwise the call is refused with
     * PERMISSION_DENIED, naming both, so that whoever set up the node sees which configuration is wrong.
     */
    public static String requireClaim(String claimedName) {
        String certified = current().orElseThrow(() -> Status.UNAUTHENTICATED
                .withDescription("no hospital certificate on this call (is PeerHospitalInterceptor installed?)")
                .asRuntimeException());
        return requireClaim(certified, claimedName);
    }

    /** The same check for a certified name the caller already holds (for example one kept for a stream). */
    public static String requireClaim(String certifiedName, String claimedName) {
        if (!certifiedName.equals(claimedName)) {
            throw mismatch(certifiedName, claimedName);
        }
        return certifiedName;
    }

    static StatusRuntimeException mismatch(String certifiedName, String claimedName) {
        return Status.PERMISSION_DENIED
                .withDescription("the certificate is issued to '" + certifiedName + "' but the node calls itself '"
                        + claimedName + "'")
                .asRuntimeException();
    }
}
