package org.medfed.network.pki;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.medfed.engine.BadInputException;

/** A certificate and the private key that belongs to it: what a coordinator or a node presents in TLS. */
public record CertifiedKey(X509Certificate certificate, PrivateKey privateKey) {

    public CertifiedKey {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** Writes the certificate and the key (owner-only) as PEM, each file atomically. */
    public void write(Path certificateFile, Path keyFile) throws IOException {
        PemFiles.writeCertificate(certificateFile, certificate);
        PemFiles.writePrivateKey(keyFile, privateKey);
    }

    /**
     * Reads a pair written by {@link #write} and checks that the key belongs to the certificate: a key from
     * another kit would otherwise surface only as a TLS handshake failure nobody can read.
     */
    public static CertifiedKey read(Path certificateFile, Path keyFile) {
        CertifiedKey pair = new CertifiedKey(PemFiles.readCertificate(certificateFile), PemFiles.readPrivateKey(keyFile));
        if (!pair.keyMatchesCertificate()) {
            throw new BadInputException(keyFile, null, "is not the private key of " + certificateFile.getFileName()
                    + ": the two files come from different kits");
        }
        return pair;
    }

    /** True when the private key signs what the certificate's public key verifies. */
    public boolean keyMatchesCertificate() {
        if (!privateKey.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())) {
            return false;
        }
        String algorithm;
        try {
            algorithm = KeyPairs.signatureAlgorithm(privateKey);
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        // never the key
        return "CertifiedKey[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}
