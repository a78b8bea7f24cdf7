package org.medfed.engine;

import org.medfed.engine.protocol.Params;

/**
 * Example-level privacy inside a hospital's local training (DP-SGD): batches are Poisson-sampled and each
 * batch's per-example gradients are clipped and noised before the optimiser sees them, so that even the
 * aggregator learns little about any one patient. The privacy package implements it; trainers only call it.
 */
public interface SampleLevelPrivacy {

    /**
     * The privatiser for a hospital with {@code trainSize} examples following {@code plan}: the noise may depend
     * on the size, so that every hospital reaches the same epsilon.
     */
    Privatizer forParticipant(int trainSize, LocalTraining plan);

    /** Its settings as request fields, from which the hospital rebuilds it. */
    Params describe();

    /** One hospital's DP-SGD step. */
    interface Privatizer {

        /** Probability with which each example joins a step's batch. */
        double samplingRate();

        /**
         * The gradient the optimiser uses, from the per-example gradients of one sampled batch (possibly empty).
         *
         * @param stepSeed a seed unique to this participant, round and step (used only by seeded randomness)
         */
        float[] privatize(float[][] perExampleGradients, int dimension, long stepSeed);
    }
}
