package org.medfed.privacy.secagg;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.medfed.privacy.random.CryptoRandom;
import org.medfed.privacy.random.RandomSource;
import org.medfed.privacy.secagg.SecAggMessages.AdvertiseKeys;
import org.medfed.privacy.secagg.SecAggMessages.EncryptedShare;
import org.medfed.privacy.secagg.SecAggMessages.KeyDirectory;
import org.medfed.privacy.secagg.SecAggMessages.MaskedInput;
import org.medfed.privacy.secagg.SecAggMessages.ShareDelivery;
import org.medfed.privacy.secagg.SecAggMessages.ShareKeys;
import org.medfed.privacy.secagg.SecAggMessages.UnmaskRequest;
import org.medfed.privacy.secagg.SecAggMessages.UnmaskResponse;

/**
 * The participant's side of secure aggregation: its secret keys and the shares it holds for others. It lives
 * at the hospital; the aggregator never sees its state. One object serves every round; each round starts with
 * fresh keys ({@link #advertise}).
 */
public final class SecAggClient {

    static final String PAIR_LABEL = "medfed-secagg-pair-mask";
    static final String SELF_LABEL = "medfed-secagg-self-mask";
    private static final int SHARE_PLAINTEXT = 3 * 4 + 2 * Shamir.ELEMENT_BYTES;

    private final String name;
    private final SecAggParameters params;
    private final RandomSource random;

    private int round = -1;
    private X25519.KeyPair cKeys;
    private X25519.KeyPair sKeys;
    private KeyDirectory directory;
    private byte[] selfSeed;
    /** Ciphertexts received, by sender (the participants of round 1, U2, besides this one). */
    private Map<String, byte[]> received = Map.of();
    private boolean masked;
    /** The share of its own self-mask seed a participant keeps (Bonawitz et al. share among all, self included). */
    private Shamir.Share ownSelfSeedShare;
    /** X25519 secrets of this round's c keys with each peer: computed to encrypt, reused to decrypt. */
    private Map<String, byte[]> shareSecrets = new HashMap<>();

    public SecAggClient(String name, SecAggParameters params, RandomSource random) {
        this.name = name;
        this.params = params;
        this.random = random;
    }

    public String name() {
        return name;
    }

    public SecAggParameters parameters() {
        return params;
    }

    /** How many participants are in this round's key directory (the bound for quantisation). */
    public synchronized int roundSize(int inputRound) {
        requireRound(inputRound);
        requireDirectory();
        return directory.keys().size();
    }

    /** Round 0: fresh key pairs for this round. */
    public synchronized AdvertiseKeys advertise(int newRound) {
        round = newRound;
        cKeys = X25519.generate(random.secureRandom("secagg.c-key." + name, newRound));
        sKeys = X25519.generate(random.secureRandom("secagg.s-key." + name, newRound));
        directory = null;
        selfSeed = null;
        received = Map.of();
        masked = false;
        ownSelfSeedShare = null;
        shareSecrets = new HashMap<>();
        return new AdvertiseKeys(name, cKeys.publicKey(), sKeys.publicKey());
    }

    /**
     * Round 1: checks the directory, draws the self-mask seed, and sends every other participant, encrypted, its
     * Shamir shares of this participant's mask key s and self-mask seed b.
     */
    public synchronized ShareKeys shareKeys(KeyDirectory dir) {
        requireRound(dir.round());
        int n = dir.keys().size();
        int t = params.threshold(n);
        if (n < t) {
            throw new SecureAggregationException(round, "only " + n + " participants advertised keys, at least " + t
                    + " are needed");
        }
        AdvertiseKeys own = dir.keysOf(name);
        if (!java.util.Arrays.equals(own.sPublic(), sKeys.publicKey())
                || !java.util.Arrays.equals(own.cPublic(), cKeys.publicKey())) {
            throw new SecureAggregationException(round, "the key directory does not hold " + name + "'s own keys");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (AdvertiseKeys k : dir.keys()) {
            if (!seen.add(java.util.Base64.getEncoder().encodeToString(k.sPublic()))) {
                throw new SecureAggregationException(round, "two participants advertised the same key");
            }
        }
        directory = dir;
        CryptoRandom r = random.stream("secagg.shares." + name, round);
        selfSeed = new byte[32];
        r.nextBytes(selfSeed);
        List<Shamir.Share> sShares = Shamir.split(sKeys.privateKey(), t, n, r);
        List<Shamir.Share> bShares = Shamir.split(selfSeed, t, n, r);
        int me = dir.indexOf(name);
        ownSelfSeedShare = bShares.get(me - 1);
        List<EncryptedShare> out = new java.util.ArrayList<>();
        for (AdvertiseKeys other : dir.keys()) {
            if (other.participant().equals(name)) {
                continue;
            }
            int to = dir.indexOf(other.participant());
            byte[] plain = ByteBuffer.allocate(SHARE_PLAINTEXT).putInt(me).putInt(to).putInt(to)
                    .put(Shamir.toFixedBytes(sShares.get(to - 1).y(), Shamir.ELEMENT_BYTES))
                    .put(Shamir.toFixedBytes(bShares.get(to - 1).y(), Shamir.ELEMENT_BYTES)).array();
            byte[] secret = X25519.agree(cKeys.privateKey(), other.cPublic());
            shareSecrets.put(other.participant(), secret);
            out.add(new EncryptedShare(name, other.participant(), ShareCipher.encrypt(secret, round, me, to, plain)));
        }
        return new ShareKeys(name, out);
    }

    /** End of round 1: the shares other participants addressed to this one. */
    public synchronized void receiveShares(ShareDelivery delivery) {
        requireDirectory();
        Map<String, byte[]> byFrom = new TreeMap<>();
        for (EncryptedShare s : delivery.shares()) {
            if (!s.to().equals(name) || directory.indexOf(s.from()) < 0) {
                throw new SecureAggregationException(round, "a share for " + s.to() + " from " + s.from()
                        + " was delivered to " + name);
            }
            byFrom.put(s.from(), s.ciphertext());
        }
        received = byFrom;
    }

    /**
     * Round 2: the quantised input plus the self mask PRG(b) and, for every other participant v of round 1,
     * +PRG(s_uv) if this name sorts before v, -PRG(s_uv) after; the pairwise masks cancel in the sum. All modulo
     * 2^k: only the low k bits of each quantised value are used (as {@link Quantizer#encode} gives them).
     */
    public synchronized MaskedInput maskInput(int inputRound, long[] quantised) {
        requireRound(inputRound);
        requireDirectory();
        int t = params.threshold(directory.keys().size());
        if (received.size() + 1 < t) {
            throw new SecureAggregationException(round, "only " + (received.size() + 1)
                    + " participants shared their keys, at least " + t + " are needed");
        }
        long mask = params.modulusMask();
        long[] y = new long[quantised.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = quantised[i] & mask;
        }
        List<MaskGenerator.Mask> masks = new java.util.ArrayList<>();
        masks.add(new MaskGenerator.Mask(selfSeed, SELF_LABEL, +1));
        for (String v : received.keySet()) {
            byte[] seed = X25519.agree(sKeys.privateKey(), directory.keysOf(v).sPublic());
            masks.add(new MaskGenerator.Mask(seed, PAIR_LABEL, name.compareTo(v) < 0 ? +1 : -1));
        }
        MaskGenerator.addInto(y, masks, mask);
        masked = true;
        return new MaskedInput(name, y, params.bits());
    }

    /**
     * Round 4: after checking that the aggregator's lists are consistent and large enough, reveals the shares of
     * the survivors' self-mask seeds and of the dropped participants' mask keys; never both for one participant,
     * which is what keeps an update hidden even if its sender is wrongly reported as dropped.
     */
    public synchronized UnmaskResponse unmask(UnmaskRequest request) {
        requireRound(request.round());
        requireDirectory();
        if (!masked) {
            throw new SecureAggregationException(round, name + " was asked to unmask without having sent an input");
        }
        int t = params.threshold(directory.keys().size());
        if (request.survivors().size() < t) {
            throw new SecureAggregationException(round, "only " + request.survivors().size()
                    + " inputs arrived, at least " + t + " are needed");
        }
        java.util.Set<String> both = new java.util.HashSet<>(request.survivors());
        both.retainAll(request.dropped());
        if (!both.isEmpty() || !request.survivors().contains(name)) {
            throw new SecureAggregationException(round, "inconsistent unmasking request (a participant listed as both "
                    + "sent and dropped)");
        }
        Map<String, Shamir.Share> self = new HashMap<>();
        Map<String, Shamir.Share> keys = new HashMap<>();
        for (String v : request.survivors()) {
            if (!v.equals(name)) {
                self.put(v, open(v)[1]);
            }
        }
        self.put(name, ownSelfSeedShare);
        for (String v : request.dropped()) {
            keys.put(v, open(v)[0]);
        }
        return new UnmaskResponse(name, self, keys);
    }

    /** Decrypts the shares {@code from} sent this participant: [share of s_from, share of b_from]. */
    private Shamir.Share[] open(String from) {
        byte[] ct = received.get(from);
        if (ct == null) {
            throw new SecureAggregationException(round, name + " holds no shares from " + from);
        }
        int fromIndex = directory.indexOf(from);
        int me = directory.indexOf(name);
        byte[] secret = shareSecrets.computeIfAbsent(from,
                v -> X25519.agree(cKeys.privateKey(), directory.keysOf(v).cPublic()));
        ByteBuffer plain = ByteBuffer.wrap(ShareCipher.decrypt(secret, round, fromIndex, me, ct));
        int f = plain.getInt();
        int to = plain.getInt();
        int x = plain.getInt();
        if (f != fromIndex || to != me) {
            throw new SecureAggregationException(round, "a share from " + from + " carries the wrong addresses");
        }
        byte[] sy = new byte[Shamir.ELEMENT_BYTES];
        byte[] by = new byte[Shamir.ELEMENT_BYTES];
        plain.get(sy).get(by);
        return new Shamir.Share[] {new Shamir.Share(x, new java.math.BigInteger(1, sy)),
                new Shamir.Share(x, new java.math.BigInteger(1, by))};
    }

    private void requireRound(int r) {
        if (r != round) {
            throw new SecureAggregationException(r, name + " has keys for round " + round + ", not " + r);
        }
    }

    private void requireDirectory() {
        if (directory == null) {
            throw new SecureAggregationException(round, name + " has not received the key directory");
        }
    }
}
