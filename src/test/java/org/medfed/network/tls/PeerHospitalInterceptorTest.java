package org.medfed.network.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The interceptor's own checks, which back up the TLS engine's. */
class PeerHospitalInterceptorTest {

    private static TestStudy study;

    @BeforeAll
    static void makeCertificates() {
        study = TestStudy.create("Heart 2027");
    }

    @Test
    void namesTheHospitalOfAValidCertificate() {
        PeerHospitalInterceptor.Identified who = new PeerHospitalInterceptor().identify(chain(study.hospital("hospital-a")));

        assertThat(who.hospital()).isEqualTo("hospital-a");
        assertThat(who.refusal()).isNull();
    }

    @Test
    void refusesACertificateThatExpiredAfterTheHandshake() {
        // the session was set up while the certificate was valid; a day later a call on it is refused
        TlsIdentity node = study.hospital("hospital-a");
        Instant dayAfterExpiry = node.own().certificate().getNotAfter().toInstant().plus(Duration.ofDays(1));

        PeerHospitalInterceptor.Identified who =
                new PeerHospitalInterceptor(Clock.fixed(dayAfterExpiry, ZoneOffset.UTC)).identify(chain(node));

        assertThat(who.hospital()).isNull();
        assertThat(who.refusal().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(who.refusal().getDescription()).startsWith("the certificate of 'hospital-a' expired on ");
    }

    @Test
    void refusesACallWithoutCertificate() {
        PeerHospitalInterceptor.Identified who = new PeerHospitalInterceptor().identify(null);

        assertThat(who.refusal().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(who.refusal().getDescription()).contains("a hospital certificate is required");
    }

    @Test
    void refusesTheCoordinatorsCertificate() {
        PeerHospitalInterceptor.Identified who = new PeerHospitalInterceptor().identify(chain(study.coordinator()));

        assertThat(who.refusal().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void aClaimIsCheckedAgainstTheCertifiedName() throws Exception {
        Context withName = Context.current().withValue(PeerHospital.HOSPITAL, "hospital-b");

        assertThat(withName.call(() -> PeerHospital.requireClaim("hospital-b"))).isEqualTo("hospital-b");
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> withName.call(() -> PeerHospital.requireClaim("hospital-a")));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refused.getStatus().getDescription())
                .isEqualTo("the certificate is issued to 'hospital-b' but the node calls itself 'hospital-a'");
    }

    @Test
    void aClaimOutsideACertifiedCallIsRefused() {
        StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                () -> PeerHospital.requireClaim("hospital-a"));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    private static Certificate[] chain(TlsIdentity identity) {
        return new Certificate[] {identity.own().certificate()};
    }
}
