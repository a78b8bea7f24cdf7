package org.medfed.model;

import java.util.Locale;
import org.medfed.engine.BadInputException;

/** The model families the workbench can train. */
public enum ModelKind {
    /** One linear layer with a sigmoid (binary) or softmax (multi-class) output. */
    LOGISTIC,
    /** Fully connected hidden layers with ReLU, then a logistic output. */
    MLP,
    /** Image classifier: blocks of 3x3 convolution + ReLU + 2x2 max pooling, dense ReLU layers, logistic output. */
    CNN,
    /** Binary segmentation: a small U-Net (encoder, decoder with skip connections), a sigmoid per pixel. */
    UNET;

    /** The models whose local training can run DP-SGD (per-example gradients): named in messages. */
    public static final String DP_SGD_MODELS = "logistic regression and MLP models";

    /** Whether DP-SGD can run inside this model's local training. */
    public boolean supportsDpSgd() {
        return this == LOGISTIC || this == MLP;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModelKind parse(String text) {
        for (ModelKind k : values()) {
            if (k.id().equalsIgnoreCase(text)) {
                return k;
            }
        }
        throw new BadInputException("model '" + text + "' is unknown, expected logistic, mlp, cnn or unet");
    }
}
