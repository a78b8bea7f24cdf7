package org.medfed.privacy.secagg;

/**
 * What one round of secure aggregation costs on the wire, from the message sizes of {@link SecAggMessages}: the
 * formula behind the benchmark's figures and the comparison with Bonawitz et al.'s reported 1.73x expansion
 * (2^10 users, 2^20 values of 16 bits).
 *
 * <p>Per participant and round, with n participants, L values and k bits per masked value, no dropouts:
 * <pre>
 *   up   = 68 (two public keys)  + 102 (n-1) (encrypted shares)  + 4 + ceil(kL/8) (masked input)  + 41 n (unmask shares)
 *   down = 4 + 68 n (key directory) + 102 (n-1) (shares for it)  + 4 + 4 n (unmask request)
 * </pre>
 * against {@code ceil(L * plainBits / 8)} to send the values in the clear. The n-proportional part is about
 * 385 n bytes; the k/plainBits part dominates once L is much larger than n.
 */
public final class SecAggCost {

    /** Id + two raw X25519 public keys. */
    public static final long ADVERTISE_BYTES = SecAggMessages.ID_BYTES + 2L * X25519.KEY_BYTES;
    /** Two ids + AES-GCM of (3 ints + 2 field elements) + tag. */
    public static final long ENCRYPTED_SHARE_BYTES = 2L * SecAggMessages.ID_BYTES + 12 + 2L * Shamir.ELEMENT_BYTES
            + ShareCipher.TAG_BYTES;
    /** One revealed share: owner id, field element, x. */
    public static final long UNMASK_SHARE_BYTES = SecAggMessages.ID_BYTES + Shamir.ELEMENT_BYTES + 4;

    private SecAggCost() {
    }

    public static long maskedInputBytes(int length, int bits) {
        return SecAggMessages.ID_BYTES + ((long) length * bits + 7) / 8;
    }

    public static long bytesUpPerParticipant(int n, int length, int bits) {
        return ADVERTISE_BYTES + (n - 1L) * ENCRYPTED_SHARE_BYTES + maskedInputBytes(length, bits)
                + n * UNMASK_SHARE_BYTES;
    }

    public static long bytesDownPerParticipant(int n) {
        return 4 + n * ADVERTISE_BYTES + (n - 1L) * ENCRYPTED_SHARE_BYTES + 4 + (long) SecAggMessages.ID_BYTES * n;
    }

    /** (up + down) per participant over sending {@code length} values of {@code plainBits} in the clear. */
    public static double expansion(int n, int length, int bits, int plainBits) {
        double plain = Math.ceil((double) length * plainBits / 8);
        return (bytesUpPerParticipant(n, length, bits) + bytesDownPerParticipant(n)) / plain;
    }

    /** Bits per masked value so that n values of {@code inputBits} each sum without overflow: inputBits + ceil(log2 n). */
    public static int bitsFor(int n, int inputBits) {
        return inputBits + (32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
    }
}
