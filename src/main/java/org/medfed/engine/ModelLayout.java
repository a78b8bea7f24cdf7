package org.medfed.engine;

import java.util.List;

/**
 * How many parameters each layer of the model holds, in the order of the flat vector, and which of those layers are
 * batch normalisations (their scale, shift and running statistics): what a strategy needs to treat layers apart
 * (FedPer keeps the last ones at each hospital, FedBN the normalisations) without knowing the network library.
 * {@link #UNKNOWN} where no model is at hand (a hand-built run); a strategy that needs the layers then says so.
 *
 * @param normalisationLayers indices into {@code layerSizes} of the batch normalisation layers, ascending
 */
public record ModelLayout(List<Integer> layerSizes, List<Integer> normalisationLayers) {

    public static final ModelLayout UNKNOWN = new ModelLayout(List.of());

    public ModelLayout {
        layerSizes = List.copyOf(layerSizes);
        normalisationLayers = List.copyOf(normalisationLayers);
        for (int s : layerSizes) {
            if (s <= 0) {
                throw new IllegalArgumentException("a layer holds a positive number of parameters, not " + s);
            }
        }
        int previous = -1;
        for (int i : normalisationLayers) {
            if (i <= previous || i >= layerSizes.size()) {
                throw new IllegalArgumentException("normalisation layers " + normalisationLayers + " for "
                        + layerSizes.size() + " layers");
            }
            previous = i;
        }
    }

    /** A model without batch normalisation. */
    public ModelLayout(List<Integer> layerSizes) {
        this(layerSizes, List.of());
    }

    public static ModelLayout of(int... sizes) {
        return new ModelLayout(java.util.Arrays.stream(sizes).boxed().toList());
    }

    /**
     * The positions of the batch normalisation layers in the flat vector, as {@code [start, end)} pairs in order.
     *
     * @param who the strategy asking, for the message when there are none
     */
    public List<int[]> normalisationRanges(String who) {
        if (!known()) {
            throw new BadInputException(who + " needs to know the model's layers, and none was given");
        }
        if (normalisationLayers.isEmpty()) {
            throw new BadInputException(who + " keeps each hospital's batch normalisation, and this model has none: "
                    + "choose an image model (cnn or unet) with batch norm on");
        }
        List<int[]> out = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < layerSizes.size(); i++) {
            if (normalisationLayers.contains(i)) {
                out.add(new int[] {start, start + layerSizes.get(i)});
            }
            start += layerSizes.get(i);
        }
        return out;
    }

    public boolean known() {
        return !layerSizes.isEmpty();
    }

    public int parameterCount() {
        return layerSizes.stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Where the last {@code layers} layers start in the flat vector; at least one layer must remain before them.
     *
     * @param who the strategy asking, for the message
     */
    public int startOfLast(int layers, String who) {
        if (!known()) {
            throw new BadInputException(who + " needs to know the model's layers, and none was given");
        }
        if (layers < 1 || layers >= layerSizes.size()) {
            throw new BadInputException(who + " keeps the last " + layers + " layer(s) at each hospital, but the model "
                    + "has " + layerSizes.size() + " layer(s) with parameters and at least one must be shared: "
                    + (layerSizes.size() < 2 ? "choose a model with a hidden layer (mlp or cnn)"
                    : "keep between 1 and " + (layerSizes.size() - 1)));
        }
        int start = 0;
        for (int i = 0; i < layerSizes.size() - layers; i++) {
            start += layerSizes.get(i);
        }
        return start;
    }
}
