package org.medfed.gui.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.medfed.engine.ParticipantFailure;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunHistory;
import org.medfed.project.Study;

/**
 * How the Run screen words figures and events: metrics with three decimals, durations, a merge's staleness, a
 * round's protections, the simulated-attack banner. Plain concatenation, not String.format: a fast run words
 * hundreds of rounds a second on the UI thread.
 */
final class RunWording {

    private RunWording() {
    }

    /**
     * The banner text when any hospital plays a simulated attacker, naming them, or empty: a model trained with
     * attackers is a demonstration and must never be mistaken for a real result.
     */
    static String attackerWarning(Study study) {
        List<String> parts = new ArrayList<>();
        for (var p : study.enabledParticipants()) {
            String a = p.attack();
            if (!org.medfed.attack.AttackCatalog.isAttack(a)) {
                continue;
            }
            String what;
            try {
                what = org.medfed.attack.AttackSpec.parse(a).describe().replaceFirst("^simulated attack: ", "");
            } catch (org.medfed.engine.BadInputException e) {
                what = a;
            }
            parts.add(p.name() + " " + what);
        }
        if (parts.isEmpty()) {
            return "";
        }
        return "SIMULATED ATTACK (teaching only): " + String.join("; ", parts)
                + ". This run shows an attack and its defence; do not use its model.";
    }

    /** A metric with three decimals, without the cost of String.format. */
    static String three(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        long m = Math.round(Math.abs(v) * 1000);
        String frac = Long.toString(m % 1000);
        return (v < 0 && m != 0 ? "-" : "") + m / 1000 + "." + "000".substring(frac.length()) + frac;
    }

    /** A duration in milliseconds or seconds, without String.format: called for every hospital and round. */
    static String seconds(Duration d) {
        double ms = d.toNanos() / 1e6;
        if (ms < 1) {
            return "< 1 ms";
        }
        if (ms < 1000) {
            return Math.round(ms) + " ms";
        }
        long hundredths = Math.round(ms / 10);
        long frac = hundredths % 100;
        return hundredths / 100 + "." + (frac < 10 ? "0" : "") + frac + " s";
    }

    static String duration(Duration d) {
        double exact = d.toNanos() / 1e9;
        if (exact < 10) {
            return three(exact).substring(0, three(exact).length() - 2) + " s";
        }
        long s = Math.max(0, Math.round(exact));
        if (s < 60) {
            return s + " s";
        }
        return s / 60 + " min " + s % 60 + " s";
    }

    /** "hospital-a 0, hospital-d 3 versions behind": the updates of one merge. */
    static String stalenessNote(RoundRecord.Progress r) {
        List<String> parts = new ArrayList<>();
        r.staleness().forEach((n, behind) -> parts.add(n + " " + behind));
        return String.join(", ", parts) + " versions behind";
    }

    /** What a record of a run is: a round, or a merge of an asynchronous run. */
    static String records(boolean asynchronous) {
        return asynchronous ? "merges" : "rounds";
    }

    /** The log line of a record: its figures, what its protections did and how long it took. */
    static String recordLine(RoundRecord r, RoundPoint p, boolean asynchronous) {
        // plain concatenation: a fast run logs hundreds of these lines a second on the UI thread
        return (asynchronous ? "Merge " + r.round() + " (" + stalenessNote(r.progress()) + ")" : "Round " + r.round())
                + ": accuracy " + three(p.accuracy()) + ", loss " + three(p.loss())
                + (Double.isNaN(p.auc()) ? "" : ", AUC " + three(p.auc())) + protectionNote(r)
                + " (" + seconds(r.duration()) + ")";
    }

    /** A hospital failed in a round: the run goes on without it, and the log says so with the hospital's reason. */
    static String failureLine(ParticipantFailure pf) {
        return "Round " + pf.round() + ": " + pf.participant() + " failed"
                + (pf.phase() == ParticipantFailure.Phase.EVALUATE ? " to evaluate" : "") + ": " + pf.reasonAfterName()
                + ". The run goes on without it; said once while it lasts.";
    }

    /** "Round 143: rural-clinic trains again (it failed to train in rounds 2 to 142)." */
    static String backLine(org.medfed.engine.FailureRepeats.Return back, int round) {
        boolean fit = back.phase() == ParticipantFailure.Phase.FIT;
        return "Round " + round + ": " + back.participant() + (fit ? " trains again" : " is tested again")
                + " (it failed " + (fit ? "to train" : "to evaluate") + " in rounds " + back.from() + " to "
                + back.last() + ").";
    }

    /** "Federation finished: 40 rounds in 12.3 s (wall time, waits and pauses included); 21.0 s on the simulated clock (...)". */
    static String finishedLine(RunHistory h, boolean asynchronous, boolean simulatedClock) {
        return "Federation finished: " + h.rounds().size() + " " + records(asynchronous) + " in "
                + duration(h.duration()) + clockNote(h, simulatedClock) + ".";
    }

    /** The box that adds the comparison models to a run: a multi-site study has no pooled one. */
    static String comparisonChoice(boolean multiSite) {
        return multiSite
                ? "Also train each hospital alone at its node, for comparison (no pooled model: the rows stay home)"
                : "Also train each hospital alone and all data pooled, for comparison";
    }

    /** The log's last line of a finished run: what the Results screen compares (a multi-site study has no pooled model). */
    static String doneLine(boolean multiSite) {
        return multiSite
                ? "Done. The Results screen compares the federated model with each hospital alone (trained at its node); "
                        + "there is no pooled model in a multi-site study."
                : "Done. The Results screen compares the federated model with each hospital alone and pooled.";
    }

    /** ", 21.0 s on the simulated clock" after a run's wall time, or empty when nothing was recorded. */
    private static String clockNote(RunHistory h, boolean simulatedClock) {
        if (h.rounds().isEmpty()) {
            return "";
        }
        double t = h.rounds().get(h.rounds().size() - 1).progress().clockSeconds();
        // two times side by side need saying which is which: the first includes every wait and pause
        String seconds = (t < 10 ? three(t) : String.valueOf(Math.round(t * 10) / 10.0)) + " s";
        return " (wall time, waits and pauses included); " + (simulatedClock
                ? seconds + " on the simulated clock (the hospitals' speeds and network as the study sets them)"
                : "the slowest hospital's work took " + seconds + " in all, on the measured clock");
    }

    /** Epsilon spent and updates rejected, for the round's log line; empty without protections. */
    static String protectionNote(RoundRecord r) {
        Double eps = r.diagnostics().get(org.medfed.privacy.dp.DpFedAvg.EPSILON);
        String note = eps == null ? "" : ", epsilon spent " + three(eps);
        var verdicts = RoundVerdicts.of(r);
        if (verdicts.isPresent() && !verdicts.get().rejected().isEmpty()) {
            note += ", rejected: " + String.join(", ", verdicts.get().rejected());
        }
        return note;
    }

}
