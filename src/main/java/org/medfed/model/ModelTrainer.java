package org.medfed.model;

import org.medfed.data.ExampleSet;
import org.medfed.data.TrainTestSplit;
import org.medfed.engine.Evaluation;
import org.medfed.engine.LocalTrainer;
import org.medfed.engine.ModelVector;

/** A local trainer that can also evaluate and predict on other example sets (baselines, exports). */
public interface ModelTrainer extends LocalTrainer {

    ModelSpec spec();

    /** The rows this trainer trains on. */
    ExampleSet trainingSet();

    /** A trainer of the same kind for {@code train} and {@code test} (the held-out share of {@link #holdOut}). */
    default ModelTrainer over(ExampleSet train, ExampleSet test) {
        return create(spec(), train, test);
    }

    /**
     * The held-out share of the training rows by {@link TrainTestSplit} (stratified as the study's own train/test
     * split), the rest to train on.
     */
    @Override
    default ModelTrainer holdOut(double share, long seed) {
        ExampleSet rows = trainingSet();
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("the held-out share must be between 0 and 1, was " + share);
        }
        TrainTestSplit split = TrainTestSplit.of(rows.labels(), rows.classCount(), 1 - share, seed, true);
        if (split.train().length == 0 || split.test().length == 0) {
            throw new IllegalArgumentException("holding out " + share + " of " + rows.size()
                    + " training rows leaves no rows on one side");
        }
        return over(rows.subset(split.train()), rows.subset(split.test()));
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
