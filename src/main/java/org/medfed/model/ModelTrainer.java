package org.medfed.model;

import org.medfed.data.ExampleSet;
import org.medfed.engine.Evaluation;
import org.medfed.engine.LocalTrainer;
import org.medfed.engine.ModelVector;

/** A local trainer that can also evaluate and predict on other example sets (baselines, exports). */
public interface ModelTrainer extends LocalTrainer {

    Evaluation evaluate(ModelVector params, ExampleSet set);

    float[][] predict(ModelVector params, ExampleSet set);

    /**
     * The trainer for a model: the hand-written dense trainer for logistic regression and MLPs, DL4J for the CNN
     * (a MultiLayerNetwork) and the U-Net (a ComputationGraph).
     */
    static ModelTrainer create(ModelSpec spec, ExampleSet train, ExampleSet test) {
        return switch (spec.kind()) {
            case LOGISTIC, MLP -> new DenseTrainer(spec, train, test);
            case CNN -> new Dl4jTrainer(spec, train, test);
            case UNET -> new SegmentationTrainer(spec, train, test);
        };
    }
}
