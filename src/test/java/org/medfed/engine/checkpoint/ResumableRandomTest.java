package org.medfed.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.medfed.engine.Seeds;

class ResumableRandomTest {

    /** One draw of each kind in turn, as text, so that two generators can be compared draw by draw. */
    private static String draw(Random r, int i) {
        return switch (i % 9) {
            case 0 -> "int " + r.nextInt();
            case 1 -> "int7 " + r.nextInt(7);
            case 2 -> "int1024 " + r.nextInt(1024);
            case 3 -> "long " + r.nextLong();
            case 4 -> "double " + Double.doubleToRawLongBits(r.nextDouble());
            case 5 -> "gaussian " + Double.doubleToRawLongBits(r.nextGaussian());
            case 6 -> "boolean " + r.nextBoolean();
            case 7 -> "float " + Float.floatToRawIntBits(r.nextFloat());
            default -> {
                List<Integer> list = new ArrayList<>(IntStream.range(0, 13).boxed().toList());
                Collections.shuffle(list, r);
                yield "shuffle " + list;
            }
        };
    }

    @Test
    void drawsExactlyWhatJavaUtilRandomDrawsSoThatEarlierRunsKeepTheirResults() {
        for (long seed : new long[] {0, 42, -7, Long.MIN_VALUE, Seeds.derive(42, "participant-sampling", 0)}) {
            Random expected = new Random(seed);
            Random actual = new ResumableRandom(seed);
            for (int i = 0; i < 3000; i++) {
                assertThat(draw(actual, i)).as("seed %d, draw %d", seed, i).isEqualTo(draw(expected, i));
            }
        }
    }

    @Test
    void setSeedStartsOverAsJavaUtilRandomDoes() {
        Random expected = new Random(1);
        ResumableRandom actual = new ResumableRandom(1);
        expected.nextGaussian();
        actual.nextGaussian();
        expected.setSeed(99);
        actual.setSeed(99);
        for (int i = 0; i < 200; i++) {
            assertThat(draw(actual, i)).isEqualTo(draw(expected, i));
        }
    }

    @Test
    void aRestoredGeneratorContinuesExactlyEvenWithHalfAGaussianPairPending() {
        for (int before = 0; before < 40; before++) {
            ResumableRandom original = new ResumableRandom(2024);
            for (int i = 0; i < before; i++) {
                draw(original, i);
            }
            ResumableRandom.State saved = original.state();
            ResumableRandom restored = ResumableRandom.restore(saved);
            assertThat(restored.state()).isEqualTo(saved);
            for (int i = before; i < before + 100; i++) {
                assertThat(draw(restored, i)).as("after %d draws, draw %d", before, i).isEqualTo(draw(original, i));
            }
        }
        ResumableRandom pending = new ResumableRandom(5);
        double first = pending.nextGaussian();
        ResumableRandom.State saved = pending.state();
        assertThat(saved.hasNextGaussian()).isTrue();
        assertThat(ResumableRandom.restore(saved).nextGaussian()).isEqualTo(pending.nextGaussian()).isNotEqualTo(first);
    }
}
