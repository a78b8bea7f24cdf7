package org.medfed.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.medfed.engine.BadInputException;
import org.medfed.engine.protocol.ProtocolException;

class CompressedVectorTest {

    @Test
    void denseFloatsRoundTripExactly() {
        float[] v = {1.5f, -0.25f, 3e-7f, Float.MAX_VALUE};
        assertThat(CompressedVector.decode(CompressedVector.dense(v), 4)).containsExactly(v);
        assertThat(CompressedVector.dense(v)).hasSize(5 + 16);
    }

    @Test
    void stochasticQuantisationRoundsToANeighbourAndIsUnbiased() {
        // bucket min -1, max 1, 2 bits: 3 steps of 2/3; 0 sits halfway between codes 1 (-1/3) and 2 (+1/3),
        // 0.5 is 1/4 of the way from code 2 (1/3) to code 3 (1): decoded 1 with probability 1/4
        float[] v = {-1f, 0f, 0.5f, 1f};
        double[] sum = new double[4];
        int draws = 20_000;
        SplittableRandom random = new SplittableRandom(7);
        for (int d = 0; d < draws; d++) {
            float[] q = CompressedVector.decode(CompressedVector.quantised(v, 2, random), 4);
            assertThat(q[0]).isEqualTo(-1f);
            assertThat(q[3]).isEqualTo(1f);
            assertThat((double) q[1]).satisfiesAnyOf(x -> assertThat(x).isCloseTo(-1 / 3.0, within(1e-6)),
                    x -> assertThat(x).isCloseTo(1 / 3.0, within(1e-6)));
            for (int i = 0; i < 4; i++) {
                sum[i] += q[i];
            }
        }
        // standard deviation of one draw is 1/3 for v[1]; of the mean 1/3 / sqrt(20000) = 0.0024: 4 sigma = 0.01
        assertThat(sum[1] / draws).isCloseTo(0.0, within(0.01));
        assertThat(sum[2] / draws).isCloseTo(0.5, within(0.01));
    }

    @Test
    void quantisedSizeIsBitsPerValuePlusTwoFloatsPerBucket() {
        float[] v = new float[1024];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i);
        }
        // tag + length + bits + 2 buckets x (min, step) + 1024 values x 8 bits
        assertThat(CompressedVector.quantised(v, 8, new SplittableRandom(1))).hasSize(5 + 1 + 16 + 1024);
        assertThat(CompressedVector.quantised(v, 2, new SplittableRandom(1))).hasSize(5 + 1 + 16 + 256);
        float[] back = CompressedVector.decode(CompressedVector.quantised(v, 8, new SplittableRandom(1)), 1024);
        for (int i = 0; i < v.length; i++) {
            assertThat(back[i]).isCloseTo(v[i], within(2f / 255 + 1e-6f)); // one step of the bucket's range
        }
    }

    @Test
    void topKKeepsTheLargestMagnitudesWithTiesToTheLowerPosition() {
        float[] v = {0.1f, -5f, 2f, -2f, 0f, 3f};
        assertThat(CompressedVector.largest(v, 3)).containsExactly(1, 2, 5);
        assertThat(CompressedVector.largest(v, 4)).containsExactly(1, 2, 3, 5);
        byte[] sparse = CompressedVector.sparse(v, 3, 32, new SplittableRandom(1));
        assertThat(CompressedVector.decode(sparse, 6)).containsExactly(0f, -5f, 2f, 0f, 0f, 3f);
        // tag + length + count + 3 one-byte gaps + 3 floats
        assertThat(sparse).hasSize(5 + 1 + 3 + 12);
    }

    @Test
    void bitPackingRoundTrips() {
        int[] codes = {0, 3, 1, 2, 3, 3, 0};
        assertThat(CompressedVector.unpack(CompressedVector.pack(codes, 2), codes.length, 2)).containsExactly(codes);
        int[] wide = {255, 0, 17, 128};
        assertThat(CompressedVector.unpack(CompressedVector.pack(wide, 8), 4, 8)).containsExactly(wide);
    }

    @Test
    void malformedBytesAreRefusedWithAMessage() {
        byte[] ok = CompressedVector.dense(new float[] {1, 2});
        assertThatThrownBy(() -> CompressedVector.decode(ok, 3)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("holds 2 values where the model has 3");
        byte[] cut = java.util.Arrays.copyOf(ok, ok.length - 1);
        assertThatThrownBy(() -> CompressedVector.decode(cut, 2)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("ends too early");
    }

    @Test
    void codecSettingsAreChecked() {
        assertThatThrownBy(() -> new UpdateCodec("quantise", 3, 1, false)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("2, 4 or 8 bits");
        assertThatThrownBy(() -> new UpdateCodec("topk", 0, 0, true)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new UpdateCodec("quantise", 8, 1, true)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("error feedback only applies to top-k");
        assertThatThrownBy(() -> new UpdateCodec("zip", 8, 1, false)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown");
        UpdateCodec c = new UpdateCodec("topk-quantise", 4, 0.05, true);
        assertThat(UpdateCodec.fromParams(c.toParams())).isEqualTo(c);
    }
}
