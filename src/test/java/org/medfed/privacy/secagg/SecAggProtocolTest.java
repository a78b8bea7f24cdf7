package org.medfed.privacy.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.medfed.privacy.random.CryptoRandom;
import org.medfed.privacy.random.RandomSource;
import org.medfed.privacy.secagg.SecAggMessages.AdvertiseKeys;
import org.medfed.privacy.secagg.SecAggMessages.KeyDirectory;
import org.medfed.privacy.secagg.SecAggMessages.MaskedInput;
import org.medfed.privacy.secagg.SecAggMessages.ShareDelivery;
import org.medfed.privacy.secagg.SecAggMessages.ShareKeys;
import org.medfed.privacy.secagg.SecAggMessages.UnmaskRequest;
import org.medfed.privacy.secagg.SecAggMessages.UnmaskResponse;

/** The protocol alone (clients and server, no engine): exact sums, hiding, dropout recovery. */
class SecAggProtocolTest {

    private static final SecAggParameters PARAMS = new SecAggParameters(16, 1.0, 1.0, 2.0 / 3.0);

    /** One simulated round; {@code dropInput} never send a masked input, {@code dropUnmask} never answer after. */
    private static final class Round {
        final Map<String, SecAggClient> clients = new TreeMap<>();
        final SecAggServer server;
        final Map<String, MaskedInput> inputs = new TreeMap<>();
        final List<UnmaskResponse> responses = new ArrayList<>();
        UnmaskRequest request;

        Round(int n, SecAggParameters params, long seed) {
            RandomSource random = RandomSource.seeded(seed);
            for (int i = 0; i < n; i++) {
                String name = String.format("h%02d", i);
                clients.put(name, new SecAggClient(name, params, random));
            }
            server = new SecAggServer(params, 1);
            List<AdvertiseKeys> ads = new ArrayList<>();
            clients.values().forEach(c -> ads.add(c.advertise(1)));
            KeyDirectory dir = server.collectKeys(ads);
            List<ShareKeys> shares = new ArrayList<>();
            clients.values().forEach(c -> shares.add(c.shareKeys(dir)));
            Map<String, ShareDelivery> deliveries = server.routeShares(shares);
            deliveries.forEach((to, d) -> clients.get(to).receiveShares(d));
        }

        void send(String name, long[] input) {
            inputs.put(name, clients.get(name).maskInput(1, input));
        }

        long[] finish(Collection<String> silentAtUnmask) {
            request = server.unmaskRequest(inputs.keySet());
            for (String u : request.survivors()) {
                if (!silentAtUnmask.contains(u)) {
                    responses.add(clients.get(u).unmask(request));
                }
            }
            return server.unmask(inputs, responses);
        }
    }

    private static long[] randomInput(CryptoRandom r, int length, long mask) {
        long[] v = new long[length];
        for (int i = 0; i < length; i++) {
            v[i] = r.nextLong() & mask;
        }
        return v;
    }

    @Test
    void theUnmaskedSumEqualsThePlainSumExactly() {
        long mask = PARAMS.modulusMask();
        assertThat(mask).isEqualTo(0xFFFFL);
        Round round = new Round(5, PARAMS, 1);
        CryptoRandom r = RandomSource.seeded(99).stream("inputs", 0);
        long[] expected = new long[1000];
        for (String name : round.clients.keySet()) {
            long[] x = randomInput(r, 1000, mask);
            for (int i = 0; i < x.length; i++) {
                expected[i] = (expected[i] + x[i]) & mask;
            }
            round.send(name, x);
        }
        assertThat(round.finish(Set.of())).containsExactly(expected);
    }

    @Test
    void thirtyTwoBitMasksCancelToo() {
        // k = 32, the old maximum: no longer plain int overflow but longs modulo 2^32
        SecAggParameters p32 = PARAMS.withBits(32);
        long mask = p32.modulusMask();
        assertThat(mask).isEqualTo(0xFFFF_FFFFL);
        Round round = new Round(4, p32, 11);
        CryptoRandom r = RandomSource.seeded(12).stream("inputs", 0);
        long[] expected = new long[300];
        for (String name : List.of("h00", "h01", "h03")) {
            long[] x = randomInput(r, 300, mask);
            for (int i = 0; i < x.length; i++) {
                expected[i] = (expected[i] + x[i]) & mask;
            }
            round.send(name, x);
        }
        assertThat(round.finish(Set.of())).containsExactly(expected);
    }

    @Test
    void masksCancelExactlyAt62BitsWithManyParticipants() {
        // k = 62, the most a long holds without overflow in a + b; 40 participants, every value a full 62-bit one
        SecAggParameters p62 = PARAMS.withBits(62);
        long mask = p62.modulusMask();
        assertThat(mask).isEqualTo(0x3FFF_FFFF_FFFF_FFFFL);
        int n = 40;
        int length = 4096;
        Round round = new Round(n, p62, 21);
        CryptoRandom r = RandomSource.seeded(22).stream("inputs", 0);
        long[] expected = new long[length];
        for (String name : round.clients.keySet()) {
            long[] x = randomInput(r, length, mask);
            x[0] = mask; // the largest element, 2^62 - 1, from everyone
            for (int i = 0; i < length; i++) {
                expected[i] = (expected[i] + x[i]) & mask;
            }
            round.send(name, x);
        }
        long[] sum = round.finish(Set.of());
        assertThat(sum).containsExactly(expected);
        // 40 * (2^62 - 1) = -40 modulo 2^62
        assertThat(sum[0]).isEqualTo((1L << 62) - 40);
        MaskedInput one = round.inputs.get("h00");
        assertThat(one.wireBytes()).isEqualTo(4 + (length * 62L + 7) / 8);
        // the masked values use all 62 bits and no more: the top six bits (56..61) spread over 64 bins
        // (63 degrees of freedom, 99.9 % quantile 103.4)
        long[] bins = new long[64];
        for (long v : one.values()) {
            assertThat(v).isBetween(0L, mask);
            bins[(int) (v >>> 56)]++;
        }
        double e = length / 64.0;
        double chi2 = 0;
        for (long b : bins) {
            chi2 += (b - e) * (b - e) / e;
        }
        assertThat(chi2).isLessThan(103.4);
    }

    @Test
    void droppedParticipantsAreRecoveredWithTheExactSumAt48Bits() {
        // 10 participants at 48 bits, threshold ceil(2/3 * 10) = 7: h01 and h06 drop after sharing their keys, and
        // h03 sends its input but is silent at unmasking, leaving exactly 7 helpers
        SecAggParameters p48 = new SecAggParameters(48, 1.5, 1.0, 2.0 / 3.0);
        long mask = p48.modulusMask();
        Round round = new Round(10, p48, 31);
        assertThat(round.server.threshold()).isEqualTo(7);
        Quantizer q = new Quantizer(48, 1.5, 10);
        CryptoRandom r = RandomSource.seeded(32).stream("inputs", 0);
        int length = 300;
        long[] expected = new long[length];
        double[] realSum = new double[length];
        List<String> senders = List.of("h00", "h02", "h03", "h04", "h05", "h07", "h08", "h09");
        for (String name : senders) {
            long[] x = new long[length];
            for (int i = 0; i < length; i++) {
                // values at the bounds in the first two places, the rest spread over [-1.5, 1.5]
                double v = i == 0 ? 1.5 : i == 1 ? -1.5 : (r.nextDouble() * 2 - 1) * 1.5;
                x[i] = q.encode(v);
                expected[i] = (expected[i] + x[i]) & mask;
                realSum[i] += v;
            }
            round.send(name, x);
        }
        long[] sum = round.finish(Set.of("h03"));
        assertThat(round.request.dropped()).containsExactly("h01", "h06");
        assertThat(round.responses).hasSize(7);
        assertThat(sum).containsExactly(expected);
        // eight values at +range and at -range: exactly +8B and -8B (B = floor((2^47 - 1) / 10) = 14073748835532)
        assertThat(q.bound()).isEqualTo(14_073_748_835_532L);
        assertThat(sum[0]).isEqualTo(8 * q.bound());
        assertThat(sum[1]).isEqualTo((1L << 48) - 8 * q.bound());
        // and the exact integer sums decode to the real sums within the quantisation error
        for (int i = 0; i < length; i++) {
            assertThat(q.decode(sum[i])).isCloseTo(realSum[i], within(senders.size() * q.maxErrorPerValue()));
        }
    }

    @Test
    void aMaskedInputIsUniformAndUncorrelatedWithTheTrueInput() {
        int length = 65_536;
        SecAggParameters p = PARAMS; // k = 16
        Round round = new Round(4, p, 2);
        CryptoRandom r = RandomSource.seeded(5).stream("inputs", 0);
        long[] truth = new long[length];
        for (int i = 0; i < length; i++) {
            // a very structured update: a ramp over the low half of the range
            truth[i] = (i % 1000) * 16;
        }
        round.send("h00", truth);
        long[] masked = round.inputs.get("h00").values();
        // chi-square of the low 8 bits over 256 bins: 255 degrees of freedom, 99.9 % quantile 330.5
        long[] bins = new long[256];
        for (long v : masked) {
            assertThat(v).isBetween(0L, 0xFFFFL);
            bins[(int) (v & 0xff)]++;
        }
        double expected = length / 256.0;
        double chi2 = 0;
        for (long b : bins) {
            chi2 += (b - expected) * (b - expected) / expected;
        }
        assertThat(chi2).isLessThan(330.5);
        // and of the high 8 bits of the 16-bit values
        long[] high = new long[256];
        for (long v : masked) {
            high[(int) ((v >>> 8) & 0xff)]++;
        }
        double chi2High = 0;
        for (long b : high) {
            chi2High += (b - expected) * (b - expected) / expected;
        }
        assertThat(chi2High).isLessThan(330.5);
        // Pearson correlation between the true and the masked values: |rho| < 4 / sqrt(n) = 0.016
        assertThat(Math.abs(correlation(truth, masked))).isLessThan(4 / Math.sqrt(length));
        // the unmasked values themselves are strongly structured: the test would see them
        long[] plainBins = new long[256];
        for (long v : truth) {
            plainBins[(int) (v & 0xff)]++;
        }
        assertThat(plainBins[0]).isGreaterThan(length / 20);
    }

    private static double correlation(long[] a, long[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test
    void participantsDroppingAfterSharingKeysAreRecovered() {
        // 6 participants, threshold ceil(2/3 * 6) = 4: two may drop after sharing their keys
        long mask = PARAMS.modulusMask();
        Round round = new Round(6, PARAMS, 3);
        assertThat(round.server.threshold()).isEqualTo(4);
        CryptoRandom r = RandomSource.seeded(7).stream("inputs", 0);
        long[] expected = new long[500];
        for (String name : List.of("h00", "h02", "h03", "h05")) {
            long[] x = randomInput(r, 500, mask);
            for (int i = 0; i < x.length; i++) {
                expected[i] = (expected[i] + x[i]) & mask;
            }
            round.send(name, x);
        }
        long[] sum = round.finish(Set.of());
        assertThat(sum).containsExactly(expected);
        assertThat(round.request.dropped()).containsExactly("h01", "h04");
        // survivors revealed self-mask shares of survivors only, and mask-key shares of the dropped only
        for (UnmaskResponse resp : round.responses) {
            assertThat(resp.selfMaskShares().keySet()).containsExactlyInAnyOrder("h00", "h02", "h03", "h05");
            assertThat(resp.maskKeyShares().keySet()).containsExactlyInAnyOrder("h01", "h04");
        }
    }

    @Test
    void oneHelperMissingAtUnmaskingStillLeavesEnoughShares() {
        long mask = PARAMS.modulusMask();
        Round round = new Round(6, PARAMS, 4);
        CryptoRandom r = RandomSource.seeded(8).stream("inputs", 0);
        long[] expected = new long[100];
        for (String name : List.of("h00", "h01", "h02", "h03", "h04")) {
            long[] x = randomInput(r, 100, mask);
            for (int i = 0; i < x.length; i++) {
                expected[i] = (expected[i] + x[i]) & mask;
            }
            round.send(name, x);
        }
        assertThat(round.finish(Set.of("h04"))).containsExactly(expected);
    }

    @Test
    void tooManyDropoutsFailTheRoundWithAClearMessage() {
        Round round = new Round(6, PARAMS, 5);
        for (String name : List.of("h00", "h01", "h02")) {
            round.send(name, new long[10]);
        }
        assertThatThrownBy(() -> round.finish(Set.of())).isInstanceOf(SecureAggregationException.class)
                .hasMessage("secure aggregation, round 1: only 3 of 6 participants sent their masked update; at "
                        + "least 4 are needed to remove the masks, so this round's updates cannot be recovered");

        Round second = new Round(6, PARAMS, 6);
        for (String name : second.clients.keySet()) {
            second.send(name, new long[10]);
        }
        assertThatThrownBy(() -> second.finish(Set.of("h00", "h01", "h02")))
                .isInstanceOf(SecureAggregationException.class)
                .hasMessageContaining("only 3 participants answered the unmasking step; at least 4 are needed");
    }

    @Test
    void aClientRefusesToUnmaskForTooFewOrContradictoryLists() {
        Round round = new Round(4, PARAMS, 7);
        for (String name : round.clients.keySet()) {
            round.send(name, new long[3]);
        }
        SecAggClient c = round.clients.get("h00");
        assertThatThrownBy(() -> c.unmask(new UnmaskRequest(1, List.of("h00", "h01"), List.of("h02", "h03"))))
                .isInstanceOf(SecureAggregationException.class).hasMessageContaining("at least 3");
        assertThatThrownBy(() -> c.unmask(new UnmaskRequest(1, List.of("h00", "h01", "h02"), List.of("h02"))))
                .isInstanceOf(SecureAggregationException.class).hasMessageContaining("both");
    }

    @Test
    void messagesHaveTheSizesOfTheCostFormula() {
        Round round = new Round(5, PARAMS, 8);
        for (String name : round.clients.keySet()) {
            round.send(name, new long[1000]);
        }
        round.finish(Set.of());
        // masked input: 4-byte id + 1000 values * 16 bits
        assertThat(round.inputs.get("h00").wireBytes()).isEqualTo(4 + 2000);
        assertThat(SecAggCost.maskedInputBytes(1000, 16)).isEqualTo(2004);
        // an encrypted share: 2 ids + (3 ints + 2 field elements of 33 bytes) + 16-byte GCM tag
        assertThat(SecAggCost.ENCRYPTED_SHARE_BYTES).isEqualTo(8 + 12 + 66 + 16);
        assertThat(round.responses.get(0).wireBytes()).isEqualTo(5L * (4 + 33 + 4));
    }
}
