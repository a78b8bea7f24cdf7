package org.medfed.study;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.medfed.attack.AttackSpec;
import org.medfed.concurrency.Workers;
import org.medfed.data.ExampleSet;
import org.medfed.engine.AloneTraining;
import org.medfed.engine.Evaluation;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.PersonalModel;
import org.medfed.engine.strategy.personal.HeldOutChoice;
import org.medfed.engine.PersonalResults;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunCancelledException;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunListener;
import org.medfed.engine.RunStatus;
import org.medfed.engine.Seeds;
import org.medfed.engine.TrainingOutcome;
import org.medfed.engine.checkpoint.Checkpointing;
import org.medfed.engine.clock.HospitalSpeeds;
import org.medfed.engine.clock.Timing;
import org.medfed.project.SimulationSection;
import org.medfed.model.ComputeThreads;
import org.medfed.model.ModelTrainer;
import org.medfed.model.ModelSpec;
import org.medfed.project.Study;
import org.medfed.engine.Participant;
import org.medfed.site.InProcessParticipant;
import org.medfed.transport.InProcessTransport;

/**
 * Runs a prepared study: builds one participant per hospital, runs the federation, and on request trains the
 * comparison models. Used by the command line and the workbench alike.
 */
public final class StudyRunner {

    private StudyRunner() {
    }

    /** @param workers gives the participants' threads */
    public static StudyResult run(Workers workers, PreparedStudy prepared, RunOptions options, RunListener listener,
                                  RunControl control, Consumer<String> progress) {
        return run(workers, prepared, options, listener, control, progress, Checkpointing.NONE);
    }

    /**
     * As {@link #run(Workers, PreparedStudy, RunOptions, RunListener, RunControl, Consumer)}, leaving a checkpoint after every
     * round, or going on from one: participants and strategy are built afresh exactly as for a new run, and the
     * checkpoint restores what they kept.
     */
    public static StudyResult run(Workers workers, PreparedStudy prepared, RunOptions options, RunListener listener,
                                  RunControl control, Consumer<String> progress, Checkpointing checkpointing) {
        Study study = prepared.study();
        long seed = options.seed() != null ? options.seed() : study.seed();
        RunConfig config = study.training().runConfig(seed);
        if (options.rounds() != null) {
            config = config.withRounds(options.rounds());
        }
        Instant started = Instant.now();
        ModelVector initial = initialModel(prepared.spec(), seed);
        List<? extends Participant> participants = prepared.data() instanceof RemoteStudyData remote
                ? remote.hospitals() : participants(prepared, seed);
        config = config.withTiming(timing(prepared, participants));
        Protections.Applied protectedRun = Protections.apply(study, study.strategy().create(prepared.spec().layout()),
                participants, seed);
        if (protectedRun.sampleLevel() != null) {
            config = config.withTraining(config.training().withSampleLevelPrivacy(protectedRun.sampleLevel()));
        }
        RunHistory history;
        PersonalResults personal = PersonalResults.NONE;
        // hospitals behind nodes only wait on the network: one thread each
        int threads = prepared.data() instanceof RemoteStudyData ? participants.size()
                : options.threadsFor(participants.size());
        if (!(prepared.data() instanceof RemoteStudyData)) {
            // the hospitals training at once share the cores: each one's native math gets its part, not all of them
            ComputeThreads.share(workers.computeThreads(threads));
        }
        try (InProcessTransport transport = new InProcessTransport(workers, threads)) {
            FederatedRun run = new FederatedRun(config, protectedRun.strategy(), participants, transport, listener);
            history = checkpointing.execute(run, initial, control);
            if (history.status() == RunStatus.FINISHED) {
                personal = run.personalise(history.model(), new AloneTraining(initial, alonePlan(study, seed)),
                        control);
            }
        }
        Map<String, ModelVector> personalModels = keptPersonalModels(participants, personal);
        Map<String, String> keptCandidates = keptCandidates(participants, personal);
        List<BaselineResult> baselines = new ArrayList<>();
        if (options.baselines() && history.status() == RunStatus.FINISHED) {
            try {
                baselines = baselines(workers, prepared, seed, control, progress);
            } catch (RunCancelledException e) {
                throw e;
            } catch (RuntimeException e) {
                // the comparison comes after the run: its failure must not throw away the federated model and figures
                progress.accept("the comparison with each hospital alone could not be made ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        + "); the federated results stand without it");
            }
        }
        return new StudyResult(prepared, seed, history, baselines, protectedRun.card(), started, Instant.now(),
                personal, personalModels, keptCandidates);
    }

    /**
     * The personal models the simulated hospitals keep, for the run folder: they are in this process. Over real
     * nodes there are none here; each node keeps its own.
     */
    private static Map<String, ModelVector> keptPersonalModels(List<? extends Participant> participants,
                                                               PersonalResults personal) {
        Map<String, ModelVector> out = new TreeMap<>();
        if (personal.isEmpty()) {
            return out;
        }
        for (Participant p : participants) {
            if (p instanceof InProcessParticipant simulated && personal.test().containsKey(p.name())) {
                simulated.site().state().get(PersonalModel.KEPT).ifPresent(m -> out.put(p.name(), m));
            }
        }
        return out;
    }

    /** Which candidate each simulated hospital kept, when the hospitals chose ({@code fedavg-choose}). */
    private static Map<String, String> keptCandidates(List<? extends Participant> participants,
                                                      PersonalResults personal) {
        Map<String, String> out = new TreeMap<>();
        for (Participant p : participants) {
            if (p instanceof InProcessParticipant simulated && personal.test().containsKey(p.name())) {
                HeldOutChoice.chosen(simulated.site().state()).ifPresent(c -> out.put(p.name(), c.label()));
            }
        }
        return out;
    }

    /**
     * The run's clock: the study's simulated hospital speeds, or, over real nodes, the measured time of each call
     * (the study's speeds are then ignored: the hospitals' real speeds count).
     */
    static Timing timing(PreparedStudy prepared, List<? extends Participant> participants) {
        if (prepared.data() instanceof RemoteStudyData) {
            return Timing.MEASURED;
        }
        SimulationSection simulation = prepared.study().simulation();
        List<String> names = participants.stream().map(Participant::name).toList();
        return simulation == null ? HospitalSpeeds.uniform() : simulation.speeds(names);
    }

    /** How each hospital's own model alone is trained: the study's comparison plan with the run's baseline seed. */
    static LocalTraining alonePlan(Study study, long seed) {
        return study.baselines().localTraining(Seeds.derive(seed, "baseline", 0));
    }

    /** The seeded initial global model. */
    public static ModelVector initialModel(ModelSpec spec, long seed) {
        return spec.initialParameters(Seeds.derive(seed, "model-init", 0));
    }

    /** One participant per hospital; a simulated label-flipping attacker trains on its flipped labels. */
    static List<InProcessParticipant> participants(PreparedStudy prepared, long seed) {
        List<InProcessParticipant> out = new ArrayList<>();
        Map<String, Double> weights = new TreeMap<>();
        prepared.study().participants().forEach(p -> weights.put(p.name(), p.weight()));
        Map<String, AttackSpec> attacks = Protections.attacks(prepared.study());
        for (SiteData site : prepared.data().sites()) {
            ExampleSet train = Protections.trainingSet(attacks.get(site.name()), site.train());
            out.add(InProcessParticipant.of(site.name(), weights.getOrDefault(site.name(), 1.0),
                    ModelTrainer.create(prepared.spec(), train, site.test()), Protections.attacker(attacks, site.name(), seed)));
        }
        return out;
    }

    /**
     * Each hospital alone, then all training rows pooled; each model evaluated on every hospital's test rows (past
     * {@link BaselineResult#testedAtEveryHospital} hospitals, a hospital's own model on its own).
     */
    public static List<BaselineResult> baselines(Workers workers, PreparedStudy prepared, long seed,
                                                 RunControl control, Consumer<String> progress) {
        if (prepared.data() instanceof RemoteStudyData remote) {
            return NodeBaselines.train(workers, remote.hospitals(), initialModel(prepared.spec(), seed),
                    alonePlan(prepared.study(), seed),
                    prepared.study().training().runConfig(seed).participantTimeout(), control, progress);
        }
        List<BaselineResult> out = new ArrayList<>();
        ComputeThreads.share(workers.computeThreads(1)); // one model at a time: it may use every core
        ModelVector initial = initialModel(prepared.spec(), seed);
        LocalTraining plan = alonePlan(prepared.study(), seed);
        for (SiteData site : prepared.data().sites()) {
            progress.accept("training " + site.name() + " alone");
            out.add(train(BaselineResult.local(site.name()), prepared, site.train(), initial, plan, control));
        }
        progress.accept("training on all hospitals' rows pooled");
        out.add(train(BaselineResult.POOLED, prepared, prepared.data().pooledTraining(), initial, plan, control));
        return out;
    }

    private static BaselineResult train(String row, PreparedStudy prepared, ExampleSet train, ModelVector initial,
                                        LocalTraining plan, RunControl control) {
        long t0 = System.nanoTime();
        ModelTrainer trainer = ModelTrainer.create(prepared.spec(), train, train);
        TrainingOutcome outcome = trainer.train(initial, plan, GradientAdjustment.NONE, control);
        Map<String, Evaluation> test = new TreeMap<>();
        int hospitals = prepared.data().sites().size();
        for (SiteData site : prepared.data().sites()) {
            if (BaselineResult.testedAt(row, site.name(), hospitals)) {
                test.put(site.name(), trainer.evaluate(outcome.params(), site.test()));
            }
        }
        return new BaselineResult(row, test, outcome.params(), System.nanoTime() - t0);
    }
}
