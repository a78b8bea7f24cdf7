package org.medfed.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunEvent;

class RunProgressTest {

    private static RoundRecord round(int n, Duration took) {
        return new RoundRecord(n, List.of("a"), Map.of(), Map.of(), Map.of(), List.of(), took, 0, Map.of());
    }

    @Test
    void theTimeLeftIsTheMeanRoundSoFarTimesTheRoundsLeft() {
        RunProgress p = new RunProgress();
        p.begin(0, 10);
        p.roundStarted(new RunEvent.RoundStarted(1, 10, List.of("a")));
        p.commit(false);
        assertThat(p.timeLeft().get()).isEqualTo("time left: known after this round");

        p.aggregated(round(1, Duration.ofSeconds(2)), false);
        p.commit(false);
        // 2 s a round, 9 rounds left
        assertThat(p.timeLeft().get()).isEqualTo("about 18 s left");
        assertThat(p.text().get()).isEqualTo("Round 1 of 10");
        assertThat(p.progress().get()).isEqualTo(0.1);

        p.roundStarted(new RunEvent.RoundStarted(2, 10, List.of("a")));
        p.aggregated(round(2, Duration.ofSeconds(4)), false);
        p.commit(false);
        // (2 + 4) / 2 = 3 s a round, 8 rounds left
        assertThat(p.timeLeft().get()).isEqualTo("about 24 s left");
        assertThat(p.round().get()).isEqualTo(2);
    }

    @Test
    void aResumedRunTimesOnlyTheRoundsItRuns() {
        RunProgress p = new RunProgress();
        p.begin(6, 10);
        assertThat(p.round().get()).isEqualTo(6);
        p.roundStarted(new RunEvent.RoundStarted(7, 10, List.of("a")));
        p.aggregated(round(7, Duration.ofSeconds(5)), false);
        p.commit(false);
        // one round timed, 5 s, 3 rounds left
        assertThat(p.timeLeft().get()).isEqualTo("about 15 s left");
        assertThat(p.progress().get()).isEqualTo(0.7);
    }

    @Test
    void aPauseSaysWhetherItHoldsInARoundOrBetweenTwoAndKeepsSayingItForLateEvents() {
        RunProgress p = new RunProgress();
        p.begin(0, 5);
        p.roundStarted(new RunEvent.RoundStarted(1, 5, List.of("a")));
        p.aggregated(round(1, Duration.ofSeconds(1)), false);
        p.commit(false);
        p.pause();
        assertThat(p.text().get()).isEqualTo("Paused before round 2 of 5");
        assertThat(p.timeLeft().get()).isEmpty();

        p.roundStarted(new RunEvent.RoundStarted(2, 5, List.of("a")));
        p.commit(true);
        assertThat(p.text().get()).isEqualTo("Paused during round 2 of 5");
        assertThat(p.timeLeft().get()).as("no estimate while paused").isEmpty();

        p.goOn();
        assertThat(p.text().get()).isEqualTo("Round 2 of 5: training");
    }

    @Test
    void stoppingStaysUntilTheRunHasEnded() {
        RunProgress p = new RunProgress();
        p.begin(0, 5);
        p.stop();
        p.roundStarted(new RunEvent.RoundStarted(1, 5, List.of("a")));
        p.commit(false);
        assertThat(p.text().get()).isEqualTo("Stopping: the hospitals stop after their current training step");

        p.runEnded();
        p.stoppedAfter(1);
        assertThat(p.text().get()).isEqualTo("Stopped after round 1 of 5");
        p.roundStarted(new RunEvent.RoundStarted(2, 5, List.of("a")));
        p.commit(false);
        assertThat(p.text().get()).as("no longer stopping")
                .isEqualTo("Round 2 of 5: the hospitals are training (this first round also measures the speed)");
    }
}
