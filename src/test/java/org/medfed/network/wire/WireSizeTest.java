package org.medfed.network.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.engine.protocol.Value;

/** The sizes a simulated hospital reports are those of the messages a node sends, byte for byte. */
class WireSizeTest {

    /** Texts whose UTF-8 length differs from their length in chars, an unpaired surrogate among them. */
    private static final String[] TEXTS = {"", "a", "hôpital", "\uD83C\uDFE5 nord", "\uD800 alone", "x".repeat(200)};

    /** Vector lengths around the varint boundaries of their byte lengths (4 x 31 < 128 < 4 x 32, and so on). */
    private static final int[] LENGTHS = {0, 1, 31, 32, 4095, 4096, 70_000};

    private static Value value(Random random, int kind) {
        int n = LENGTHS[random.nextInt(LENGTHS.length)];
        return switch (kind) {
            case 0 -> new Value.Floats(new float[n]);
            case 1 -> new Value.Longs(new long[Math.min(n, 5000)]);
            case 2 -> new Value.Bytes(new byte[n]);
            case 3 -> new Value.Number(random.nextBoolean() ? 0.0 : random.nextGaussian());
            default -> new Value.Text(TEXTS[random.nextInt(TEXTS.length)]);
        };
    }

    private static Params params(Random random) {
        Params.Builder b = Params.builder();
        int entries = random.nextInt(6);
        for (int i = 0; i < entries; i++) {
            b.put(TEXTS[random.nextInt(TEXTS.length)] + i, value(random, random.nextInt(5)));
        }
        return b.build();
    }

    @Test
    void everyKindOfValueAndRequestCountsWhatTheCodecEncodes() {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            Params params = params(random);
            assertThat(WireSize.of(params)).as("params %s", params)
                    .isEqualTo(WireCodec.toWire(params).getSerializedSize());

            int round = switch (i % 4) {
                case 0 -> 0;
                case 1 -> -1;
                case 2 -> 1 + random.nextInt(100);
                default -> Integer.MAX_VALUE;
            };
            List<ProcedureCall> filters = new ArrayList<>();
            if (i % 3 == 0) {
                filters.add(new ProcedureCall(Procedure.DP_CLIP_NOISE, params(random)));
                filters.add(new ProcedureCall(Procedure.SECAGG_MASK, Params.EMPTY));
            }
            SiteRequest training = new SiteRequest(round, new ProcedureCall(Procedure.TRAIN, params), filters);
            assertThat(WireSize.of(training)).as("request %d", i)
                    .isEqualTo(WireCodec.toWire(training).getSerializedSize());
            SiteRequest question = SiteRequest.of(round, Procedure.EVALUATE, params);
            assertThat(WireSize.of(question)).isEqualTo(WireCodec.toWire(question).getSerializedSize());
        }
    }

    @Test
    void aHandCountedRequest() {
        // (tag and length: 2 bytes each) round 3: 2; call: 2 + [procedure "train": 2 + 5; params: 2 + [entry: 2 +
        // [key "m": 3; value: 2 + [floats: 2 + [packed: 2 + 2 x 4 = 10] = 12] = 14] = 17] = 19] = 21] = 28 = 30;
        // in all 32
        SiteRequest request = SiteRequest.of(3, Procedure.TRAIN,
                Params.builder().put("m", new Value.Floats(new float[] {1f, 2f})).build());
        assertThat(WireSize.of(request)).isEqualTo(32).isEqualTo(WireCodec.toWire(request).getSerializedSize());
    }
}
