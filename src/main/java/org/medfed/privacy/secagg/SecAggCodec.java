package org.medfed.privacy.secagg;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.protocol.Value;
import org.medfed.privacy.secagg.SecAggMessages.AdvertiseKeys;
import org.medfed.privacy.secagg.SecAggMessages.EncryptedShare;
import org.medfed.privacy.secagg.SecAggMessages.KeyDirectory;
import org.medfed.privacy.secagg.SecAggMessages.ShareDelivery;
import org.medfed.privacy.secagg.SecAggMessages.ShareKeys;
import org.medfed.privacy.secagg.SecAggMessages.UnmaskRequest;
import org.medfed.privacy.secagg.SecAggMessages.UnmaskResponse;

/** The protocol's messages as request and reply fields. Names are read from the fields, never trusted blindly. */
final class SecAggCodec {

    private static final String C_PUBLIC = "c_public";
    private static final String S_PUBLIC = "s_public";
    private static final String KEY = "key.";
    private static final String SHARE = "share.";
    private static final String SURVIVORS = "survivors";
    private static final String DROPPED = "dropped";
    private static final String SELF = "self.";
    private static final String MASK = "mask.";

    private SecAggCodec() {
    }

    static Params advertise(AdvertiseKeys a) {
        return Params.builder().bytes(C_PUBLIC, a.cPublic()).bytes(S_PUBLIC, a.sPublic()).build();
    }

    static AdvertiseKeys advertise(String from, Params p) {
        return new AdvertiseKeys(from, p.bytes(C_PUBLIC), p.bytes(S_PUBLIC));
    }

    static Params directory(KeyDirectory d) {
        Params.Builder b = Params.builder();
        for (AdvertiseKeys k : d.keys()) {
            b.bytes(KEY + k.participant() + "/" + C_PUBLIC, k.cPublic());
            b.bytes(KEY + k.participant() + "/" + S_PUBLIC, k.sPublic());
        }
        return b.build();
    }

    static KeyDirectory directory(int round, Params p) {
        Map<String, AdvertiseKeys> keys = new TreeMap<>();
        Params all = p.under(KEY);
        for (String k : all.keys()) {
            String name = k.substring(0, k.lastIndexOf('/'));
            keys.computeIfAbsent(name, n -> new AdvertiseKeys(n, all.bytes(n + "/" + C_PUBLIC),
                    all.bytes(n + "/" + S_PUBLIC)));
        }
        return new KeyDirectory(round, List.copyOf(keys.values()));
    }

    static Params shares(List<EncryptedShare> shares, boolean byReceiver) {
        Params.Builder b = Params.builder();
        for (EncryptedShare s : shares) {
            b.bytes(SHARE + (byReceiver ? s.to() : s.from()), s.ciphertext());
        }
        return b.build();
    }

    static ShareKeys shareKeys(String from, Params p) {
        List<EncryptedShare> out = new ArrayList<>();
        p.under(SHARE).asMap().forEach((to, v) -> out.add(new EncryptedShare(from, to, bytes(v, to))));
        return new ShareKeys(from, out);
    }

    static ShareDelivery delivery(String to, Params p) {
        List<EncryptedShare> out = new ArrayList<>();
        p.under(SHARE).asMap().forEach((from, v) -> out.add(new EncryptedShare(from, to, bytes(v, from))));
        return new ShareDelivery(to, out);
    }

    static Params unmaskRequest(UnmaskRequest r) {
        return Params.builder().text(SURVIVORS, String.join("\n", r.survivors()))
                .text(DROPPED, String.join("\n", r.dropped())).build();
    }

    static UnmaskRequest unmaskRequest(int round, Params p) {
        return new UnmaskRequest(round, names(p.text(SURVIVORS)), names(p.text(DROPPED)));
    }

    static Params unmaskResponse(UnmaskResponse r) {
        Params.Builder b = Params.builder();
        r.selfMaskShares().forEach((owner, s) -> share(b, SELF + owner, s));
        r.maskKeyShares().forEach((owner, s) -> share(b, MASK + owner, s));
        return b.build();
    }

    static UnmaskResponse unmaskResponse(String from, Params p) {
        return new UnmaskResponse(from, readShares(p.under(SELF)), readShares(p.under(MASK)));
    }

    private static void share(Params.Builder b, String key, Shamir.Share s) {
        b.number(key + "/x", s.x()).bytes(key + "/y", s.y().toByteArray());
    }

    private static Map<String, Shamir.Share> readShares(Params p) {
        Map<String, Shamir.Share> out = new LinkedHashMap<>();
        for (String k : p.keys()) {
            if (k.endsWith("/x")) {
                String owner = k.substring(0, k.length() - 2);
                out.put(owner, new Shamir.Share(p.integer(k), new BigInteger(p.bytes(owner + "/y"))));
            }
        }
        return out;
    }

    private static List<String> names(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

    private static byte[] bytes(Value v, String who) {
        if (v instanceof Value.Bytes b) {
            return b.bytes();
        }
        throw new ProtocolException("the share for '" + who + "' is " + v.kindName() + ", expected a block of bytes");
    }
}
