package org.medfed.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Step pressed in the middle of a round (a teacher paused mid-round) finishes that round, then holds. */
class RunControlStepTest {

    @Test
    void stepAfterAPauseMidRoundLetsTheRoundUnderWayFinishThenHolds() throws Exception {
        RunControl control = RunControl.free();
        control.beforeRound(); // round 1 under way, running freely
        control.pause();
        CountDownLatch passed = new CountDownLatch(1);
        Thread trainer = new Thread(() -> {
            control.checkpoint();
            passed.countDown();
        });
        trainer.start();
        assertThat(passed.await(200, TimeUnit.MILLISECONDS)).as("paused mid-round: training holds").isFalse();
        control.step();
        assertThat(passed.await(5, TimeUnit.SECONDS)).as("step lets the current round finish").isTrue();
        trainer.join(5000);

        CountDownLatch nextRound = new CountDownLatch(1);
        Thread loop = new Thread(() -> {
            control.beforeRound();
            nextRound.countDown();
        });
        loop.start();
        assertThat(nextRound.await(200, TimeUnit.MILLISECONDS)).as("held before round 2").isFalse();
        control.step();
        assertThat(nextRound.await(5, TimeUnit.SECONDS)).as("a second step starts round 2").isTrue();
        loop.join(5000);
    }

    @Test
    void stepBeforeTheFirstRoundRunsExactlyThatRound() {
        RunControl control = RunControl.free();
        control.pause();
        control.step();
        control.beforeRound(); // granted: returns at once
        control.checkpoint(); // the stepped round's training is not held
        assertThat(control.isPaused()).isTrue();
    }
}
