package org.medfed.network.pki;

import org.medfed.project.HospitalNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medfed.project.CoordinatorAddress;

/** The fields of the study CA's, the coordinator's and a hospital's certificate. */
class StudyAuthorityTest {

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final int KEY_CERT_SIGN = 5;
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int SAN_DNS = 2;
    private static final int SAN_URI = 6;
    private static final int SAN_IP = 7;

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
    private static StudyAuthority ca;

    @BeforeAll
    static void makeCa() {
        ca = StudyAuthority.create("Heart, 2027", Validity.days(Validity.DEFAULT_DAYS, NOW));
    }

    @Test
    void theCaIsASelfSignedCaForKeyCertSign() throws Exception {
        X509Certificate c = ca.certificate();

        assertThat(c.getBasicConstraints()).isEqualTo(0);
        assertThat(c.getKeyUsage()[KEY_CERT_SIGN]).isTrue();
        assertThat(c.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(c.getIssuerX500Principal()).isEqualTo(c.getSubjectX500Principal());
        c.verify(c.getPublicKey());
        assertThat(CertificateNames.study(c)).contains("Heart, 2027");
        assertThat(ca.study()).isEqualTo("Heart, 2027");
    }

    @Test
    void keysAreEcP256SignedWithSha256() {
        X509Certificate hospital = ca.issueHospital("hospital-a", Validity.days(30, NOW)).certificate();

        assertThat(hospital.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) hospital.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(hospital.getSigAlgName()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void validityStartsAnHourBackAndLastsTheDaysAsked() {
        X509Certificate c = ca.certificate();

        assertThat(c.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(c.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(730)));
    }

    @Test
    void aHospitalCertificateNamesTheHospitalAndTheStudy() throws Exception {
        CertifiedKey issued = ca.issueHospital("hospital-a", Validity.days(30, NOW));
        X509Certificate c = issued.certificate();

        c.verify(ca.certificate().getPublicKey());
        assertThat(c.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThat(CertificateNames.commonName(c)).contains("hospital-a");
        assertThat(CertificateNames.study(c)).contains("Heart, 2027");
        assertThat(c.getSubjectX500Principal().getName(X500Principal.RFC2253)).contains("OU=hospital");
        assertThat(sans(c, SAN_URI)).containsExactly("medfed:hospital:hospital-a");
        assertThat(CertificateNames.hospital(c)).contains("hospital-a");
        assertThat(c.getExtendedKeyUsage()).containsExactlyInAnyOrder(SERVER_AUTH, CLIENT_AUTH);
        assertThat(c.getKeyUsage()[DIGITAL_SIGNATURE]).isTrue();
        assertThat(c.getKeyUsage()[KEY_CERT_SIGN]).isFalse();
        assertThat(c.getBasicConstraints()).isEqualTo(-1);
        assertThat(issued.keyMatchesCertificate()).isTrue();
    }

    @Test
    void theCoordinatorCertificateNamesItsHostAndLoopback() throws Exception {
        X509Certificate c = ca.issueCoordinator(CoordinatorAddress.parse("fl.hospital-net.org:7443"),
                Validity.days(30, NOW)).certificate();

        assertThat(sans(c, SAN_DNS)).containsExactly("fl.hospital-net.org", "localhost");
        assertThat(sans(c, SAN_IP)).containsExactlyInAnyOrder("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(c.getExtendedKeyUsage()).containsExactlyInAnyOrder(SERVER_AUTH, CLIENT_AUTH);
        assertThat(CertificateNames.hospital(c)).as("the coordinator never passes for a hospital").isEmpty();
    }

    @Test
    void aCoordinatorAtAnIpAddressGetsAnIpEntry() throws Exception {
        X509Certificate c = ca.issueCoordinator(CoordinatorAddress.parse("10.20.30.40:7443"),
                Validity.days(30, NOW)).certificate();

        assertThat(sans(c, SAN_IP)).contains("10.20.30.40", "127.0.0.1");
        assertThat(sans(c, SAN_DNS)).containsExactly("localhost");
    }

    @Test
    void serialNumbersDiffer() {
        X509Certificate a = ca.issueHospital("hospital-a", Validity.days(30, NOW)).certificate();
        X509Certificate b = ca.issueHospital("hospital-a", Validity.days(30, NOW)).certificate();

        assertThat(a.getSerialNumber()).isPositive().isNotEqualTo(b.getSerialNumber());
    }

    @Test
    void aCertificateIsCutToTheCasValidity() {
        X509Certificate c = ca.issueHospital("hospital-a", Validity.days(800, NOW.plus(Duration.ofDays(1)))).certificate();

        assertThat(c.getNotAfter()).isEqualTo(ca.certificate().getNotAfter());
        assertThat(c.getNotBefore().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(1)).minus(Duration.ofHours(1)));
        assertThatThrownBy(() -> ca.issueHospital("hospital-a", Validity.days(10, NOW.plus(Duration.ofDays(900)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the study CA's validity");
    }

    @Test
    void unsafeNamesAreRefused() {
        assertThatThrownBy(() -> ca.issueHospital("../etc", Validity.days(30, NOW)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(HospitalNames.problem("hospital a")).isPresent();
        assertThat(HospitalNames.problem("hospital-")).isPresent();
        assertThat(HospitalNames.problem("nul")).isPresent();
        assertThat(HospitalNames.problem("x".repeat(65))).isPresent();
        assertThat(HospitalNames.problem("St.Mary_2")).isEmpty();
        assertThat(StudyAuthority.studyNameProblem(" ")).isPresent();
        assertThat(StudyAuthority.studyNameProblem("Heart\n2027")).isPresent();
    }

    private static List<String> sans(X509Certificate c, int type) throws CertificateParsingException {
        return c.getSubjectAlternativeNames().stream()
                .filter(n -> n.get(0).equals(type))
                .map(n -> (String) n.get(1))
                .collect(Collectors.toList());
    }
}
