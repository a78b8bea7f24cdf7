package org.medfed.network.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;

/**
 * New key pairs: EC on P-256. Small keys and fast handshakes, accepted by Netty's OpenSSL and JDK engines in
 * PKCS#8 PEM, and by every current TLS stack a hospital runs.
 */
final class KeyPairs {

    private KeyPairs() {
    }

    static KeyPair newP256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no EC P-256 key generator", e);
        }
    }

    /** The signature algorithm that goes with a CA key of this kind. */
    static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalArgumentException("a study CA key must be EC or RSA, not " + key.getAlgorithm());
        };
    }
}
