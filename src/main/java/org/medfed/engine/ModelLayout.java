package org.medfed.engine;

import java.util.List;

/**
 * How many parameters each layer of the model holds, in the order of the flat vector: what a strategy needs to
 * treat layers apart (FedPer keeps the last ones at each hospital) without knowing the network library.
 * {@link #UNKNOWN} where no model is at hand (a hand-built run); a strategy that needs the layers then says so.
 */
public record ModelLayout(List<Integer> layerSizes) {

    public static final ModelLayout UNKNOWN = new ModelLayout(List.of());

    public ModelLayout {
        layerSizes = List.copyOf(layerSizes);
        for (int s : layerSizes) {
            if (s <= 0) {
                throw new IllegalArgumentException("a layer holds a positive number of parameters, not " + s);
            }
        }
    }

    public static ModelLayout of(int... sizes) {
        return new ModelLayout(java.util.Arrays.stream(sizes).boxed().toList());
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
