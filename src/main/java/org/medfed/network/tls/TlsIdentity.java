package org.medfed.network.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.medfed.engine.BadInputException;
import org.medfed.network.pki.CertifiedKey;
import org.medfed.network.pki.PemFiles;

/**
 * What one side of a study connection needs: its own certificate and key, and the study CA it trusts (and
 * nothing else). The coordinator and each node load theirs from the kit's files.
 */
public record TlsIdentity(CertifiedKey own, X509Certificate studyCa) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public TlsIdentity {
        Objects.requireNonNull(own, "own");
        Objects.requireNonNull(studyCa, "studyCa");
    }

    /**
     * Reads the kit's three files and checks them here, where the message can name a file: the key belongs to
     * the certificate, the certificate comes from this CA and is valid now. A TLS handshake would only say
     * "certificate_unknown".
     */
    public static TlsIdentity load(Path certificateFile, Path keyFile, Path caFile) {
        TlsIdentity identity = new TlsIdentity(CertifiedKey.read(certificateFile, keyFile), PemFiles.readCertificate(caFile));
        identity.check(certificateFile, caFile, Instant.now());
        return identity;
    }

    void check(Path certificateFile, Path caFile, Instant now) {
        X509Certificate certificate = own.certificate();
        try {
            certificate.verify(studyCa.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new BadInputException(certificateFile, null, "was not issued by the study CA in " + caFile.getFileName()
                    + ": the files come from different kits (or studies)");
        }
        checkValid(certificateFile, certificate, now);
        checkValid(caFile, studyCa, now);
    }

    private static void checkValid(Path file, X509Certificate certificate, Instant now) {
        Instant notAfter = certificate.getNotAfter().toInstant();
        Instant notBefore = certificate.getNotBefore().toInstant();
        if (now.isAfter(notAfter)) {
            throw new BadInputException(file, null, "expired on " + DAY.format(notAfter)
                    + "; ask the study's researcher for a new kit");
        }
        if (now.isBefore(notBefore)) {
            throw new BadInputException(file, null, "is valid only from " + DAY.format(notBefore)
                    + "; check this computer's date and time");
        }
    }
}
