package org.medfed.privacy.secagg;

import java.util.List;
import java.util.Map;

/**
 * The messages of one round of the protocol (Bonawitz et al. 2017, figure 4, semi-honest variant), as plain
 * objects so that their size on the wire can be counted. Participants are named by their index in the round's
 * key directory on the wire (4 bytes); the names here are for readability.
 */
public final class SecAggMessages {

    /** A participant index on the wire. */
    static final int ID_BYTES = 4;

    private SecAggMessages() {
    }

    /** Something whose encoded size is known. */
    public interface Message {
        /** Bytes this message takes on the wire. */
        long wireBytes();
    }

    /** Round 0, participant to aggregator: two fresh X25519 public keys, c (for shares) and s (for masks). */
    public record AdvertiseKeys(String participant, byte[] cPublic, byte[] sPublic) implements Message {
        @Override
        public long wireBytes() {
            return ID_BYTES + cPublic.length + sPublic.length;
        }
    }

    /** Round 0, aggregator to every participant: all advertised keys, sorted by name (index = position + 1). */
    public record KeyDirectory(int round, List<AdvertiseKeys> keys) implements Message {
        public KeyDirectory {
            keys = List.copyOf(keys);
        }

        int indexOf(String participant) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i).participant().equals(participant)) {
                    return i + 1;
                }
            }
            return -1;
        }

        AdvertiseKeys keysOf(String participant) {
            int i = indexOf(participant);
            if (i < 0) {
                throw new IllegalArgumentException(participant + " is not in the key directory");
            }
            return keys.get(i - 1);
        }

        @Override
        public long wireBytes() {
            return 4 + keys.stream().mapToLong(AdvertiseKeys::wireBytes).sum();
        }
    }

    /** Shares of one participant's secrets for another, encrypted so that only the receiver can read them. */
    public record EncryptedShare(String from, String to, byte[] ciphertext) implements Message {
        @Override
        public long wireBytes() {
            return 2L * ID_BYTES + ciphertext.length;
        }
    }

    /** Round 1, participant to aggregator: its encrypted shares for every other participant. */
    public record ShareKeys(String from, List<EncryptedShare> shares) implements Message {
        public ShareKeys {
            shares = List.copyOf(shares);
        }

        @Override
        public long wireBytes() {
            return shares.stream().mapToLong(EncryptedShare::wireBytes).sum();
        }
    }

    /** Round 1, aggregator to one participant: the shares addressed to it by everyone who took part in round 1. */
    public record ShareDelivery(String to, List<EncryptedShare> shares) implements Message {
        public ShareDelivery {
            shares = List.copyOf(shares);
        }

        @Override
        public long wireBytes() {
            return shares.stream().mapToLong(EncryptedShare::wireBytes).sum();
        }
    }

    /**
     * Round 2, participant to aggregator: the quantised update plus its self mask and the pairwise masks,
     * modulo 2^k: each value in [0, 2^k), held in a long (k at most {@value SecAggParameters#MAX_BITS}). Carried by
     * the engine's fit answer; {@code bits} per value on the wire, however wide the Java type that holds it.
     */
    public record MaskedInput(String from, long[] values, int bits) implements Message {
        @Override
        public long wireBytes() {
            return ID_BYTES + ((long) values.length * bits + 7) / 8;
        }
    }

    /** Round 4, aggregator to each remaining participant: who sent a masked input and who dropped out. */
    public record UnmaskRequest(int round, List<String> survivors, List<String> dropped) implements Message {
        public UnmaskRequest {
            survivors = List.copyOf(survivors);
            dropped = List.copyOf(dropped);
        }

        @Override
        public long wireBytes() {
            return 4 + (long) ID_BYTES * (survivors.size() + dropped.size());
        }
    }

    /**
     * Round 4, participant to aggregator: its shares of the self-mask seeds of the survivors and of the mask
     * keys of the dropped participants; never both for the same participant.
     */
    public record UnmaskResponse(String from, Map<String, Shamir.Share> selfMaskShares,
                                 Map<String, Shamir.Share> maskKeyShares) implements Message {
        public UnmaskResponse {
            selfMaskShares = Map.copyOf(selfMaskShares);
            maskKeyShares = Map.copyOf(maskKeyShares);
        }

        @Override
        public long wireBytes() {
            return (long) (ID_BYTES + Shamir.ELEMENT_BYTES + 4) * (selfMaskShares.size() + maskKeyShares.size());
        }
    }
}
