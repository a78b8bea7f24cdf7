package org.medfed.network.pki;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Who a study certificate names. A hospital's certificate carries the URI {@code medfed:hospital:<name>} besides
 * its common name; the URI is the one to trust, as it cannot be confused with a host name.
 */
public final class CertificateNames {

    public static final String HOSPITAL_URI_PREFIX = "medfed:hospital:";
    public static final String COORDINATOR_URI = "medfed:coordinator";

    /** The type number of a uniformResourceIdentifier in {@link X509Certificate#getSubjectAlternativeNames()}. */
    private static final int SAN_URI = 6;

    private CertificateNames() {
    }

    /**
     * The hospital this certificate was issued to: from its {@code medfed:hospital:} URI, else its common name.
     * Empty for the coordinator's certificate, which must never pass for a hospital's.
     */
    public static Optional<String> hospital(X509Certificate certificate) {
        List<String> uris = uris(certificate);
        if (uris.contains(COORDINATOR_URI)) {
            return Optional.empty();
        }
        for (String uri : uris) {
            if (uri.startsWith(HOSPITAL_URI_PREFIX) && uri.length() > HOSPITAL_URI_PREFIX.length()) {
                return Optional.of(uri.substring(HOSPITAL_URI_PREFIX.length()));
            }
        }
        return commonName(certificate);
    }

    public static Optional<String> commonName(X509Certificate certificate) {
        return attribute(certificate, BCStyle.CN);
    }

    /** The study named in the subject's organisation. */
    public static Optional<String> study(X509Certificate certificate) {
        return attribute(certificate, BCStyle.O);
    }

    private static Optional<String> attribute(X509Certificate certificate, ASN1ObjectIdentifier type) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] rdns = subject.getRDNs(type);
        if (rdns.length == 0) {
            return Optional.empty();
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        // the plain text, not RFC 4514's escaped form ("a\\,b"): a study may be called "Heart, 2027"
        return Optional.of(value instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(value));
    }

    private static List<String> uris(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return List.of();
        }
        if (names == null) {
            return List.of();
        }
        return names.stream()
                .filter(n -> n.size() >= 2 && Integer.valueOf(SAN_URI).equals(n.get(0)) && n.get(1) instanceof String)
                .map(n -> (String) n.get(1))
                .toList();
    }
}
