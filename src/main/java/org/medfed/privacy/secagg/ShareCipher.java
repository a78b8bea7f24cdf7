package org.medfed.privacy.secagg;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption (AES-256-GCM) of the Shamir shares one participant sends another through the
 * aggregator, under a key both derive from their X25519 "c" keys; the aggregator routes them but cannot read
 * them. The nonce is the (round, sender, receiver) triple, unique for each key since keys are fresh per round
 * and each direction has its own nonce.
 */
final class ShareCipher {

    static final int TAG_BYTES = 16;

    private ShareCipher() {
    }

    static byte[] encrypt(byte[] sharedSecret, int round, int from, int to, byte[] plaintext) {
        return run(Cipher.ENCRYPT_MODE, sharedSecret, round, from, to, plaintext);
    }

    static byte[] decrypt(byte[] sharedSecret, int round, int from, int to, byte[] ciphertext) {
        return run(Cipher.DECRYPT_MODE, sharedSecret, round, from, to, ciphertext);
    }

    private static byte[] run(int mode, byte[] sharedSecret, int round, int from, int to, byte[] input) {
        byte[] header = ByteBuffer.allocate(12).putInt(round).putInt(from).putInt(to).array();
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] key = MaskGenerator.sha256("medfed-secagg-share-key", sharedSecret);
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, header));
            c.updateAAD(header);
            return c.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("a share did not decrypt: it was altered or sent to the wrong participant");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed: " + e.getMessage(), e);
        }
    }
}
