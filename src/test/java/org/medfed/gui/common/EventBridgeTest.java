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
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(301);
        assertThat(batches.get(0).get(0)).isEqualTo(new RunEvent.RunPaused(1));
        assertThat(batches.get(0).get(299)).isEqualTo(new RunEvent.RunPaused(300));
        assertThat(batches.get(0).get(300)).isEqualTo(new EventBridge.LogLine("done"));
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
}
