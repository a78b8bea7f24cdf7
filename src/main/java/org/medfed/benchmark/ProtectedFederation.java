package org.medfed.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.medfed.site.InProcessParticipant;
import org.medfed.attack.AttackSpec;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunListener;
import org.medfed.engine.Seeds;
import org.medfed.engine.strategy.StrategyCatalog;
import org.medfed.model.ModelSpec;
import org.medfed.model.ModelTrainer;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.project.TrainingSection;
import org.medfed.study.Protections;
import org.medfed.study.SiteData;
import org.medfed.transport.SameThreadTransport;

/**
 * A federated run of prepared hospitals with the study file's protections (attacks, defences, privacy) applied
 * exactly as a study run applies them, for the benchmarks that measure what protections cost and buy.
 */
final class ProtectedFederation {

    /** Final per-hospital test accuracy, and the run's history for its diagnostics. */
    record Result(Map<String, Double> accuracy, RunHistory history, Map<String, Object> protections) {
        double mean() {
            return accuracy.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    private ProtectedFederation() {
    }

    /**
     * @param protections adds the privacy, defence and attack settings to a study that names the hospitals
     */
    static Result run(List<SiteData> sites, ModelSpec spec, String strategy, Map<String, Double> params,
                      LocalTraining training, int rounds, long seed, UnaryOperator<Study> protections) {
        List<ParticipantEntry> entries = sites.stream().map(s -> new ParticipantEntry(s.name(), s.name())).toList();
        TrainingSection plan = new TrainingSection(rounds, training.steps(), training.epochs(), training.batchSize(),
                training.learningRate(), training.optimizer().name(), 1.0, 1, 3600);
        Study study = protections.apply(Study.empty().withParticipants(entries).withTraining(plan));
        Map<String, AttackSpec> attacks = Protections.attacks(study);
        List<InProcessParticipant> participants = new ArrayList<>();
        for (SiteData s : sites) {
            participants.add(InProcessParticipant.of(s.name(), 1.0, ModelTrainer.create(spec,
                    Protections.trainingSet(attacks.get(s.name()), s.train()), s.test()),
                    Protections.attacker(attacks, s.name(), seed)));
        }
        Protections.Applied applied = Protections.apply(study, StrategyCatalog.create(strategy, params), participants, seed);
        LocalTraining local = applied.sampleLevel() == null ? training : training.withSampleLevelPrivacy(applied.sampleLevel());
        RunConfig config = new RunConfig(rounds, 1.0, 1, local, seed, Duration.ofHours(1));
        ModelVector initial = spec.initialParameters(Seeds.derive(seed, "model-init", 0));
        RunHistory h = new FederatedRun(config, applied.strategy(), participants, new SameThreadTransport(),
                RunListener.NONE).execute(initial, RunControl.free());
        Map<String, Double> acc = new TreeMap<>();
        h.lastRound().ifPresent(r -> r.test().forEach((site, e) -> acc.put(site, e.metric("accuracy"))));
        return new Result(acc, h, applied.card());
    }
}
