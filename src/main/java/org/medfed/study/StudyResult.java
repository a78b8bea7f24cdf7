package org.medfed.study;

import java.time.Instant;
import java.util.List;
import org.medfed.engine.RunHistory;

/** Everything a run of a study produced: the federated history, the comparison models, and when. */
public record StudyResult(PreparedStudy prepared, long seed, RunHistory history, List<BaselineResult> baselines,
                          Instant started, Instant finished) {

    public StudyResult {
        baselines = List.copyOf(baselines);
    }
}
