package org.medfed.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PiecesInOrderTest {

    @Test
    void piecesMadeOnSeveralThreadsAreTakenInOrder() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Set<String> makers = ConcurrentHashMap.newKeySet();
            List<Integer> taken = new ArrayList<>();
            PiecesInOrder.run(200, i -> {
                makers.add(Thread.currentThread().getName());
                // uneven work, so that later pieces are often ready before earlier ones
                sleepMillis(i % 7 == 0 ? 3 : 0);
                return i * i;
            }, pool, 3, taken::add);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                expected.add(i * i);
            }
            assertThat(taken).isEqualTo(expected);
            assertThat(makers).contains(Thread.currentThread().getName()).hasSizeGreaterThan(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theAskingThreadMakesEveryPieceWhenNoHelperEverStarts() throws Exception {
        List<Runnable> neverRun = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        PiecesInOrder.run(5, i -> "piece " + i, neverRun::add, 2, taken::add);
        assertThat(taken).containsExactly("piece 0", "piece 1", "piece 2", "piece 3", "piece 4");
        assertThat(neverRun).hasSize(2);
        // a helper that starts after the end takes nothing
        AtomicInteger made = new AtomicInteger();
        List<Runnable> late = new ArrayList<>();
        PiecesInOrder.run(3, i -> made.incrementAndGet(), late::add, 1, piece -> { });
        late.forEach(Runnable::run);
        assertThat(made).hasValue(3);
    }

    @Test
    void theFirstFailingPieceIsReportedAfterThePiecesBeforeIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch laterFailed = new CountDownLatch(1);
            List<Integer> taken = new ArrayList<>();
            assertThatThrownBy(() -> PiecesInOrder.run(10, i -> {
                if (i == 6) {
                    laterFailed.countDown();
                    throw new IllegalArgumentException("piece 6");
                }
                if (i == 3) {
                    // fails only once a later piece has failed on another thread
                    awaitMillis(laterFailed, 2_000);
                    throw new IllegalStateException("piece 3");
                }
                return i;
            }, pool, 2, taken::add)).isInstanceOf(IllegalStateException.class).hasMessage("piece 3");
            assertThat(taken).containsExactly(0, 1, 2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whenTakingFailsNoFurtherPieceIsStarted() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            AtomicInteger made = new AtomicInteger();
            assertThatThrownBy(() -> PiecesInOrder.run(1_000, i -> {
                sleepMillis(1);
                return made.incrementAndGet();
            }, pool, 1, piece -> {
                throw new IOException("disk full");
            })).isInstanceOf(IOException.class).hasMessage("disk full");
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            assertThat(made.get()).isLessThan(100);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitMillis(CountDownLatch latch, long millis) {
        try {
            latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
