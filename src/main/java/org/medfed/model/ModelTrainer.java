package org.medfed.model;

import org.medfed.data.ExampleSet;
import org.medfed.data.Folds;
import org.medfed.engine.Evaluation;
import org.medfed.engine.LocalTrainer;
import org.medfed.engine.ModelVector;

/** A local trainer that can also evaluate and predict on other example sets (baselines, exports). */
public interface ModelTrainer extends LocalTrainer {

    ModelSpec spec();

    /** The rows this trainer trains on. */
    ExampleSet trainingSet();

    /** A trainer of the same kind for {@code train} and {@code test} (one fold of {@link #fold} held out). */
    default ModelTrainer over(ExampleSet train, ExampleSet test) {
        return create(spec(), train, test);
    }

    /** The training rows in {@link Folds}, the same for every index with the same seed. */
    @Override
    default ModelTrainer fold(int folds, int index, long seed) {
        ExampleSet rows = trainingSet();
        Folds split = Folds.stratified(rows.labels(), rows.classCount(), folds, seed);
        return over(rows.subset(split.rest(index)), rows.subset(split.heldOut(index)));
    }

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
