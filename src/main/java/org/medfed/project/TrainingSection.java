package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import org.medfed.engine.Limit;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.RunConfig;

/** Rounds and local training settings, as written in the study file. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingSection(Integer rounds, Integer localSteps, Integer localEpochs, Integer batchSize,
                              Double learningRate, String optimizer, Double fraction, Integer minParticipants,
                              Integer timeoutSeconds) {

    public TrainingSection {
        rounds = rounds == null ? 20 : rounds;
        localEpochs = localEpochs == null ? (localSteps == null ? 1 : 0) : localEpochs;
        localSteps = localSteps == null ? 0 : localSteps;
        batchSize = batchSize == null ? 16 : batchSize;
        learningRate = learningRate == null ? 0.01 : learningRate;
        optimizer = optimizer == null ? "sgd" : optimizer;
        fraction = fraction == null ? 1.0 : fraction;
        minParticipants = minParticipants == null ? 1 : minParticipants;
        timeoutSeconds = timeoutSeconds == null ? 1800 : timeoutSeconds;
    }

    public static TrainingSection defaults() {
        return new TrainingSection(null, null, null, null, null, null, null, null, null);
    }

    public LocalTraining localTraining() {
        return new LocalTraining(localSteps, localEpochs, batchSize, LocalOptimizer.parse(optimizer), learningRate, 0);
    }

    public RunConfig runConfig(long seed) {
        return new RunConfig(rounds, fraction, minParticipants, localTraining(), seed,
                Duration.ofSeconds(Limit.TIMEOUT_SECONDS.checkInt(timeoutSeconds)));
    }

    public TrainingSection withRounds(int newRounds) {
        return new TrainingSection(newRounds, localSteps, localEpochs, batchSize, learningRate, optimizer, fraction,
                minParticipants, timeoutSeconds);
    }
}
