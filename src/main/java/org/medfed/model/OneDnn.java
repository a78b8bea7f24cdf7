package org.medfed.model;

/**
 * Lets DL4J's convolution and pooling layers compute with oneDNN where nd4j's natives have it (the x86_64 builds
 * pom.xml ships). DL4J 1.0.0-M2.1 creates no such helper unless the system property {@value #DISABLE} is false (its
 * default is true), and then only when its look-up of oneDNN succeeds, which {@code org.nd4j.nativeblas.Nd4jCpu}
 * mends. With oneDNN the BreastMNIST CNN trains 2-4x faster on one thread (docs/benchmarks.md section 14).
 *
 * <p>Results stay bit-identical from run to run for the same thread count, but are not those of DL4J's own layers,
 * and oneDNN's backward pass splits its sums by thread: {@link ComputeThreads} therefore fixes oneDNN's threads per
 * computing thread too.
 */
final class OneDnn {

    /** DL4J's switch for all its layer helpers (oneDNN on the CPU, cuDNN on CUDA). */
    static final String DISABLE = "org.eclipse.deeplearning4j.helpers.disable";

    private OneDnn() {
    }

    /**
     * Allows the helpers for every network built from now on, unless the switch was set on the command line (to
     * compare, {@code -Dorg.eclipse.deeplearning4j.helpers.disable=true} keeps DL4J's own layers).
     */
    static void allow() {
        if (System.getProperty(DISABLE) == null) {
            System.setProperty(DISABLE, "false");
        }
    }
}
