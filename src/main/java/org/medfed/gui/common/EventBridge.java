package org.medfed.gui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.medfed.engine.RunEvent;
import org.medfed.engine.RunListener;

/**
 * Carries engine events (and progress lines) to the UI thread. The engine only appends to a queue and never
 * waits; at most one drain is pending on the UI thread at a time, and it takes what was queued, so a burst of
 * events costs one UI task however fast the engine goes. A drain takes at most {@link #MAX_BATCH} items and
 * leaves the rest to the next one, so that pulses (and the user's clicks) get the UI thread in between even
 * when the engine outruns the screen.
 */
public final class EventBridge implements RunListener {

    /** A progress message from a part of the run that does not publish events (preparing data, baselines). */
    public record LogLine(String text) {
    }

    /** About 25 rounds of four hospitals: a few milliseconds of UI work. */
    public static final int MAX_BATCH = 500;

    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private final Executor ui;
    private final Consumer<List<Object>> sink;

    /** @param sink receives batches of {@link RunEvent}s and {@link LogLine}s on the UI thread, in order */
    public EventBridge(Executor ui, Consumer<List<Object>> sink) {
        this.ui = ui;
        this.sink = sink;
    }

    @Override
    public void onEvent(RunEvent event) {
        offer(event);
    }

    public void log(String text) {
        offer(new LogLine(text));
    }

    private void offer(Object item) {
        queue.add(item);
        if (drainPending.compareAndSet(false, true)) {
            ui.execute(this::drain);
        }
    }

    /**
     * Runs {@code action} on the UI thread once every event queued before it has been applied, still in batches
     * with pulses in between: the end of a fast run must not apply hundreds of rounds in one UI task.
     */
    public void afterQueued(Runnable action) {
        offer(new Marker(action));
    }

    /** A UI action waiting its turn in the queue. */
    private record Marker(Runnable action) {
    }

    /** On the UI thread: applies everything still queued now, in batches, before what the caller does next. */
    public void flush() {
        List<Object> batch = new ArrayList<>();
        for (Object o = queue.poll(); o != null; o = queue.poll()) {
            if (o instanceof Marker m) {
                deliver(batch);
                batch = new ArrayList<>();
                m.action().run();
                continue;
            }
            batch.add(o);
            if (batch.size() == MAX_BATCH) {
                sink.accept(batch);
                batch = new ArrayList<>();
            }
        }
        deliver(batch);
    }

    private void deliver(List<Object> batch) {
        if (!batch.isEmpty()) {
            sink.accept(batch);
        }
    }

    private void drain() {
        List<Object> batch = new ArrayList<>();
        Marker marker = null;
        for (Object o = queue.poll(); o != null; o = batch.size() < MAX_BATCH ? queue.poll() : null) {
            if (o instanceof Marker m) {
                marker = m; // runs after the events before it, in this same task
                break;
            }
            batch.add(o);
        }
        if (queue.isEmpty()) {
            // cleared before the last look: anything added after this point schedules another drain
            drainPending.set(false);
            if (!queue.isEmpty() && drainPending.compareAndSet(false, true)) {
                ui.execute(this::drain);
            }
        } else {
            ui.execute(this::drain); // more than one batch waiting: the rest after the next pulse
        }
        deliver(batch);
        if (marker != null) {
            marker.action().run();
        }
    }
}
