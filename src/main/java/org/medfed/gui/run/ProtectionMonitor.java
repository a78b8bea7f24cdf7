package org.medfed.gui.run;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunEvent;
import org.medfed.privacy.dp.DpFedAvg;
import org.medfed.privacy.paillier.PaillierAggregation;
import org.medfed.privacy.secagg.SecureAggregation;

/**
 * What the study's protections did during a run, round by round, for the Run screen's privacy tabs: epsilon
 * spent (differential privacy), each hospital's verdict (robust rules), and the time and bytes of aggregation
 * next to plain aggregation. Fed by the same engine events as the other charts, one batch at a time.
 */
public final class ProtectionMonitor {

    private final ObservableList<EpsilonPoint> epsilon = FXCollections.observableArrayList();
    private final ObservableList<RoundVerdicts> verdicts = FXCollections.observableArrayList();
    private final ObservableList<RoundCost> costs = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper privacyAccounted = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper robust = new ReadOnlyBooleanWrapper();

    private final List<EpsilonPoint> newEpsilon = new ArrayList<>();
    private final List<RoundVerdicts> newVerdicts = new ArrayList<>();
    private final List<RoundCost> newCosts = new ArrayList<>();
    private RunEvent.AggregationMeasured pendingCost;

    /** Forgets the previous run. */
    void clear() {
        epsilon.clear();
        verdicts.clear();
        costs.clear();
        privacyAccounted.set(false);
        robust.set(false);
        pendingCost = null;
    }

    /** Takes what concerns the protections from one event; the lists change at {@link #commit}. */
    void accept(RunEvent event) {
        if (event instanceof RunEvent.AggregationMeasured m) {
            pendingCost = m; // its bytes need the round's diagnostics, which come with the next event
        } else if (event instanceof RunEvent.RoundAggregated a) {
            RoundRecord r = a.record();
            Double eps = r.diagnostics().get(DpFedAvg.EPSILON);
            if (eps != null) {
                newEpsilon.add(new EpsilonPoint(r.round(), eps, r.diagnostics().getOrDefault(DpFedAvg.DELTA, Double.NaN),
                        r.diagnostics().getOrDefault(DpFedAvg.TARGET_EPSILON, Double.NaN)));
            }
            RoundVerdicts.of(r).ifPresent(newVerdicts::add);
            if (pendingCost != null && pendingCost.round() == r.round()) {
                newCosts.add(cost(pendingCost, r));
            }
            pendingCost = null;
        }
    }

    /** One list change per batch, like the other charts. */
    void commit() {
        if (!newEpsilon.isEmpty()) {
            privacyAccounted.set(true);
            epsilon.addAll(newEpsilon);
            newEpsilon.clear();
        }
        if (!newVerdicts.isEmpty()) {
            robust.set(true);
            verdicts.addAll(newVerdicts);
            newVerdicts.clear();
        }
        if (!newCosts.isEmpty()) {
            costs.addAll(newCosts);
            newCosts.clear();
        }
    }

    /** The upload the protocol counted (secure or Paillier aggregation), else plain float32 vectors. */
    static RoundCost cost(RunEvent.AggregationMeasured m, RoundRecord r) {
        var d = r.diagnostics();
        long plain = m.plainBytes();
        long bytes = plain;
        if (d.containsKey(SecureAggregation.BYTES_UP)) {
            bytes = Math.round(d.get(SecureAggregation.BYTES_UP) + d.getOrDefault(SecureAggregation.BYTES_DOWN, 0.0));
        } else if (d.containsKey(PaillierAggregation.BYTES_UP)) {
            bytes = Math.round(d.get(PaillierAggregation.BYTES_UP));
        }
        return new RoundCost(m.round(), m.aggregation().toNanos(), m.plainMean().toNanos(), bytes, plain);
    }

    /** Mean cost over the rounds so far, in one line, or empty before the first round. */
    public String summary() {
        if (costs.isEmpty()) {
            return "";
        }
        long t = 0;
        long pt = 0;
        long b = 0;
        long pb = 0;
        for (RoundCost c : costs) {
            t += c.aggregationNanos();
            pt += c.plainNanos();
            b += c.bytes();
            pb += c.plainBytes();
        }
        int n = costs.size();
        return "Mean of " + n + " round" + (n == 1 ? "" : "s") + ": aggregation " + millis(t / n) + " (plain mean "
                + millis(pt / n) + "), upload " + bytes(b / n) + " (plain " + bytes(pb / n) + ", "
                + ratio((double) b / Math.max(1, pb)) + ")";
    }

    static String millis(long nanos) {
        double ms = nanos / 1e6;
        return ms < 0.01 ? "< 0.01 ms" : ms < 10 ? String.format(java.util.Locale.ROOT, "%.2f ms", ms)
                : String.format(java.util.Locale.ROOT, "%.0f ms", ms);
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", b / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", b / (1024.0 * 1024));
    }

    static String ratio(double r) {
        return Double.isNaN(r) ? "–" : String.format(java.util.Locale.ROOT, "%.2f×", r);
    }

    public ObservableList<EpsilonPoint> epsilon() { return epsilon; }
    public ObservableList<RoundVerdicts> verdicts() { return verdicts; }
    public ObservableList<RoundCost> costs() { return costs; }
    /** True once a round reported epsilon: the study uses differential privacy. */
    public ReadOnlyBooleanProperty privacyAccountedProperty() { return privacyAccounted.getReadOnlyProperty(); }
    /** True once a robust rule judged a round. */
    public ReadOnlyBooleanProperty robustProperty() { return robust.getReadOnlyProperty(); }
}
