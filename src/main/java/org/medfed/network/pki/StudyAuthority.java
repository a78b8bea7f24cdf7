package org.medfed.network.pki;

import org.medfed.project.HospitalNames;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.medfed.engine.BadInputException;
import org.medfed.project.CoordinatorAddress;

/**
 * The certificate authority of one study: it signs the coordinator's certificate and one per hospital, and both
 * sides trust this CA only. Its private key stays with the researcher who provisioned the study.
 */
public final class StudyAuthority {

    /** X.520's upper bound for an organisation name, where the study's name goes. */
    public static final int MAX_STUDY_NAME_LENGTH = 64;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CertifiedKey ca;
    private final String study;

    private StudyAuthority(CertifiedKey ca, String study) {
        this.ca = ca;
        this.study = study;
    }

    /** A new self-signed CA for {@code study}, with a new EC P-256 key. */
    public static StudyAuthority create(String study, Validity validity) {
        studyNameProblem(study).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        Objects.requireNonNull(validity, "validity");
        KeyPair keys = KeyPairs.newP256();
        X500Name name = subject("MedFed study CA", study, "certificate authority");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serialNumber(),
                Date.from(validity.notBefore()), Date.from(validity.notAfter()), name, keys.getPublic());
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            // path length 0: this CA signs the study's own certificates, never another CA
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the study CA certificate", e);
        }
        X509Certificate certificate = sign(builder, keys.getPrivate());
        return new StudyAuthority(new CertifiedKey(certificate, keys.getPrivate()), study);
    }

    /** The CA of an existing kit ({@code ca/ca.crt} and {@code ca/ca.key}). */
    public static StudyAuthority load(Path certificateFile, Path keyFile) {
        CertifiedKey ca = CertifiedKey.read(certificateFile, keyFile);
        if (ca.certificate().getBasicConstraints() < 0) {
            throw new BadInputException(certificateFile, null, "is not a certificate authority's certificate");
        }
        String study = CertificateNames.study(ca.certificate()).orElseThrow(() ->
                new BadInputException(certificateFile, null, "names no study (no O= in its subject)"));
        return new StudyAuthority(ca, study);
    }

    public String study() {
        return study;
    }

    /** What both sides trust: the CA's certificate, safe to hand out. */
    public X509Certificate certificate() {
        return ca.certificate();
    }

    /** The CA's own certificate and key, to write to the researcher's private folder. */
    public CertifiedKey certifiedKey() {
        return ca;
    }

    public Validity validity() {
        return new Validity(ca.certificate().getNotBefore().toInstant(), ca.certificate().getNotAfter().toInstant());
    }

    /**
     * The coordinator's certificate, for TLS server and client use. Its names are the host the nodes dial plus
     * localhost, 127.0.0.1 and ::1, so that a trial run on one machine verifies too.
     */
    public CertifiedKey issueCoordinator(CoordinatorAddress address, Validity validity) {
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(address.isIpAddress() ? GeneralName.iPAddress : GeneralName.dNSName, address.host()));
        addIfAbsent(names, new GeneralName(GeneralName.dNSName, "localhost"));
        addIfAbsent(names, new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        addIfAbsent(names, new GeneralName(GeneralName.iPAddress, "::1"));
        names.add(new GeneralName(GeneralName.uniformResourceIdentifier, CertificateNames.COORDINATOR_URI));
        return issue(subject(address.host(), study, "coordinator"), names, validity);
    }

    /**
     * A hospital's certificate: its name as common name and as the URI {@code medfed:hospital:<name>}. Like the
     * coordinator's, it is valid for {@code validity} cut to the CA's own validity.
     */
    public CertifiedKey issueHospital(String hospital, Validity validity) {
        HospitalNames.problem(hospital).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        List<GeneralName> names = List.of(new GeneralName(GeneralName.uniformResourceIdentifier,
                CertificateNames.HOSPITAL_URI_PREFIX + hospital));
        return issue(subject(hospital, study, "hospital"), names, validity);
    }

    private CertifiedKey issue(X500Name subject, List<GeneralName> names, Validity asked) {
        // a certificate that outlived its CA would fail with a puzzling message once the CA expires: cut it short
        Validity validity = validity().intersect(asked).orElseThrow(() -> new IllegalArgumentException(
                "a certificate valid " + asked.notBefore() + " to " + asked.notAfter() + " lies outside the study CA's "
                        + "validity " + validity().notBefore() + " to " + validity().notAfter()));
        KeyPair keys = KeyPairs.newP256();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serialNumber(),
                Date.from(validity.notBefore()), Date.from(validity.notAfter()), subject, keys.getPublic());
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            // both purposes: the coordinator may one day dial a node, and a node may answer a peer
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(new GeneralName[0])));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(ca.certificate().getPublicKey()));
        } catch (CertIOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the certificate for " + subject, e);
        }
        return new CertifiedKey(sign(builder, ca.privateKey()), keys.getPrivate());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(KeyPairs.signatureAlgorithm(signer)).build(signer);
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
        } catch (OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a certificate", e);
        }
    }

    private static X500Name subject(String commonName, String study, String role) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, study)
                .addRDN(BCStyle.OU, role)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static void addIfAbsent(List<GeneralName> names, GeneralName name) {
        if (!names.contains(name)) {
            names.add(name);
        }
    }

    /** Random and positive, as RFC 5280 asks; 127 bits keep it within 20 octets. */
    private static BigInteger serialNumber() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    /** What is wrong with {@code study} as a study name, or empty when it is fine. */
    public static Optional<String> studyNameProblem(String study) {
        if (study == null || study.isBlank()) {
            return Optional.of("the study name is empty");
        }
        if (study.length() > MAX_STUDY_NAME_LENGTH) {
            return Optional.of("the study name '" + study + "' is longer than " + MAX_STUDY_NAME_LENGTH
                    + " characters (the limit of a certificate's organisation name)");
        }
        if (study.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("the study name contains a control character");
        }
        return Optional.empty();
    }
}
