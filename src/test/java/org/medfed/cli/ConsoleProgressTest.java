package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.engine.Evaluation;
import org.medfed.engine.ParticipantFailure;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunEvent;

class ConsoleProgressTest {

    @Test
    void aHospitalLostInARoundIsSaidPerPhaseAndTheRoundsMeanSaysHowManyItCovers() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text));
        progress.onEvent(new RunEvent.RunStarted("fedavg", 10, List.of("city", "heart", "rural")));
        for (ParticipantFailure.Phase phase : ParticipantFailure.Phase.values()) {
            progress.onEvent(new RunEvent.ParticipantFailed(new ParticipantFailure(4, "rural", phase,
                    "its node 'rural' is not connected", false), Duration.ZERO));
        }
        Map<String, Evaluation> test = Map.of("city", new Evaluation(100, Map.of("accuracy", 0.61)),
                "heart", new Evaluation(65, Map.of("accuracy", 0.63)));
        progress.onEvent(new RunEvent.RoundAggregated(new RoundRecord(4, List.of("city", "heart", "rural"), Map.of(),
                test, Map.of("accuracy", 0.62, "loss", 0.65), List.of(), Duration.ofMillis(3100), 0, Map.of(),
                RoundRecord.Progress.NONE)));
        assertThat(text.toString())
                .contains("  round 4: rural failed to train: its node 'rural' is not connected\n")
                .contains("  round 4: rural failed its test evaluation: its node 'rural' is not connected\n")
                .contains("round 4/10: accuracy 0.620, loss 0.650 (3.1 s), mean of 2 of 3 hospitals\n");
    }

    /** A node away for many rounds is said once, not twice a round, and its return is said with the rounds it missed. */
    @Test
    void aHospitalAwayForRoundsIsSaidOnceAndItsReturnWithTheRoundsItMissed() {
        StringWriter text = new StringWriter();
        ConsoleProgress progress = new ConsoleProgress(new PrintWriter(text));
        progress.onEvent(new RunEvent.RunStarted("fedavg", 10, List.of("city", "rural")));
        Map<String, Evaluation> cityOnly = Map.of("city", new Evaluation(100, Map.of("accuracy", 0.61)));
        Map<String, Evaluation> both = Map.of("city", new Evaluation(100, Map.of("accuracy", 0.61)),
                "rural", new Evaluation(50, Map.of("accuracy", 0.7)));
        for (int round = 2; round <= 5; round++) {
            for (ParticipantFailure.Phase phase : ParticipantFailure.Phase.values()) {
                progress.onEvent(new RunEvent.ParticipantFailed(new ParticipantFailure(round, "rural", phase,
                        "its node 'rural' is not connected", false), Duration.ZERO));
            }
            progress.onEvent(aggregated(round, Map.of("city", 0.5), cityOnly, Map.of("city", 0)));
        }
        progress.onEvent(aggregated(6, Map.of("city", 0.5, "rural", 0.4), both, Map.of("city", 0, "rural", 0)));
        String out = text.toString();
        assertThat(out.lines().filter(l -> l.contains("failed"))).containsExactly(
                "  round 2: rural failed to train: its node 'rural' is not connected",
                "  round 2: rural failed its test evaluation: its node 'rural' is not connected",
                "  round 6: rural is back training (it failed in rounds 2 to 5)",
                "  round 6: rural is back in the test (it failed in rounds 2 to 5)");
        // another reason is news, said again
        progress.onEvent(new RunEvent.ParticipantFailed(new ParticipantFailure(7, "rural", ParticipantFailure.Phase.FIT,
                "rural refused: round 7 is past the 6 rounds this hospital's policy takes part in", false),
                Duration.ZERO));
        assertThat(text.toString()).contains("  round 7: rural failed to train: rural refused: round 7 is past");
    }

    private static RunEvent.RoundAggregated aggregated(int round, Map<String, Double> trainLoss,
                                                       Map<String, Evaluation> test, Map<String, Integer> merged) {
        return new RunEvent.RoundAggregated(new RoundRecord(round, List.of("city", "rural"), trainLoss, test,
                Map.of("accuracy", 0.6, "loss", 0.6), List.of(), Duration.ofMillis(100), 0, Map.of(),
                new RoundRecord.Progress(0, 0, merged, Map.of(), Map.of(), Map.of())));
    }
}
