package org.medfed.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InOrderTest {

    @Test
    void answersComeInTheItemsOrderWhateverOrderTheyFinishIn() {
        try (Workers workers = new Workers(4)) {
            ExecutorService pool = workers.fixed("t", 4);
            CountDownLatch lastFirst = new CountDownLatch(1);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            List<Integer> squares = InOrder.map(List.of(1, 2, 3, 4), i -> {
                threads.add(Thread.currentThread().getName());
                if (i == 4) {
                    lastFirst.countDown();
                } else {
                    await(lastFirst); // items 1-3 finish only after item 4
                }
                return i * i;
            }, pool);
            assertThat(squares).containsExactly(1, 4, 9, 16);
            assertThat(threads).hasSize(4);
        }
    }

    @Test
    void theFirstFailingItemsFailureIsThrownAfterAllHaveEnded() {
        try (Workers workers = new Workers(2)) {
            ExecutorService pool = workers.fixed("t", 2);
            Set<Integer> ended = ConcurrentHashMap.newKeySet();
            assertThatThrownBy(() -> InOrder.map(List.of(1, 2, 3, 4), i -> {
                ended.add(i);
                if (i == 2 || i == 4) {
                    throw new IllegalArgumentException("item " + i);
                }
                return i;
            }, pool)).isInstanceOf(IllegalArgumentException.class).hasMessage("item 2");
            assertThat(ended).containsExactlyInAnyOrder(1, 2, 3, 4);
        }
    }

    @Test
    void hereRunsEachOnTheAskingThreadOneAfterAnother() {
        String asking = Thread.currentThread().getName();
        assertThat(InOrder.map(List.of("a", "b"), s -> s + Thread.currentThread().getName(), InOrder.HERE))
                .containsExactly("a" + asking, "b" + asking);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
