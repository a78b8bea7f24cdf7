package org.medfed.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.medfed.engine.LocalOptimizer;

/** DL4J's CNN layers hand their work to oneDNN where the natives pom.xml ships have it (x86_64). */
class OneDnnTest {

    private static final ModelSpec CNN = ModelSpec.cnn(new int[] {1, 8, 8}, 2, new int[] {2}, 4);

    @Test
    void theCnnsConvolutionAndPoolingRunOnOneDnn() {
        assumeTrue(Set.of("amd64", "x86_64").contains(System.getProperty("os.arch")),
                "nd4j publishes oneDNN natives for x86_64 only: this machine's are the plain build");
        ComputeThreads.apply(CNN);
        MultiLayerNetwork net = NetworkFactory.build(CNN, LocalOptimizer.SGD, 0.01);

        // the look-up org.nd4j.nativeblas.Nd4jCpu mends: without it DL4J finds no oneDNN and drops every helper
        assertThat(BaseMKLDNNHelper.mklDnnEnabled()).isTrue();
        Layer[] layers = net.getLayers();
        assertThat(layers[0].getHelper()).isInstanceOf(MKLDNNConvHelper.class);
        assertThat(layers[1].getHelper()).isInstanceOf(MKLDNNSubsamplingHelper.class);
    }

    @Test
    void aSwitchSetOnTheCommandLineIsKept() {
        String before = System.getProperty(OneDnn.DISABLE);
        try {
            System.setProperty(OneDnn.DISABLE, "true");
            OneDnn.allow();
            assertThat(System.getProperty(OneDnn.DISABLE)).isEqualTo("true");
            System.clearProperty(OneDnn.DISABLE);
            OneDnn.allow();
            assertThat(System.getProperty(OneDnn.DISABLE)).isEqualTo("false");
        } finally {
            if (before == null) {
                System.clearProperty(OneDnn.DISABLE);
            } else {
                System.setProperty(OneDnn.DISABLE, before);
            }
        }
    }
}
