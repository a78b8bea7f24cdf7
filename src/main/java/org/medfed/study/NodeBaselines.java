package org.medfed.study;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.medfed.concurrency.Workers;
import org.medfed.engine.DataSplit;
import org.medfed.engine.Evaluation;
import org.medfed.engine.EvaluationRequest;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunCancelledException;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.network.coordinator.RemoteParticipant;

/**
 * The comparison models of a multi-site study: each hospital trains alone at its node and sends only the trained
 * parameters; every hospital then evaluates each of them on its own test rows. There is no pooled model: it
 * would need the rows in one place ({@link RemoteStudyData#POOLED_UNAVAILABLE}).
 */
final class NodeBaselines {

    private NodeBaselines() {
    }

    static List<BaselineResult> train(Workers workers, List<RemoteParticipant> hospitals, ModelVector initial,
                                      LocalTraining plan, java.time.Duration limit, RunControl control, Consumer<String> progress) {
        if (control.isCancelled()) {
            throw new RunCancelledException();
        }
        progress.accept("training each hospital alone at its node, all at once: "
                + String.join(", ", hospitals.stream().map(RemoteParticipant::name).toList()));
        List<BaselineResult> out;
        // a hospital whose node is away (or refuses) is left out of the comparison: the federated run it follows
        // stands, and so do the other hospitals' own models; why, once per hospital
        Map<String, String> absent = new java.util.concurrent.ConcurrentSkipListMap<>();
        try (MultiSiteCalls calls = new MultiSiteCalls(workers, hospitals.size(), limit)) {
            // each node trains on its own machine at once; then every hospital tests each model, one after another
            // within a model, so that the threads stay one per hospital
            out = calls.each(hospitals, h -> alone(h, hospitals, initial, plan, calls, absent));
        }
        if (control.isCancelled()) {
            throw new RunCancelledException();
        }
        absent.forEach((hospital, why) -> progress.accept(hospital + " is left out of the comparison with each "
                + "hospital alone: " + why));
        progress.accept("no pooled model: " + RemoteStudyData.POOLED_UNAVAILABLE);
        return out.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Hospital {@code h}'s own model tested at every hospital; null when it could not be trained. */
    private static BaselineResult alone(RemoteParticipant h, List<RemoteParticipant> hospitals, ModelVector initial,
                                        LocalTraining plan, MultiSiteCalls calls, Map<String, String> absent) {
        long t0 = System.nanoTime();
        Params reply;
        try {
            reply = calls.call(h, SiteRequest.of(0, Procedure.BASELINE_TRAIN,
                    Params.builder().all(plan.toParams()).floats("model", initial.toArray()).build()));
        } catch (RunCancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            absent.putIfAbsent(h.name(), e.getMessage());
            return null;
        }
        ModelVector model = ModelVector.wrap(reply.floats("model"));
        Map<String, Evaluation> test = new TreeMap<>();
        String row = BaselineResult.local(h.name());
        for (RemoteParticipant other : hospitals) {
            if (BaselineResult.testedAt(row, other.name(), hospitals.size())) {
                try {
                    test.put(other.name(), Evaluation.fromReply(calls.call(other,
                            EvaluationRequest.of(0, model, DataSplit.TEST))));
                } catch (RunCancelledException e) {
                    throw e;
                } catch (RuntimeException e) {
                    absent.putIfAbsent(other.name(), e.getMessage());
                }
            }
        }
        return new BaselineResult(row, test, model, System.nanoTime() - t0);
    }
}
