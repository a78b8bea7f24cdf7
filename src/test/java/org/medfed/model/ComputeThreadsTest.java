package org.medfed.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medfed.engine.ModelVector;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** The threads a DL4J trainer's native math gets: its share of the cores, no more than its step's work can use. */
class ComputeThreadsTest {

    private static final ModelSpec BREAST_CNN = ModelSpec.cnn(new int[] {1, 28, 28}, 2, new int[] {8, 16}, 32);

    @AfterEach
    void restore() {
        ComputeThreads.force(0);
        ComputeThreads.share(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void multiplyAddsPerExampleCountEachWeightOncePerOutputPosition() {
        // conv 1->2 of 3x3 at 4x4 = 18 x 16; flat 2x2x2 = 8 -> dense 3 = 24; 3 -> 1 output = 3
        assertThat(ModelSpec.cnn(new int[] {1, 4, 4}, 2, new int[] {2}, 3).multiplyAddsPerExample())
                .isEqualTo(18 * 16 + 24 + 3);
        // encoder 0 (4x4): 1->2, 2->2; encoder 1 (2x2): 2->4, 4->4; decoder 0 (4x4): 6->2, 2->2; logit 1x1 2->1
        assertThat(ModelSpec.unet(new int[] {1, 4, 4}, 2, 4).multiplyAddsPerExample())
                .isEqualTo(18 * 16 + 36 * 16 + 72 * 4 + 144 * 4 + 108 * 16 + 36 * 16 + 2 * 16);
        assertThat(ModelSpec.mlp(20, 2, 64, 32).multiplyAddsPerExample()).isEqualTo(20 * 64 + 64 * 32 + 32);
        // the BreastMNIST CNN: 8 x 9 x 784 + 16 x 8 x 9 x 196 + 784 x 32 + 32
        assertThat(BREAST_CNN.multiplyAddsPerExample()).isEqualTo(56_448 + 225_792 + 25_088 + 32);
    }

    @Test
    void aSmallModelTakesOneThreadWhateverItsShareAndALargeOneItsShare() {
        ComputeThreads.share(4);
        // about 30 million multiply-adds per step: measured slower with two threads than with one
        assertThat(ComputeThreads.forModel(BREAST_CNN)).isEqualTo(1);
        ModelSpec large = ModelSpec.cnn(new int[] {3, 224, 224}, 2, new int[] {64, 128}, 32);
        assertThat(ComputeThreads.forModel(large)).isEqualTo(4);
        ComputeThreads.share(2);
        assertThat(ComputeThreads.forModel(large)).isEqualTo(2);
        ComputeThreads.force(3);
        assertThat(ComputeThreads.forModel(BREAST_CNN)).isEqualTo(3);
        assertThatThrownBy(() -> ComputeThreads.share(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTrainerSetsNd4jsThreadsBeforeItComputes() {
        ComputeThreads.force(2);
        predictOnce();
        assertThat(Nd4j.getEnvironment().maxMasterThreads()).isEqualTo(2);
        assertThat(Nd4j.factory().blas().getMaxThreads()).isEqualTo(2);
        ComputeThreads.force(0);
        ComputeThreads.share(4);
        predictOnce();
        assertThat(Nd4j.getEnvironment().maxMasterThreads()).isEqualTo(1);
        assertThat(Nd4j.factory().blas().getMaxThreads()).isEqualTo(1);
    }

    @Test
    void eachComputingThreadSetsOneDnnsThreadsForItself() throws Exception {
        // oneDNN's threads are an OpenMP setting of the calling thread: a trainer's thread sets its own
        assertThat(openMpThreadsOfANewTrainerThread(2)).isEqualTo(2);
        assertThat(openMpThreadsOfANewTrainerThread(1)).isEqualTo(1);
    }

    private static int openMpThreadsOfANewTrainerThread(int forced) throws InterruptedException {
        ComputeThreads.force(forced);
        int[] seen = new int[1];
        Thread thread = new Thread(() -> {
            predictOnce();
            seen[0] = NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
        });
        thread.start();
        thread.join();
        return seen[0];
    }

    private static void predictOnce() {
        var images = TinyImages.squares(4, 8, 1);
        ModelSpec spec = ModelSpec.cnn(new int[] {1, 8, 8}, 2, new int[] {2}, 4);
        ModelVector params = spec.initialParameters(1);
        new Dl4jTrainer(spec, images, images).predict(params, images);
    }
}
