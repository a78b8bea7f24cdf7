package org.medfed.engine;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything measured in one round.
 *
 * @param round          1-based round number
 * @param selected       participants asked to train, sorted
 * @param trainLoss      mean local training loss per participant that answered
 * @param test           evaluation of the new global model on each participant's test split
 * @param global         metrics over participants: {@code accuracy} is the unweighted mean of the participants'
 *                       test accuracies, {@code accuracy_weighted} the mean weighted by test size, and so on
 * @param failures       participants that failed this round
 * @param duration       wall time of the round
 * @param trainingNanos  sum over participants of time spent in local training
 * @param diagnostics    strategy or wrapper figures for the round (such as privacy spent), by name
 */
public record RoundRecord(int round, List<String> selected, Map<String, Double> trainLoss,
                          Map<String, Evaluation> test, Map<String, Double> global, List<ParticipantFailure> failures,
                          Duration duration, long trainingNanos, Map<String, Double> diagnostics) {

    public RoundRecord {
        selected = List.copyOf(selected);
        trainLoss = Collections.unmodifiableMap(new LinkedHashMap<>(trainLoss));
        test = Collections.unmodifiableMap(new LinkedHashMap<>(test));
        global = Collections.unmodifiableMap(new LinkedHashMap<>(global));
        failures = List.copyOf(failures);
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
    }

    public double globalMetric(String name) {
        Double v = global.get(name);
        return v == null ? Double.NaN : v;
    }
}
