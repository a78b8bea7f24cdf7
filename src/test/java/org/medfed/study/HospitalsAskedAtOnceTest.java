package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.engine.RunStatus;
import org.medfed.engine.protocol.Procedure;
import org.medfed.network.coordinator.NodeRegistry;
import org.medfed.network.node.CallHandler;
import org.medfed.node.LocalHospitals;
import org.medfed.project.ProtocolJson;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.TestWorkers;

/**
 * The hospitals of a multi-site study prepare their tables, build their models and train alone at the same time,
 * each on its own machine, instead of one after another: each of these calls waits at a barrier that opens only
 * when every hospital is inside the same call, so asking them in turn fails the study. What they agree on is still
 * the simulation's, bit for bit.
 */
class HospitalsAskedAtOnceTest {

    private static final Path SAMPLE = Path.of("sample-projects/heart-4-hospitals/study.json").toAbsolutePath();
    private static final Set<Procedure> AT_ONCE = Set.of(Procedure.TABLE_OPEN, Procedure.MODEL_OPEN,
            Procedure.BASELINE_TRAIN);

    @Test
    void everyHospitalIsInsideTheSameSetUpCallAtOnce() {
        Study sample = StudyFile.load(SAMPLE);
        Study study = sample.withTraining(sample.training().withRounds(1));
        Map<String, CallHandler> here = LocalHospitals.of(study, SAMPLE);
        assertThat(here).hasSize(4);
        Map<Procedure, CyclicBarrier> barriers = new LinkedHashMap<>();
        AT_ONCE.forEach(p -> barriers.put(p, new CyclicBarrier(here.size())));
        Map<String, CallHandler> waiting = new LinkedHashMap<>();
        here.forEach((name, handler) -> waiting.put(name, (dataset, request, control) -> {
            CyclicBarrier barrier = barriers.get(request.procedure());
            if (barrier != null) {
                try {
                    barrier.await(20, TimeUnit.SECONDS);
                } catch (TimeoutException | BrokenBarrierException e) {
                    throw new IllegalStateException(name + " was asked '" + request.procedure().id()
                            + "' while the other hospitals were not", e);
                }
            }
            return handler.handle(dataset, request, control);
        }));

        PreparedStudy prepared = MultiSiteStudy.prepare(TestWorkers.shared(), study, SAMPLE,
                new NodeRegistry(List.of()), Duration.ofSeconds(5), "at-once-test", m -> { }, waiting);
        PreparedStudy simulated = PreparedStudy.prepare(study, SAMPLE);
        assertThat(ProtocolJson.write(prepared.data().tabularPreprocessing()))
                .isEqualTo(ProtocolJson.write(simulated.data().tabularPreprocessing()));
        assertThat(prepared.participantNames()).isEqualTo(simulated.participantNames());

        StudyResult result = StudyRunner.run(TestWorkers.shared(), prepared, new RunOptions(null, null, true),
                RunListener.NONE, RunControl.free(), m -> { });
        assertThat(result.history().status()).as(result.history().message()).isEqualTo(RunStatus.FINISHED);
        assertThat(result.baselines()).extracting(BaselineResult::row)
                .containsExactlyElementsOf(prepared.participantNames().stream().map(BaselineResult::local).toList());
        assertThat(barriers.values()).allSatisfy(b -> assertThat(b.isBroken()).isFalse());
    }
}
