package org.medfed.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.medfed.engine.ModelVector;

/**
 * The DL4J model file of a dense model (logistic regression, MLP), written without DL4J: the same
 * {@code configuration.json} and {@code coefficients.bin} entries DL4J's ModelSerializer writes for the network
 * {@link NetworkFactory#build} makes, so that DL4J (and our {@link ModelFiles#load}) reads it back as that network.
 *
 * <p>Why not ModelSerializer: building the network configuration initialises ND4J's native backend (OpenBLAS and
 * 400 MB of natives mapped: over a second of CPU here), and a dense study never otherwise needs it: {@link DenseTrainer}
 * trains without DL4J. A test writes both files for several shapes and compares them entry by entry, so a DL4J
 * upgrade that changes the format fails the build instead of writing files DL4J cannot read.
 */
final class DenseModelFile {

    static final String CONFIGURATION = "configuration.json";
    static final String COEFFICIENTS = "coefficients.bin";

    // ND4J's DataBuffer header: allocation mode, then length, then data type name
    private static final String ALLOCATION_MODE = "MIXED_DATA_TYPES";
    // ND4J's shape-information "extras" flag for a float array
    private static final long FLOAT_ARRAY_FLAG = 8192;

    private DenseModelFile() {
    }

    /** The zip file's bytes. */
    static byte[] bytes(ModelSpec spec, ModelVector params) {
        if (spec.isImageModel()) {
            throw new IllegalArgumentException(spec.kind().id() + " is not a dense model");
        }
        if (params.size() != spec.parameterCount()) {
            throw new IllegalArgumentException(params.size() + " parameters for a model of " + spec.parameterCount());
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(CONFIGURATION));
                zip.write(configuration(spec).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(COEFFICIENTS));
                zip.write(coefficients(params));
                zip.closeEntry();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
    }

    /** ND4J's binary form of a rank-1 float array in C order (Nd4j.write). */
    static byte[] coefficients(ModelVector params) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 4 * params.size());
        DataOutputStream out = new DataOutputStream(bytes);
        long[] shapeInfo = {1, params.size(), 1, FLOAT_ARRAY_FLAG, 1, 'c'};
        out.writeUTF(ALLOCATION_MODE);
        out.writeLong(shapeInfo.length);
        out.writeUTF("LONG");
        for (long v : shapeInfo) {
            out.writeLong(v);
        }
        out.writeUTF(ALLOCATION_MODE);
        out.writeLong(params.size());
        out.writeUTF("FLOAT");
        for (int i = 0; i < params.size(); i++) {
            out.writeFloat(params.get(i));
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** DL4J's MultiLayerConfiguration JSON of the network, as its Jackson mapper prints it (with "\n" line ends). */
    static String configuration(ModelSpec spec) {
        int[] widths = spec.layerWidths();
        boolean binary = spec.classCount() == 2;
        StringBuilder json = new StringBuilder(2048 * widths.length);
        json.append("{\n")
                .append("  \"backpropType\" : \"Standard\",\n")
                .append("  \"cacheMode\" : \"NONE\",\n")
                .append("  \"confs\" : [ ");
        for (int l = 1; l < widths.length; l++) {
            boolean output = l == widths.length - 1;
            if (l > 1) {
                json.append(", ");
            }
            json.append("{\n")
                    .append("    \"cacheMode\" : \"NONE\",\n")
                    .append("    \"dataType\" : \"FLOAT\",\n")
                    .append("    \"epochCount\" : 0,\n")
                    .append("    \"iterationCount\" : 0,\n")
                    .append("    \"layer\" : {\n")
                    .append("      \"@class\" : \"org.deeplearning4j.nn.conf.layers.")
                    .append(output ? "OutputLayer" : "DenseLayer").append("\",\n")
                    .append("      \"activationFn\" : {\n");
            if (!output) {
                json.append("        \"@class\" : \"org.nd4j.linalg.activations.impl.ActivationReLU\",\n")
                        .append("        \"max\" : null,\n")
                        .append("        \"negativeSlope\" : null,\n")
                        .append("        \"threshold\" : null\n");
            } else {
                json.append("        \"@class\" : \"org.nd4j.linalg.activations.impl.Activation")
                        .append(binary ? "Sigmoid" : "Softmax").append("\"\n");
            }
            json.append("      },\n")
                    .append("      \"biasInit\" : 0.0,\n")
                    .append("      \"biasUpdater\" : null,\n")
                    .append("      \"constraints\" : null,\n")
                    .append("      \"gainInit\" : 1.0,\n")
                    .append("      \"gradientNormalization\" : \"None\",\n")
                    .append("      \"gradientNormalizationThreshold\" : 1.0,\n")
                    .append("      \"hasBias\" : true,\n");
            if (!output) {
                json.append("      \"hasLayerNorm\" : false,\n");
            }
            // the updater of an exported model is never used: ModelFiles builds it with SGD 0.01 too
            json.append("      \"idropout\" : null,\n")
                    .append("      \"iupdater\" : {\n")
                    .append("        \"@class\" : \"org.nd4j.linalg.learning.config.Sgd\",\n")
                    .append("        \"learningRate\" : 0.01\n")
                    .append("      },\n")
                    .append("      \"layerName\" : \"layer").append(l - 1).append("\",\n");
            if (output) {
                json.append("      \"lossFn\" : {\n");
                if (binary) {
                    json.append("        \"@class\" : \"org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT\",\n")
                            .append("        \"clipEps\" : 1.0E-5\n");
                } else {
                    json.append("        \"@class\" : \"org.nd4j.linalg.lossfunctions.impl.LossMCXENT\",\n")
                            .append("        \"softmaxClipEps\" : 1.0E-10\n");
                }
                json.append("      },\n");
            }
            json.append("      \"nin\" : ").append(widths[l - 1]).append(",\n")
                    .append("      \"nout\" : ").append(widths[l]).append(",\n")
                    .append("      \"regularization\" : [ ],\n")
                    .append("      \"regularizationBias\" : [ ],\n")
                    .append("      \"timeDistributedFormat\" : null,\n")
                    .append("      \"weightInitFn\" : {\n")
                    .append("        \"@class\" : \"org.deeplearning4j.nn.weights.WeightInitConstant\",\n")
                    .append("        \"value\" : 0.0\n")
                    .append("      },\n")
                    .append("      \"weightNoise\" : null\n")
                    .append("    },\n")
                    .append("    \"maxNumLineSearchIterations\" : 5,\n")
                    .append("    \"miniBatch\" : true,\n")
                    .append("    \"minimize\" : true,\n")
                    .append("    \"optimizationAlgo\" : \"STOCHASTIC_GRADIENT_DESCENT\",\n")
                    .append("    \"seed\" : 0,\n")
                    .append("    \"stepFunction\" : null,\n")
                    .append("    \"variables\" : [ \"W\", \"b\" ]\n")
                    .append("  }");
        }
        json.append(" ],\n")
                .append("  \"dataType\" : \"FLOAT\",\n")
                .append("  \"epochCount\" : 0,\n")
                .append("  \"inferenceWorkspaceMode\" : \"ENABLED\",\n")
                .append("  \"inputPreProcessors\" : { },\n")
                .append("  \"iterationCount\" : 0,\n")
                .append("  \"tbpttBackLength\" : 20,\n")
                .append("  \"tbpttFwdLength\" : 20,\n")
                .append("  \"trainingWorkspaceMode\" : \"ENABLED\",\n")
                .append("  \"validateOutputLayerConfig\" : true\n")
                .append("}");
        return json.toString();
    }
}
