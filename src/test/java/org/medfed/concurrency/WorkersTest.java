package org.medfed.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The owner of the program's threads: each shape of executor works, and closing leaves no thread of its own alive. */
class WorkersTest {

    @Test
    void closingStopsEveryExecutorItGaveOutAndLeavesNoThreadAlive() throws Exception {
        Workers workers = new Workers();
        ExecutorService pool = workers.pool("t-pool");
        ExecutorService fixed = workers.fixed("t-fixed", 2);
        ExecutorService background = workers.background("t-background");
        ScheduledExecutorService scheduled = workers.scheduled("t-scheduled", 1);
        CountDownLatch running = new CountDownLatch(4);
        Runnable blocks = () -> {
            running.countDown();
            try {
                Thread.sleep(60_000); // a job still at work when the program ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        for (ExecutorService e : List.of(pool, fixed, background, scheduled)) {
            e.execute(blocks);
        }
        scheduled.scheduleAtFixedRate(() -> { }, 0, 10, TimeUnit.MILLISECONDS);
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        List<Thread> made = workers.alive();
        assertThat(made).extracting(Thread::getName)
                .contains("t-pool-1", "t-fixed-1", "t-background-1", "t-scheduled-1")
                .allSatisfy(name -> assertThat(name).startsWith("t-"));
        assertThat(made).allSatisfy(t -> assertThat(t.isDaemon()).isTrue());

        workers.close();

        assertThat(workers.alive()).isEmpty();
        assertThat(made).noneMatch(Thread::isAlive);
        assertThat(List.of(pool, fixed, background, scheduled)).allMatch(ExecutorService::isTerminated);
        assertThatThrownBy(() -> workers.pool("late")).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void anExecutorShutDownByItsUserIsForgottenAndItsThreadsEnd() throws Exception {
        try (Workers workers = new Workers()) {
            ExecutorService fixed = workers.fixed("t-early", 3);
            for (int i = 0; i < 3; i++) {
                fixed.execute(() -> { });
            }
            fixed.shutdown();
            assertThat(fixed.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!workers.alive().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(workers.alive()).isEmpty();
        }
    }

    @Test
    void aFixedPoolRunsNoMoreJobsAtOnceThanItHasThreads() throws Exception {
        try (Workers workers = new Workers()) {
            ExecutorService fixed = workers.fixed("t-bounded", 2);
            java.util.concurrent.atomic.AtomicInteger now = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
            CountDownLatch done = new CountDownLatch(8);
            for (int i = 0; i < 8; i++) {
                fixed.execute(() -> {
                    most.accumulateAndGet(now.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    now.decrementAndGet();
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(most.get()).isEqualTo(2);
        }
    }

    @Test
    void computeThreadsShareTheCoresAmongJobsRunningAtOnce() {
        Workers four = new Workers(4);
        assertThat(four.cores()).isEqualTo(4);
        assertThat(four.computeThreads(1)).isEqualTo(4);
        assertThat(four.computeThreads(2)).isEqualTo(2);
        assertThat(four.computeThreads(3)).isEqualTo(1); // 4 / 3 rounded down: never more threads than cores
        assertThat(four.computeThreads(64)).isEqualTo(1);
        assertThat(new Workers(2).computeThreads(4)).isEqualTo(1);
        assertThatThrownBy(() -> four.computeThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Workers(0)).isInstanceOf(IllegalArgumentException.class);
        four.close();
    }
}
