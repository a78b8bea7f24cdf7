package org.medfed.network.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** Which hospital a certificate names, including certificates not made by {@link StudyAuthority}. */
class CertificateNamesTest {

    @Test
    void theUriWinsOverTheCommonName() throws Exception {
        X509Certificate c = selfSigned("CN=front-desk,O=Heart", "medfed:hospital:hospital-a");

        assertThat(CertificateNames.hospital(c)).contains("hospital-a");
    }

    @Test
    void withoutTheUriTheCommonNameCounts() throws Exception {
        X509Certificate c = selfSigned("CN=hospital-a,O=Heart", null);

        assertThat(CertificateNames.hospital(c)).contains("hospital-a");
    }

    @Test
    void theCoordinatorUriNamesNoHospital() throws Exception {
        X509Certificate c = selfSigned("CN=hospital-a,O=Heart", CertificateNames.COORDINATOR_URI);

        assertThat(CertificateNames.hospital(c)).isEmpty();
    }

    @Test
    void aCertificateWithoutNamesNamesNoHospital() throws Exception {
        X509Certificate c = selfSigned("O=Heart", null);

        assertThat(CertificateNames.hospital(c)).isEmpty();
    }

    private static X509Certificate selfSigned(String subject, String uri) throws Exception {
        KeyPair keys = KeyPairs.newP256();
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
        if (uri != null) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, uri)));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }
}
