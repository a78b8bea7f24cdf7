package org.medfed.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.medfed.engine.RunEvent;

class EventBridgeTest {

    @Test
    void aBurstOfEventsCostsOneUiTaskAndKeepsItsOrder() {
        ConcurrentLinkedQueue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();
        List<List<Object>> batches = new ArrayList<>();
        EventBridge bridge = new EventBridge(uiQueue::add, batches::add);
        for (int round = 1; round <= 300; round++) {
            bridge.onEvent(new RunEvent.RunPaused(round));
        }
        bridge.log("done");
        assertThat(uiQueue).hasSize(1);
        uiQueue.poll().run();
        assertThat(uiQueue).isEmpty();
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(301);
        assertThat(batches.get(0).get(0)).isEqualTo(new RunEvent.RunPaused(1));
        assertThat(batches.get(0).get(299)).isEqualTo(new RunEvent.RunPaused(300));
        assertThat(batches.get(0).get(300)).isEqualTo(new EventBridge.LogLine("done"));
    }

    @Test
    void aLongBacklogIsSplitSoThatPulsesRunInBetween() {
        ConcurrentLinkedQueue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();
        List<List<Object>> batches = new ArrayList<>();
        EventBridge bridge = new EventBridge(uiQueue::add, batches::add);
        int n = EventBridge.MAX_BATCH * 2 + 7;
        for (int i = 1; i <= n; i++) {
            bridge.onEvent(new RunEvent.RunPaused(i));
        }
        assertThat(uiQueue).hasSize(1);
        while (!uiQueue.isEmpty()) {
            uiQueue.poll().run();
            assertThat(uiQueue).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(batches).extracting(List::size).containsExactly(EventBridge.MAX_BATCH, EventBridge.MAX_BATCH, 7);
        assertThat(batches.get(2).get(6)).isEqualTo(new RunEvent.RunPaused(n));
        bridge.onEvent(new RunEvent.RunPaused(0));
        assertThat(uiQueue).as("a new event after the backlog schedules a drain").hasSize(1);
    }

    @Test
    void anEventAfterADrainSchedulesAnotherOne() {
        ConcurrentLinkedQueue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();
        List<List<Object>> batches = new ArrayList<>();
        EventBridge bridge = new EventBridge(uiQueue::add, batches::add);
        bridge.onEvent(new RunEvent.RunPaused(1));
        uiQueue.poll().run();
        bridge.onEvent(new RunEvent.RunPaused(2));
        assertThat(uiQueue).hasSize(1);
        uiQueue.poll().run();
        assertThat(batches).extracting(List::size).containsExactly(1, 1);
    }

    @Test
    void flushAppliesWhatIsQueuedBeforeTheCallerGoesOn() {
        ConcurrentLinkedQueue<Runnable> uiQueue = new ConcurrentLinkedQueue<>();
        List<Object> seen = new ArrayList<>();
        EventBridge bridge = new EventBridge(uiQueue::add, seen::addAll);
        for (int i = 1; i <= EventBridge.MAX_BATCH + 3; i++) {
            bridge.onEvent(new RunEvent.RunPaused(i));
        }
        bridge.flush();
        assertThat(seen).hasSize(EventBridge.MAX_BATCH + 3);
        uiQueue.poll().run(); // the drain scheduled earlier finds nothing left
        assertThat(seen).hasSize(EventBridge.MAX_BATCH + 3);
    }
}
