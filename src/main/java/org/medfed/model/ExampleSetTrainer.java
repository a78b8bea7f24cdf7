package org.medfed.model;

import org.medfed.data.ExampleSet;

/** What each of our trainers holds alike: the model's description and the hospital's training and test examples. */
abstract class ExampleSetTrainer implements ModelTrainer {

    protected final ModelSpec spec;
    protected final ExampleSet train;
    protected final ExampleSet test;

    /**
     * @param examples what the rows are ("examples", "images") and {@code values} what their inputs are, for the
     *                 message when their length is not the model's input size
     */
    ExampleSetTrainer(ModelSpec spec, ExampleSet train, ExampleSet test, String examples, String values) {
        for (ExampleSet set : new ExampleSet[] {train, test}) {
            if (set.inputLength() != spec.inputSize()) {
                throw new IllegalArgumentException(examples + " have " + set.inputLength() + " " + values + ", model expects "
                        + spec.inputSize());
            }
        }
        this.spec = spec;
        this.train = train;
        this.test = test;
    }

    @Override
    public final ModelSpec spec() {
        return spec;
    }

    @Override
    public final ExampleSet trainingSet() {
        return train;
    }

    @Override
    public final int trainSize() {
        return train.size();
    }

    @Override
    public final int testSize() {
        return test.size();
    }

    @Override
    public final int parameterCount() {
        return spec.parameterCount();
    }
}
