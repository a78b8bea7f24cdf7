package org.medfed.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.medfed.testsupport.Federations.quadratic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.engine.clock.HospitalSpeeds;
import org.medfed.engine.clock.SpeedProfile;
import org.medfed.engine.strategy.FedAvg;
import org.medfed.engine.strategy.StrategyCatalog;
import org.medfed.testsupport.TestWorkers;
import org.medfed.transport.InProcessTransport;
import org.medfed.transport.SameThreadTransport;

/**
 * The asynchronous loop on the simulated clock, with quadratic hospitals that reach their target in one step of
 * learning rate 1 (so every merged model can be worked out by hand) and links so fast that transfers take
 * nanoseconds.
 */
class AsyncRunTest {

    private static final double FAST_LINK = 1e9;

    private static SpeedProfile seconds(double perStep) {
        return new SpeedProfile(perStep, FAST_LINK, FAST_LINK, 0);
    }

    private static RunConfig config(int records, HospitalSpeeds speeds) {
        return new RunConfig(records, 1.0, 1, new LocalTraining(1, 0, 1, LocalOptimizer.SGD, 1.0, 0), 42,
                Duration.ofMinutes(1)).withTiming(speeds);
    }

    private static List<Participant> three() {
        return List.of(quadratic("a", 10, 2f), quadratic("b", 10, 4f), quadratic("c", 10, 8f));
    }

    private static HospitalSpeeds speeds() {
        return new HospitalSpeeds(seconds(1), Map.of("b", seconds(2.5), "c", seconds(10)));
    }

    private static RunHistory run(String strategy, Map<String, Double> params, int records, List<Participant> ps,
                                  HospitalSpeeds speeds, ParticipantTransport transport) {
        return new FederatedRun(config(records, speeds), StrategyCatalog.create(strategy, params), ps, transport,
                RunListener.NONE).execute(ModelVector.zeros(1), RunControl.free());
    }

    @Test
    void fedBuffMergesBuffersInClockOrderAsWorkedOutByHand() {
        RunHistory h = run("fedbuff", Map.of("bufferSize", 2.0), 4, three(), speeds(), new SameThreadTransport());

        assertThat(h.status()).as(h.message()).isEqualTo(RunStatus.FINISHED);
        // t=1 a buffered, t=2.5 b: x1 = (2 + 4) / 2; then a, b from x1 twice: changes -1 and +1 cancel;
        // t=8.5 a, t=10 c (from x0, 3 versions behind, weight 1/2): x4 = 3 + (-1 + 8/2) / 2 = 4.5
        assertThat(h.rounds()).extracting(r -> r.selected()).containsExactly(List.of("a", "b"), List.of("a", "b"),
                List.of("a", "b"), List.of("a", "c"));
        assertThat(h.model().toArray()).containsExactly(4.5f);
        RoundRecord last = h.rounds().get(3);
        assertThat(last.progress().staleness()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 0, "c", 3));
        assertThat(last.progress().clockSeconds()).isCloseTo(10, within(1e-3));
        assertThat(last.progress().updatesApplied()).isEqualTo(8);
        assertThat(h.rounds().get(0).progress().clockSeconds()).isCloseTo(2.5, within(1e-3));
        // b is at work from version 3 when c's update is merged; a and c get version 4 next
        assertThat(last.progress().modelVersion()).containsEntry("b", 3).containsEntry("a", 4).containsEntry("c", 4);
        assertThat(last.progress().bytesUp()).containsOnlyKeys("a", "c");
        assertThat(last.progress().bytesUp().get("a")).isPositive();
    }

    @Test
    void fedAsyncMergesEveryArrivalAtOnce() {
        RunHistory h = run("fedasync", Map.of("alpha", 0.5), 3, three(), speeds(), new SameThreadTransport());
        // t=1 a: 0.5 * 0 + 0.5 * 2 = 1; t=2 a: 1.5; t=2.5 b (2 behind, constant weight): 0.5 * 1.5 + 0.5 * 4
        assertThat(h.rounds()).extracting(r -> r.progress().staleness()).containsExactly(Map.of("a", 0),
                Map.of("a", 0), Map.of("b", 2));
        assertThat(h.model().toArray()).containsExactly(2.75f);
        assertThat(h.rounds().get(2).progress().clockSeconds()).isCloseTo(2.5, within(1e-3));
    }

    @Test
    void synchronousRoundsLastAsLongAsTheSlowestHospital() {
        RunHistory h = new FederatedRun(config(2, speeds()), FedAvg.plain(), three(), new SameThreadTransport(),
                RunListener.NONE).execute(ModelVector.zeros(1), RunControl.free());
        assertThat(h.rounds().get(0).progress().clockSeconds()).isCloseTo(10, within(1e-3));
        assertThat(h.rounds().get(1).progress().clockSeconds()).isCloseTo(20, within(1e-3));
        assertThat(h.rounds().get(1).progress().updatesApplied()).isEqualTo(6);
        assertThat(h.rounds().get(1).progress().staleness()).containsOnly(Map.entry("a", 0), Map.entry("b", 0),
                Map.entry("c", 0));
    }

    @Test
    void aRunWithDropOutsIsBitIdenticalForTheSameSeedWhateverTheThreads() {
        HospitalSpeeds flaky = new HospitalSpeeds(new SpeedProfile(1, 10, 10, 0.3),
                Map.of("c", new SpeedProfile(10, 1, 1, 0.3)));
        RunHistory one = run("fedbuff", Map.of("bufferSize", 2.0), 8, three(), flaky, new SameThreadTransport());
        RunHistory two;
        try (InProcessTransport threads = new InProcessTransport(TestWorkers.shared(), 3)) {
            two = run("fedbuff", Map.of("bufferSize", 2.0), 8, three(), flaky, threads);
        }
        assertThat(one.status()).as(one.message()).isEqualTo(RunStatus.FINISHED);
        assertThat(one.model()).isEqualTo(two.model());
        assertThat(one.rounds()).extracting(RoundRecord::progress)
                .isEqualTo(two.rounds().stream().map(RoundRecord::progress).toList());
        assertThat(one.rounds().stream().flatMap(r -> r.failures().stream()).map(ParticipantFailure::reason))
                .anyMatch(reason -> reason.contains("simulated drop-out"));
    }

    @Test
    void aBufferLargerThanTheStudyIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FederatedRun(config(1, speeds()),
                        StrategyCatalog.create("fedbuff", Map.of("bufferSize", 4.0)), three(), new SameThreadTransport(),
                        RunListener.NONE))
                .isInstanceOf(BadInputException.class).hasMessageContaining("only 3 hospitals");
    }
}
