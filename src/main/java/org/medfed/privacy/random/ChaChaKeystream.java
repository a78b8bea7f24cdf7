package org.medfed.privacy.random;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.ChaCha20ParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ChaCha20 keystream for one key and nonce, read in order. Built on the JDK's {@code ChaCha20} cipher
 * (encrypting zeros yields the keystream), so no cipher code is written here.
 *
 * <p>Not thread-safe. A (key, nonce) pair must never be reused for two different purposes: callers derive
 * a fresh key per purpose.
 */
public final class ChaChaKeystream {

    private static final int BUFFER = 4096;

    private final Cipher cipher;
    private final byte[] zeros = new byte[BUFFER];
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);

    public ChaChaKeystream(byte[] key, byte[] nonce) {
        if (key.length != 32) {
            throw new IllegalArgumentException("ChaCha20 needs a 32-byte key, got " + key.length);
        }
        if (nonce.length != 12) {
            throw new IllegalArgumentException("ChaCha20 needs a 12-byte nonce, got " + nonce.length);
        }
        try {
            cipher = Cipher.getInstance("ChaCha20");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ChaCha20"), new ChaCha20ParameterSpec(nonce, 0));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no ChaCha20 cipher", e);
        }
        buffer.limit(0);
    }

    /** A keystream with an all-zero nonce, for keys that are used for one stream only. */
    public static ChaChaKeystream ofKey(byte[] key) {
        return new ChaChaKeystream(key, new byte[12]);
    }

    private void refill() {
        buffer.clear();
        byte[] out = buffer.array();
        try {
            int n = cipher.update(zeros, 0, BUFFER, out, 0);
            if (n != BUFFER) {
                throw new IllegalStateException("ChaCha20 returned " + n + " bytes instead of " + BUFFER);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ChaCha20 keystream failed", e);
        }
        buffer.limit(BUFFER);
    }

    /**
     * The next 32-bit word: four keystream bytes read as a little-endian int. (Only after {@link #nextBytes} of a
     * length that is not a multiple of four can 1 to 3 bytes be left before a refill; they are skipped.)
     */
    public int nextInt() {
        if (buffer.remaining() < Integer.BYTES) {
            refill();
        }
        return buffer.getInt();
    }

    /**
     * The next 64 bits: two consecutive 32-bit words of the keystream (each as {@link #nextInt} reads it), the
     * first in the low half and the second in the high half: the same as reading the next eight keystream bytes as
     * one little-endian number. When the two words straddle a refill of the internal buffer they are still two
     * consecutive words (the last word of a buffer is not dropped).
     */
    public long nextLong() {
        if (buffer.remaining() >= Long.BYTES) {
            return buffer.getLong(); // little-endian: first word low, second word high
        }
        long low = nextInt() & 0xFFFFFFFFL;
        long high = nextInt();
        return low | high << 32;
    }

    public void nextBytes(byte[] out) {
        int off = 0;
        while (off < out.length) {
            if (!buffer.hasRemaining()) {
                refill();
            }
            int n = Math.min(buffer.remaining(), out.length - off);
            buffer.get(out, off, n);
            off += n;
        }
    }

    /** Fills {@code out} with consecutive little-endian 32-bit words of the keystream. */
    public void fillInts(int[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = nextInt();
        }
    }

    /** Fills {@code out} with consecutive 64-bit values of the keystream, each built as {@link #nextLong} does. */
    public void fillLongs(long[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = nextLong();
        }
    }
}
