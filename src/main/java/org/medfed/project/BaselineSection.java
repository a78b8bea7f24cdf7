package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;

/**
 * How the comparison models are trained: each hospital alone and all data pooled (simulation only). The
 * defaults are FLamby's: Adam, learning rate 0.001, batch 4, 50 epochs.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BaselineSection(Integer epochs, Integer batchSize, Double learningRate, String optimizer) {

    public BaselineSection {
        epochs = epochs == null ? 50 : epochs;
        batchSize = batchSize == null ? 4 : batchSize;
        learningRate = learningRate == null ? 0.001 : learningRate;
        optimizer = optimizer == null ? "adam" : optimizer;
    }

    public static BaselineSection defaults() {
        return new BaselineSection(null, null, null, null);
    }

    public LocalTraining localTraining(long seed) {
        return new LocalTraining(0, epochs, batchSize, LocalOptimizer.parse(optimizer), learningRate, seed);
    }
}
