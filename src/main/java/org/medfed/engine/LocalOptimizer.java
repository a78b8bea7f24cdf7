package org.medfed.engine;

/** The optimiser a participant uses for its local training steps. */
public enum LocalOptimizer {
    SGD,
    ADAM;

    public static LocalOptimizer parse(String text) {
        for (LocalOptimizer o : values()) {
            if (o.name().equalsIgnoreCase(text)) {
                return o;
            }
        }
        throw new BadInputException("optimizer '" + text + "' is unknown, expected sgd or adam");
    }
}
