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
}
