package org.medfed.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Class probabilities from a network, computed in chunks so that large sets do not need one huge array. */
final class Predictor {

    private static final int CHUNK = 1024;

    private Predictor() {
    }

    static float[][] probabilities(MultiLayerNetwork net, float[][] inputs, int width) {
        float[][] out = new float[inputs.length][];
        for (int start = 0; start < inputs.length; start += CHUNK) {
            int end = Math.min(inputs.length, start + CHUNK);
            float[] x = new float[(end - start) * width];
            for (int i = start; i < end; i++) {
                System.arraycopy(inputs[i], 0, x, (i - start) * width, width);
            }
            INDArray result = net.output(Nd4j.create(x, new long[] {end - start, width}, 'c'), false);
            float[][] rows = result.toFloatMatrix();
            System.arraycopy(rows, 0, out, start, end - start);
        }
        return out;
    }
}
