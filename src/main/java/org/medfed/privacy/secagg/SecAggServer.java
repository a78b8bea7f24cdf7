package org.medfed.privacy.secagg;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.medfed.privacy.secagg.SecAggMessages.AdvertiseKeys;
import org.medfed.privacy.secagg.SecAggMessages.EncryptedShare;
import org.medfed.privacy.secagg.SecAggMessages.KeyDirectory;
import org.medfed.privacy.secagg.SecAggMessages.MaskedInput;
import org.medfed.privacy.secagg.SecAggMessages.ShareDelivery;
import org.medfed.privacy.secagg.SecAggMessages.ShareKeys;
import org.medfed.privacy.secagg.SecAggMessages.UnmaskRequest;
import org.medfed.privacy.secagg.SecAggMessages.UnmaskResponse;

/**
 * The aggregator's side of one round: it routes keys and encrypted shares, and at the end learns the SUM of the
 * masked inputs and nothing else. It holds no secret of any participant, except the mask keys of participants
 * that dropped out after sharing them (whose inputs never arrived) and the self-mask seeds of those whose
 * inputs did arrive.
 *
 * <p>The sets follow the paper: U1 advertised keys, U2 shared keys, U3 sent a masked input, U5 helped unmask.
 */
final class SecAggServer {

    private final SecAggParameters params;
    private final int round;
    private KeyDirectory directory;
    private List<String> sharers = List.of();
    private List<String> survivors = List.of();
    private List<String> dropped = List.of();

    SecAggServer(SecAggParameters params, int round) {
        this.params = params;
        this.round = round;
    }

    int round() {
        return round;
    }

    /** Round 0: the directory of everyone who advertised (U1), which fixes the threshold. */
    KeyDirectory collectKeys(Collection<AdvertiseKeys> advertised) {
        List<AdvertiseKeys> sorted = new ArrayList<>(advertised);
        sorted.sort(Comparator.comparing(AdvertiseKeys::participant));
        Set<String> names = new HashSet<>();
        for (AdvertiseKeys a : sorted) {
            if (!names.add(a.participant())) {
                throw new SecureAggregationException(round, a.participant() + " advertised keys twice");
            }
        }
        int t = params.threshold(sorted.size());
        if (sorted.size() < t) {
            throw new SecureAggregationException(round, "only " + sorted.size() + " participant(s) took part; secure "
                    + "aggregation needs at least " + t);
        }
        directory = new KeyDirectory(round, sorted);
        return directory;
    }

    int threshold() {
        return params.threshold(directory.keys().size());
    }

    KeyDirectory directory() {
        return directory;
    }

    /** Round 1: U2 and, for each of its members, the shares the others addressed to it. */
    Map<String, ShareDelivery> routeShares(Collection<ShareKeys> messages) {
        Map<String, List<EncryptedShare>> inbox = new LinkedHashMap<>();
        Set<String> from = new TreeSet<>();
        for (ShareKeys m : messages) {
            if (directory.indexOf(m.from()) < 0) {
                throw new SecureAggregationException(round, m.from() + " sent shares without advertising keys");
            }
            Set<String> targets = new HashSet<>();
            for (EncryptedShare s : m.shares()) {
                if (!s.from().equals(m.from()) || directory.indexOf(s.to()) < 0 || s.to().equals(m.from())
                        || !targets.add(s.to())) {
                    throw new SecureAggregationException(round, m.from() + " sent a malformed share list");
                }
            }
            if (targets.size() != directory.keys().size() - 1) {
                throw new SecureAggregationException(round, m.from() + " did not send shares to every participant");
            }
            from.add(m.from());
        }
        if (from.size() < threshold()) {
            throw new SecureAggregationException(round, "only " + from.size() + " of " + directory.keys().size()
                    + " participants shared their keys; at least " + threshold() + " are needed");
        }
        sharers = List.copyOf(from);
        for (String v : sharers) {
            inbox.put(v, new ArrayList<>());
        }
        for (ShareKeys m : messages) {
            for (EncryptedShare s : m.shares()) {
                List<EncryptedShare> box = inbox.get(s.to());
                if (box != null) {
                    box.add(s);
                }
            }
        }
        Map<String, ShareDelivery> out = new LinkedHashMap<>();
        inbox.forEach((to, list) -> out.put(to, new ShareDelivery(to, list)));
        return out;
    }

    List<String> sharers() {
        return sharers;
    }

    /** End of round 2: who sent an input (U3) and who shared keys but did not (dropped). */
    UnmaskRequest unmaskRequest(Collection<String> senders) {
        Set<String> u3 = new TreeSet<>(senders);
        u3.retainAll(sharers);
        if (u3.size() < threshold()) {
            throw new SecureAggregationException(round, "only " + u3.size() + " of " + sharers.size()
                    + " participants sent their masked update; at least " + threshold()
                    + " are needed to remove the masks, so this round's updates cannot be recovered");
        }
        survivors = List.copyOf(u3);
        List<String> d = new ArrayList<>(sharers);
        d.removeAll(u3);
        dropped = List.copyOf(d);
        return new UnmaskRequest(round, survivors, dropped);
    }

    List<String> survivors() {
        return survivors;
    }

    List<String> dropped() {
        return dropped;
    }

    /**
     * Round 4: the sum of the survivors' inputs modulo 2^k (each entry in [0, 2^k)), after removing their self
     * masks (seeds rebuilt from t shares) and the pairwise masks they share with dropped participants (whose mask
     * keys are rebuilt).
     */
    long[] unmask(Map<String, MaskedInput> inputs, Collection<UnmaskResponse> responses) {
        if (responses.size() < threshold()) {
            throw new SecureAggregationException(round, "only " + responses.size() + " participants answered the "
                    + "unmasking step; at least " + threshold() + " are needed");
        }
        long mask = params.modulusMask();
        int length = -1;
        long[] acc = null;
        for (String u : survivors) {
            MaskedInput in = inputs.get(u);
            if (in == null) {
                throw new IllegalStateException("no input from survivor " + u);
            }
            if (acc == null) {
                length = in.values().length;
                acc = new long[length];
            } else if (in.values().length != length) {
                throw new SecureAggregationException(round, u + " sent " + in.values().length + " values where others "
                        + "sent " + length);
            }
            long[] v = in.values();
            for (int i = 0; i < length; i++) {
                acc[i] = (acc[i] + v[i]) & mask;
            }
        }
        Map<String, List<Shamir.Share>> selfShares = new HashMap<>();
        Map<String, List<Shamir.Share>> keyShares = new HashMap<>();
        for (UnmaskResponse r : responses) {
            if (!survivors.contains(r.from())) {
                throw new SecureAggregationException(round, r.from() + " answered the unmasking step uninvited");
            }
            r.selfMaskShares().forEach((owner, s) -> selfShares.computeIfAbsent(owner, k -> new ArrayList<>()).add(s));
            r.maskKeyShares().forEach((owner, s) -> keyShares.computeIfAbsent(owner, k -> new ArrayList<>()).add(s));
        }
        int t = threshold();
        Map<List<Integer>, java.math.BigInteger[]> weights = new HashMap<>();
        List<MaskGenerator.Mask> masks = new ArrayList<>();
        for (String u : survivors) {
            byte[] seed = Shamir.reconstruct(enough(selfShares.get(u), t, u), t, 32, weights);
            masks.add(new MaskGenerator.Mask(seed, SecAggClient.SELF_LABEL, -1));
        }
        for (String v : dropped) {
            byte[] sv = Shamir.reconstruct(enough(keyShares.get(v), t, v), t, 32, weights);
            for (String u : survivors) {
                byte[] seed = X25519.agree(sv, directory.keysOf(u).sPublic());
                // u added +PRG if u sorts before v, -PRG otherwise: take away what u added
                masks.add(new MaskGenerator.Mask(seed, SecAggClient.PAIR_LABEL, u.compareTo(v) < 0 ? -1 : +1));
            }
        }
        MaskGenerator.addInto(acc, masks, mask);
        return acc;
    }

    private List<Shamir.Share> enough(List<Shamir.Share> shares, int t, String owner) {
        if (shares == null || shares.size() < t) {
            throw new SecureAggregationException(round, "only " + (shares == null ? 0 : shares.size())
                    + " shares of " + owner + "'s secret arrived, " + t + " needed");
        }
        return shares;
    }
}
