package org.nd4j.nativeblas;

/**
 * Mends a look-up that is broken in DL4J 1.0.0-M2.1, so that its convolution and pooling layers can run on oneDNN.
 * DL4J decides whether oneDNN is there ({@code BaseMKLDNNHelper.mklDnnEnabled()}) by calling, through reflection,
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()}: names from before ND4J moved that
 * class to {@code org.nd4j.linalg.cpu.nativecpu.bindings} and renamed the method {@code isUseONEDNN}. The look-up
 * fails, DL4J concludes that oneDNN is absent, and every layer computes with its own im2col and matrix products even
 * with nd4j's oneDNN build loaded. This class answers that question under the old names and nothing else uses it.
 *
 * <p>It answers yes only when the loaded natives were built with oneDNN (nd4j's {@code -onednn} classifiers, which
 * the x86_64 {@code natives-*} profiles of pom.xml choose) and ND4J has not been told to leave oneDNN alone; with the
 * plain natives (arm64) DL4J keeps its own layers, as before. ND4J's own answer is no help there: its
 * {@code isUseONEDNN} is true in the plain build too. DL4J also creates no helper at all unless the system property
 * {@code org.eclipse.deeplearning4j.helpers.disable} is false: {@code org.medfed.model.OneDnn} sets it.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The old {@code Environment} of ND4J, as far as DL4J's look-up needs it. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether DL4J's layers may hand their work to oneDNN. */
        public boolean isUseMKLDNN() {
            return Build.HAS_ONEDNN
                    && org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }

    /** What the loaded natives were built with: read once, when DL4J first asks (ND4J is loaded by then). */
    private static final class Build {
        static final boolean HAS_ONEDNN =
                NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
    }
}
