package org.medfed.gui.tour;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples one thread's stack every millisecond or two, for finding out what the FX thread did during a long gap
 * between pulses ({@code -Dmedfed.benchStacks=true} in {@link PulseGapHarness}). A diagnostic, not a profiler:
 * taking a stack needs a safepoint, so the figures it runs beside are a little worse than without it.
 */
final class FxStallSampler implements Runnable {

    private record Sample(long nanos, StackTraceElement[] stack) {
    }

    private final Thread target;
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean running = true;

    FxStallSampler(Thread target) {
        this.target = target;
    }

    @Override
    public void run() {
        while (running) {
            StackTraceElement[] st = target.getStackTrace();
            long t = System.nanoTime();
            synchronized (samples) {
                samples.add(new Sample(t, st));
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void stop() {
        running = false;
    }

    /** Frames that say what a sample was doing, first match wins (checked from the top of the stack down). */
    private static final String[][] CATEGORIES = {
        {"warm-up", "ChartWarmUp"},
        {"results screen", "ResultsViewModel", "ResultsView", "RunHistoryStore", "MaskComparison"},
        {"waiting for the renderer", "waitForRenderingToComplete"},
        {"log list", "ListViewSkin", "ListCell", "RunView$1"},
        {"tables", "TableViewSkin", "TableCell", "TableRow", "TableView"},
        {"live charts", "RunCharts", "ChartSnapshot", "OffThreadChartView", "ProtectionPanes"},
        {"view-model", "RunViewModel", "ProtectionMonitor", "HospitalStatus"},
        {"css", "processCSS", "applyCss"},
        {"layout", "doLayoutPass", "Parent.layout"},
        {"render prep", "QuantumToolkit.pulse", "ViewScene", "SceneState"},
    };

    private static String categoryOf(StackTraceElement[] stack) {
        if (stack[0].getMethodName().equals("_runLoop")) {
            return "idle";
        }
        for (String[] c : CATEGORIES) {
            for (StackTraceElement e : stack) {
                String name = e.getClassName() + "." + e.getMethodName();
                for (int i = 1; i < c.length; i++) {
                    if (name.contains(c[i])) {
                        return c[0];
                    }
                }
            }
        }
        return "other";
    }

    /** Samples between two instants by what they were doing. */
    String categories(long fromNanos, long toNanos) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String[] c : CATEGORIES) {
            counts.put(c[0], 0);
        }
        counts.put("other", 0);
        counts.put("idle", 0);
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.nanos() < fromNanos || s.nanos() > toNanos || s.stack().length == 0) {
                    continue;
                }
                counts.merge(categoryOf(s.stack()), 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder("   ");
        counts.forEach((k, v) -> out.append(' ').append(k).append(' ').append(v).append(';'));
        return out.toString();
    }

    /** The most frequent "telling" frames among the samples taken between two instants, with their counts. */
    String summarize(long fromNanos, long toNanos, int top, String category) {
        return summarize(fromNanos, toNanos, top, category, "");
    }

    /** As above, counting only frames of classes whose name starts with {@code prefix} ("org.medfed"). */
    String summarize(long fromNanos, long toNanos, int top, String category, String prefix) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int n = 0;
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.nanos() < fromNanos || s.nanos() > toNanos || s.stack().length == 0
                        || (category != null && !category.equals(categoryOf(s.stack())))) {
                    continue;
                }
                n++;
                // count every distinct frame of the stack once, so callers show up with their whole share
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (StackTraceElement e : s.stack()) {
                    if (!e.getClassName().startsWith(prefix)) {
                        continue;
                    }
                    String key = e.getClassName().replaceAll("^.*\\.", "") + "." + e.getMethodName();
                    if (seen.add(key)) {
                        counts.merge(key, 1, Integer::sum);
                    }
                }
            }
        }
        int total = n;
        StringBuilder out = new StringBuilder("    " + total + " samples:");
        counts.entrySet().stream().filter(e -> e.getValue() < total || total < 3)
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(top).forEach(e -> out.append("\n      ").append(e.getValue()).append("  ").append(e.getKey()));
        return out.toString();
    }
}
