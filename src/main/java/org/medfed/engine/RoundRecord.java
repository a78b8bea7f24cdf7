package org.medfed.engine;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param progress       where the run stood on its clock, and what travelled in this round
 */
public record RoundRecord(int round, List<String> selected, Map<String, Double> trainLoss,
                          Map<String, Evaluation> test, Map<String, Double> global, List<ParticipantFailure> failures,
                          Duration duration, long trainingNanos, Map<String, Double> diagnostics, Progress progress) {

    /**
     * The run's clock and traffic at a record: a synchronous round or one update of the global model of an
     * asynchronous run.
     *
     * @param clockSeconds   seconds on the run's clock (simulated, or measured over real nodes) since the start
     * @param updatesApplied hospital updates merged into the global model since the start
     * @param staleness      for each update merged in this record, how many versions of the global model it is behind
     * @param modelVersion   for each hospital at work, the version of the global model it trains from
     * @param bytesDown      bytes sent to each hospital for this record's work
     * @param bytesUp        bytes each hospital sent back for this record's work
     */
    public record Progress(double clockSeconds, int updatesApplied, Map<String, Integer> staleness,
                           Map<String, Integer> modelVersion, Map<String, Long> bytesDown, Map<String, Long> bytesUp) {

        public static final Progress NONE = new Progress(0, 0, Map.of(), Map.of(), Map.of(), Map.of());

        public Progress {
            staleness = Collections.unmodifiableMap(new TreeMap<>(staleness));
            modelVersion = Collections.unmodifiableMap(new TreeMap<>(modelVersion));
            bytesDown = Collections.unmodifiableMap(new TreeMap<>(bytesDown));
            bytesUp = Collections.unmodifiableMap(new TreeMap<>(bytesUp));
        }
    }

    public RoundRecord(int round, List<String> selected, Map<String, Double> trainLoss, Map<String, Evaluation> test,
                       Map<String, Double> global, List<ParticipantFailure> failures, Duration duration,
                       long trainingNanos, Map<String, Double> diagnostics) {
        this(round, selected, trainLoss, test, global, failures, duration, trainingNanos, diagnostics, Progress.NONE);
    }

    public RoundRecord {
        selected = List.copyOf(selected);
        trainLoss = Collections.unmodifiableMap(new LinkedHashMap<>(trainLoss));
        test = Collections.unmodifiableMap(new LinkedHashMap<>(test));
        global = Collections.unmodifiableMap(new LinkedHashMap<>(global));
        failures = List.copyOf(failures);
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        progress = progress == null ? Progress.NONE : progress;
    }

    public double globalMetric(String name) {
        Double v = global.get(name);
        return v == null ? Double.NaN : v;
    }
}
