package org.medfed.study;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.medfed.engine.ModelVector;
import org.medfed.engine.PersonalResults;
import org.medfed.engine.RunHistory;

/**
 * Everything a run of a study produced: the federated history, the comparison models, what protected the run
 * (privacy, defences, simulated attacks, for the model card), and when; for a personalising strategy, each
 * hospital's personal model's test metrics and, in a simulation only (where the hospitals are in this process), the
 * personal models themselves: over real nodes they never leave the hospitals.
 *
 * @param keptCandidates when each hospital chose its personal model between candidates ({@code fedavg-choose}), the
 *                       candidate it kept (shared, fine-tuned, alone), by hospital; simulation only, like the models
 */
public record StudyResult(PreparedStudy prepared, long seed, RunHistory history, List<BaselineResult> baselines,
                          Map<String, Object> protections, Instant started, Instant finished,
                          PersonalResults personal, Map<String, ModelVector> personalModels,
                          Map<String, String> keptCandidates) {

    public StudyResult {
        baselines = List.copyOf(baselines);
        protections = Map.copyOf(protections);
        personal = personal == null ? PersonalResults.NONE : personal;
        personalModels = Map.copyOf(personalModels);
        keptCandidates = Map.copyOf(keptCandidates);
    }

    /** This result as of a run that started at {@code when} (a resumed run: when it was first started). */
    public StudyResult startedAt(Instant when) {
        return new StudyResult(prepared, seed, history, baselines, protections, when, finished, personal, personalModels,
                keptCandidates);
    }

    /** A run without personalisation. */
    public StudyResult(PreparedStudy prepared, long seed, RunHistory history, List<BaselineResult> baselines,
                       Map<String, Object> protections, Instant started, Instant finished) {
        this(prepared, seed, history, baselines, protections, started, finished, PersonalResults.NONE, Map.of(),
                Map.of());
    }
}
