package org.medfed.study;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.medfed.engine.RunHistory;

/**
 * Everything a run of a study produced: the federated history, the comparison models, what protected the run
 * (privacy, defences, simulated attacks, for the model card), and when.
 */
public record StudyResult(PreparedStudy prepared, long seed, RunHistory history, List<BaselineResult> baselines,
                          Map<String, Object> protections, Instant started, Instant finished) {

    public StudyResult {
        baselines = List.copyOf(baselines);
        protections = Map.copyOf(protections);
    }
}
