package org.medfed.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.medfed.engine.BadInputException;
import org.medfed.engine.Limit;
import org.medfed.engine.ModelLayout;
import org.medfed.engine.ModelVector;

/**
 * The shape of a model: its family, input shape, number of classes, dense hidden layer sizes and, for the
 * image models, convolution filters per level. Together with the parameter vector it is everything needed to
 * rebuild the network.
 *
 * <p>Input shapes: {@code [features]} for logistic regression and MLPs, {@code [channels, height, width]} for
 * the CNN and the U-Net. The CNN has one 3x3 convolution (same padding, ReLU) and one 2x2 max pooling per
 * entry of {@code filters}, then the {@code hidden} dense ReLU layers, then the logistic output. The U-Net has
 * {@code filters.length} levels of two 3x3 convolutions each, a 2x2 max pooling between levels going down, a
 * nearest-neighbour upsampling and a concatenation with the encoder level going up, and a 1x1 convolution to
 * one logit per pixel; it segments two classes (background, foreground).
 *
 * <p>With {@code batchNorm} (image models only) every 3x3 convolution is followed by a batch normalisation of its
 * channels before the ReLU: per channel a scale gamma and a shift beta, trained, and the running mean and variance
 * of the channel over training batches, which inference uses. DL4J keeps all four in the parameter vector, so they
 * are blocks of {@link #parameterLayout()} like any layer's weights (what FedBN keeps at each hospital).
 */
public record ModelSpec(ModelKind kind, int[] inputShape, int classCount, int[] hidden, int[] filters,
                        boolean batchNorm) {

    /** The epsilon of every batch normalisation: y = gamma (x - mean) / sqrt(variance + epsilon) + beta. */
    public static final double BATCH_NORM_EPSILON = 1e-5;

    public ModelSpec {
        inputShape = inputShape == null ? new int[0] : inputShape.clone();
        hidden = hidden == null ? new int[0] : hidden.clone();
        filters = filters == null ? new int[0] : filters.clone();
        if (inputShape.length == 0 || Arrays.stream(inputShape).anyMatch(d -> d <= 0)) {
            throw new BadInputException("the model needs at least one input feature, got shape " + Arrays.toString(inputShape));
        }
        if (classCount < 2) {
            throw new BadInputException("the label has " + classCount + " class; at least 2 are needed to train a classifier");
        }
        Limit.CLASSES.check(classCount);
        Limit.INPUT_SIZE.check(Arrays.stream(inputShape).asLongStream().reduce(1, (a, b) -> a * b));
        Limit.checkLayers(hidden, filters);
        switch (kind) {
            case LOGISTIC, MLP -> checkDense(kind, inputShape, hidden, filters);
            case CNN -> checkCnn(inputShape, filters);
            case UNET -> checkUnet(inputShape, classCount, hidden, filters);
        }
        if (batchNorm && kind != ModelKind.CNN && kind != ModelKind.UNET) {
            throw new BadInputException(kind.id() + " has no convolutions to normalise; batch normalisation is for "
                    + "the image models (cnn, unet)");
        }
    }

    /** A model without batch normalisation. */
    public ModelSpec(ModelKind kind, int[] inputShape, int classCount, int[] hidden, int[] filters) {
        this(kind, inputShape, classCount, hidden, filters, false);
    }

    /** This image model with a batch normalisation after each 3x3 convolution. */
    public ModelSpec withBatchNorm(boolean on) {
        return new ModelSpec(kind, inputShape, classCount, hidden, filters, on);
    }

    /** A dense model of {@code inputSize} features (logistic regression or MLP). */
    public ModelSpec(ModelKind kind, int inputSize, int classCount, int[] hidden) {
        this(kind, new int[] {inputSize}, classCount, hidden, null);
    }

    public static ModelSpec logistic(int inputSize, int classCount) {
        return new ModelSpec(ModelKind.LOGISTIC, inputSize, classCount, new int[0]);
    }

    public static ModelSpec mlp(int inputSize, int classCount, int... hidden) {
        return new ModelSpec(ModelKind.MLP, inputSize, classCount, hidden);
    }

    /** An image classifier for inputs of {@code shape = [channels, height, width]}. */
    public static ModelSpec cnn(int[] shape, int classCount, int[] filters, int... hidden) {
        return new ModelSpec(ModelKind.CNN, shape, classCount, hidden, filters);
    }

    /** A binary segmentation U-Net for inputs of {@code shape = [channels, height, width]}. */
    public static ModelSpec unet(int[] shape, int... filters) {
        return new ModelSpec(ModelKind.UNET, shape, 2, new int[0], filters);
    }

    private static void checkDense(ModelKind kind, int[] shape, int[] hidden, int[] filters) {
        if (shape.length != 1) {
            throw new BadInputException(kind.id() + " takes a flat feature vector, not an input of shape "
                    + Arrays.toString(shape) + "; choose cnn or unet for images");
        }
        if (filters.length > 0) {
            throw new BadInputException(kind.id() + " has no convolution filters; choose cnn for " + Arrays.toString(filters));
        }
        if (kind == ModelKind.LOGISTIC && hidden.length > 0) {
            throw new BadInputException("logistic regression has no hidden layers; choose mlp for " + Arrays.toString(hidden));
        }
        if (kind == ModelKind.MLP && hidden.length == 0) {
            throw new BadInputException("an MLP needs at least one hidden layer size");
        }
    }

    private static void checkImageShape(ModelKind kind, int[] shape, int[] filters) {
        if (shape.length == 1) {
            throw new BadInputException("model.type " + kind.id() + " needs images, but this study's data are a table "
                    + "(" + shape[0] + " inputs): choose logistic or mlp");
        }
        if (shape.length != 3) {
            throw new BadInputException("a " + kind.id() + " takes images of shape [channels, height, width], got "
                    + Arrays.toString(shape));
        }
        if (filters.length == 0) {
            throw new BadInputException("a " + kind.id() + " needs its filter counts per level, for example [8, 16]");
        }
    }

    private static void checkCnn(int[] shape, int[] filters) {
        checkImageShape(ModelKind.CNN, shape, filters);
        if ((shape[1] >> filters.length) < 1 || (shape[2] >> filters.length) < 1) {
            throw new BadInputException("a CNN with " + filters.length + " pooling levels halves the image "
                    + filters.length + " times: " + shape[1] + "x" + shape[2] + " is too small; use fewer levels or a "
                    + "larger image size");
        }
    }

    private static void checkUnet(int[] shape, int classCount, int[] hidden, int[] filters) {
        checkImageShape(ModelKind.UNET, shape, filters);
        if (filters.length < 2) {
            throw new BadInputException("a U-Net needs at least two levels of filters, for example [8, 16]");
        }
        if (classCount != 2) {
            throw new BadInputException("the U-Net segments a foreground from the background (2 classes), not "
                    + classCount + " classes");
        }
        if (hidden.length > 0) {
            throw new BadInputException("a U-Net has no dense hidden layers; give its filters instead");
        }
        int divisor = 1 << (filters.length - 1);
        if (shape[1] % divisor != 0 || shape[2] % divisor != 0) {
            throw new BadInputException("a U-Net with " + filters.length + " levels needs an image size divisible by "
                    + divisor + ", got " + shape[1] + "x" + shape[2]);
        }
    }

    /** Length of one flat input: features, or channels x height x width. */
    public int inputSize() {
        return Arrays.stream(inputShape).reduce(1, (a, b) -> a * b);
    }

    public boolean isImageModel() {
        return kind == ModelKind.CNN || kind == ModelKind.UNET;
    }

    /** Binary models have one sigmoid output (per pixel for the U-Net); multi-class ones a softmax over the classes. */
    public int outputSize() {
        return classCount == 2 ? 1 : classCount;
    }

    /** Dense layer widths from input to output (logistic regression and MLP). */
    public int[] layerWidths() {
        int[] widths = new int[hidden.length + 2];
        widths[0] = inputSize();
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = outputSize();
        return widths;
    }

    /**
     * A layer's parameters in the flat vector: how many, the fan-in (inputs feeding one output unit), which
     * sets the initialisation bound, and where its biases are (DL4J puts a convolution's biases first, a dense
     * layer's last). A batch normalisation block ({@code normalisation}) holds, per channel, DL4J's order: the
     * channels' gamma, then beta, then the running mean, then the running variance; it has no weights or biases.
     */
    public record ParameterBlock(String layer, int count, int fanIn, int biases, boolean biasesFirst,
                                 boolean normalisation) {

        ParameterBlock(String layer, int count, int fanIn, int biases, boolean biasesFirst) {
            this(layer, count, fanIn, biases, biasesFirst, false);
        }

        /** A batch normalisation of {@code channels} channels. */
        static ParameterBlock batchNorm(String layer, int channels) {
            return new ParameterBlock(layer, 4 * channels, 1, 0, false, true);
        }

        /** True when position {@code k} of this block (0-based) holds a bias. */
        public boolean isBias(int k) {
            return biasesFirst ? k < biases : k >= count - biases;
        }

        /** Channels of a batch normalisation block (a quarter of its values). */
        public int channels() {
            return count / 4;
        }
    }

    /**
     * How many parameters each layer holds, in the order of the flat vector, and which layers are batch
     * normalisations: what the engine's strategies see.
     */
    public ModelLayout layout() {
        List<ParameterBlock> blocks = parameterLayout();
        List<Integer> normalisation = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).normalisation()) {
                normalisation.add(i);
            }
        }
        return new ModelLayout(blocks.stream().map(ParameterBlock::count).toList(), normalisation);
    }

    /**
     * Multiply-adds of one example's forward pass: each weight once per output position (every pixel of its level
     * for a 3x3 "same" convolution, once for a dense layer). A measure of how much work a step has to share out.
     */
    public long multiplyAddsPerExample() {
        long sum = 0;
        for (ParameterBlock b : parameterLayout()) {
            if (b.normalisation()) {
                continue; // a multiply-add per channel value: nothing beside its convolution's
            }
            long weights = b.count() - b.biases();
            sum += weights * positions(b.layer());
        }
        return sum;
    }

    /** Output positions of a layer: the pixels of its level for a convolution, one for a dense layer. */
    private long positions(String layer) {
        if (kind == ModelKind.LOGISTIC || kind == ModelKind.MLP || layer.startsWith("dense")) {
            return 1;
        }
        int level;
        if (kind == ModelKind.CNN) {
            level = Integer.parseInt(layer.substring("conv".length())) - 1;
        } else {
            level = UnetNames.level(layer);
        }
        return (long) (inputShape[1] >> level) * (inputShape[2] >> level);
    }

    /** The layers with parameters, in the order of the flat parameter vector (DL4J's order). */
    public List<ParameterBlock> parameterLayout() {
        List<ParameterBlock> out = new ArrayList<>();
        switch (kind) {
            case LOGISTIC, MLP -> dense(out, layerWidths(), "dense");
            case CNN -> {
                int channels = inputShape[0];
                for (int i = 0; i < filters.length; i++) {
                    out.add(conv("conv" + (i + 1), channels, filters[i], 3));
                    normalise(out, "bn" + (i + 1), filters[i]);
                    channels = filters[i];
                }
                int flat = channels * (inputShape[1] >> filters.length) * (inputShape[2] >> filters.length);
                int[] widths = new int[hidden.length + 2];
                widths[0] = flat;
                System.arraycopy(hidden, 0, widths, 1, hidden.length);
                widths[widths.length - 1] = outputSize();
                dense(out, widths, "dense");
            }
            case UNET -> {
                int channels = inputShape[0];
                for (int i = 0; i < filters.length; i++) {
                    out.add(conv(UnetNames.encoder(i, 'a'), channels, filters[i], 3));
                    normalise(out, UnetNames.normalisation(UnetNames.encoder(i, 'a')), filters[i]);
                    out.add(conv(UnetNames.encoder(i, 'b'), filters[i], filters[i], 3));
                    normalise(out, UnetNames.normalisation(UnetNames.encoder(i, 'b')), filters[i]);
                    channels = filters[i];
                }
                for (int i = filters.length - 2; i >= 0; i--) {
                    out.add(conv(UnetNames.decoder(i, 'a'), filters[i + 1] + filters[i], filters[i], 3));
                    normalise(out, UnetNames.normalisation(UnetNames.decoder(i, 'a')), filters[i]);
                    out.add(conv(UnetNames.decoder(i, 'b'), filters[i], filters[i], 3));
                    normalise(out, UnetNames.normalisation(UnetNames.decoder(i, 'b')), filters[i]);
                }
                out.add(conv(UnetNames.LOGIT, filters[0], 1, 1));
            }
        }
        return out;
    }

    private void normalise(List<ParameterBlock> out, String name, int channels) {
        if (batchNorm) {
            out.add(ParameterBlock.batchNorm(name, channels));
        }
    }

    private static ParameterBlock conv(String name, int in, int out, int kernel) {
        return new ParameterBlock(name, out * in * kernel * kernel + out, in * kernel * kernel, out, true);
    }

    private static void dense(List<ParameterBlock> out, int[] widths, String prefix) {
        for (int i = 1; i < widths.length; i++) {
            out.add(new ParameterBlock(prefix + i, widths[i - 1] * widths[i] + widths[i], widths[i - 1], widths[i], false));
        }
    }

    /**
     * Seeded initial parameters: the same seed gives the same model on every machine.
     *
     * <p>Logistic regression and MLPs are drawn as PyTorch's linear layers draw them, uniform in +-1/sqrt(fan-in)
     * for weights and biases alike. The image models use He (Kaiming) uniform weights, +-sqrt(6 / fan-in) with
     * fan-in = input channels x kernel area for a convolution, and zero biases: with PyTorch's default bound
     * the signal of a ReLU CNN shrinks layer after layer (we measured the phantom CNN's initial predictions
     * spanning 0.002 in probability over all images) and a few local steps per round barely moved it. A batch
     * normalisation starts as the identity: gamma 1, beta 0, running mean 0 and variance 1.
     */
    public ModelVector initialParameters(long seed) {
        float[] params = new float[parameterCount()];
        SplittableRandom random = new SplittableRandom(seed);
        boolean he = isImageModel();
        int offset = 0;
        for (ModelSpec.ParameterBlock block : parameterLayout()) {
            if (block.normalisation()) {
                int c = block.channels();
                Arrays.fill(params, offset, offset + c, 1f);
                Arrays.fill(params, offset + 3 * c, offset + 4 * c, 1f);
                offset += block.count();
                continue;
            }
            double bound = he ? Math.sqrt(6.0 / block.fanIn()) : 1.0 / Math.sqrt(block.fanIn());
            for (int k = 0; k < block.count(); k++) {
                double u = random.nextDouble() * 2 * bound - bound;
                params[offset + k] = he && block.isBias(k) ? 0f : (float) u;
            }
            offset += block.count();
        }
        return ModelVector.wrap(params);
    }

    /** Number of parameters: weights and biases of every layer, and the batch normalisations' four per channel. */
    public int parameterCount() {
        return parameterLayout().stream().mapToInt(ParameterBlock::count).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSpec s && s.kind == kind && Arrays.equals(s.inputShape, inputShape)
                && s.classCount == classCount && Arrays.equals(s.hidden, hidden) && Arrays.equals(s.filters, filters)
                && s.batchNorm == batchNorm;
    }

    @Override
    public int hashCode() {
        return ((kind.hashCode() * 31 + Arrays.hashCode(inputShape)) * 31 + classCount * 17 + Arrays.hashCode(hidden))
                * 31 + Arrays.hashCode(filters) + (batchNorm ? 1 : 0);
    }

    @Override
    public String toString() {
        String shape = inputShape.length == 1 ? String.valueOf(inputShape[0]) : Arrays.toString(inputShape);
        return kind.id() + (filters.length > 0 ? " filters " + Arrays.toString(filters) : "")
                + (batchNorm ? " with batch norm" : "")
                + (hidden.length > 0 ? Arrays.toString(hidden) : "") + " " + shape + " -> " + classCount + " classes";
    }
}
