package org.medfed.privacy.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.HexFormat;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;

/** X25519 on raw keys: RFC 7748's test vector, and the same bits as the JDK's XDH provider. */
class X25519Test {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc7748Section61() {
        byte[] alice = HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bob = HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");

        assertThat(HEX.formatHex(X25519.publicKey(alice)))
                .isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        assertThat(HEX.formatHex(X25519.publicKey(bob)))
                .isEqualTo("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        assertThat(HEX.formatHex(X25519.agree(alice, X25519.publicKey(bob)))).isEqualTo(shared);
        assertThat(HEX.formatHex(X25519.agree(bob, X25519.publicKey(alice)))).isEqualTo(shared);
    }

    @Test
    void sameKeysAndSecretsAsTheJdk() throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(5);
        KeyPairGenerator g = KeyPairGenerator.getInstance("X25519");
        g.initialize(NamedParameterSpec.X25519, random);
        for (int i = 0; i < 20; i++) {
            java.security.KeyPair a = g.generateKeyPair();
            java.security.KeyPair b = g.generateKeyPair();
            byte[] aScalar = ((XECPrivateKey) a.getPrivate()).getScalar().orElseThrow();
            byte[] bPublic = littleEndian(((XECPublicKey) b.getPublic()).getU());
            assertThat(X25519.publicKey(aScalar)).isEqualTo(littleEndian(((XECPublicKey) a.getPublic()).getU()));

            KeyAgreement ka = KeyAgreement.getInstance("X25519");
            ka.init(a.getPrivate());
            ka.doPhase(KeyFactory.getInstance("X25519").generatePublic(
                    new XECPublicKeySpec(NamedParameterSpec.X25519, ((XECPublicKey) b.getPublic()).getU())), true);
            assertThat(X25519.agree(aScalar, bPublic)).isEqualTo(ka.generateSecret());
        }
    }

    @Test
    void smallOrderAndMisSizedKeysAreRefused() {
        byte[] key = new byte[32];
        key[0] = 9;
        assertThatThrownBy(() -> X25519.agree(key, new byte[32])).hasMessageContaining("small order");
        assertThatThrownBy(() -> X25519.agree(key, new byte[31])).hasMessageContaining("32 bytes, got 31");
    }

    private static byte[] littleEndian(BigInteger u) {
        byte[] be = u.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }
}
