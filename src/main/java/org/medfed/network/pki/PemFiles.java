package org.medfed.network.pki;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemGenerationException;
import org.bouncycastle.util.io.pem.PemObjectGenerator;
import org.medfed.engine.BadInputException;
import org.medfed.io.AtomicFiles;

/**
 * Certificates and private keys as PEM files, the form OpenSSL, Netty and most hospital IT tools read.
 * Keys are written as unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}) and protected by file permissions.
 */
public final class PemFiles {

    private PemFiles() {
    }

    public static String toPem(X509Certificate certificate) {
        try {
            return write(new JcaMiscPEMGenerator(certificate));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    public static String toPem(PrivateKey key) {
        try {
            return write(new JcaPKCS8Generator(key, null));
        } catch (PemGenerationException e) {
            throw new IllegalStateException("cannot encode a " + key.getAlgorithm() + " key as PKCS#8", e);
        }
    }

    /** Writes atomically: a reader never sees half a certificate. */
    public static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
        AtomicFiles.write(file, toPem(certificate).getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes atomically, readable by the owner only where the file system has POSIX permissions. */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        OwnerOnlyFiles.write(file, toPem(key).getBytes(StandardCharsets.US_ASCII));
    }

    /** The first certificate in the file. */
    public static X509Certificate readCertificate(Path file) {
        return readCertificates(file).get(0);
    }

    /** Every certificate in the file, in order; at least one. */
    public static List<X509Certificate> readCertificates(Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(open(file))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException e) {
            throw new BadInputException(file, null, "is not a readable PEM certificate file: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new BadInputException(file, null, "holds no certificate (expected a PEM file with "
                    + "-----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    /** A PKCS#8 key ({@code BEGIN PRIVATE KEY}), or an OpenSSL EC or RSA key as converted by hand. */
    public static PrivateKey readPrivateKey(Path file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(open(file))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo || o instanceof PEMEncryptedKeyPair) {
                    throw new BadInputException(file, null, "is an encrypted private key; MedFed reads the "
                            + "unencrypted key of the kit (keep it safe with file permissions instead)");
                }
            }
        } catch (PEMException | org.bouncycastle.util.encoders.DecoderException | IllegalArgumentException e) {
            // the parser's own words name its classes (DERBitString...), which tell a hospital's IT nothing
            throw new BadInputException(file, null, "is damaged: its private key cannot be decoded; copy the file "
                    + "again, unchanged, from the kit made by medfed provision", e);
        } catch (IOException e) {
            throw new BadInputException(file, null, "is not a readable PEM key file: " + e.getMessage(), e);
        }
        throw new BadInputException(file, null, "holds no private key (expected a PEM file with "
                + "-----BEGIN PRIVATE KEY-----)");
    }

    private static Reader open(Path file) throws IOException {
        try {
            return Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, null, "not found (" + file.toAbsolutePath() + ")", e);
        }
    }

    private static String write(PemObjectGenerator pemObject) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(pemObject);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
