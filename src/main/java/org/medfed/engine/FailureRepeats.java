package org.medfed.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which of a run's failures are news: a hospital that fails the same way round after round (a node away for hundreds
 * of rounds) is said once, and then its return, with the rounds it missed. The terminal and the Run screen's log
 * word them their own way; this decides what they say. Not thread-safe: fed from one listener.
 */
public final class FailureRepeats {

    /** A hospital back in a phase after failing it in rounds {@code from} to {@code last}. */
    public record Return(String participant, ParticipantFailure.Phase phase, int from, int last) {
    }

    private record Key(String participant, ParticipantFailure.Phase phase) {
    }

    private record Failing(String reason, int from, int last) {
    }

    private final Map<Key, Failing> failing = new TreeMap<>(
            Comparator.comparing(Key::participant).thenComparing(Key::phase));

    /** Whether {@code f} is to be said: not the same failure as the participant's in this phase the round before. */
    public boolean isNews(ParticipantFailure f) {
        Key key = new Key(f.participant(), f.phase());
        Failing before = failing.get(key);
        if (before != null && before.reason().equals(f.reason())) {
            failing.put(key, new Failing(f.reason(), before.from(), f.round()));
            return false;
        }
        failing.put(key, new Failing(f.reason(), f.round(), f.round()));
        return true;
    }

    /**
     * The hospitals that failed in more than one round in a row and are back in {@code r} (trained into it, or were
     * tested), in participant and phase order.
     */
    public List<Return> backIn(RoundRecord r) {
        List<Return> back = new ArrayList<>();
        for (Iterator<Map.Entry<Key, Failing>> it = failing.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Failing> e = it.next();
            String participant = e.getKey().participant();
            boolean in = e.getKey().phase() == ParticipantFailure.Phase.FIT
                    ? r.progress().staleness().containsKey(participant) || r.trainLoss().containsKey(participant)
                    : r.test().containsKey(participant);
            if (in) {
                it.remove();
                if (e.getValue().last() > e.getValue().from()) {
                    back.add(new Return(participant, e.getKey().phase(), e.getValue().from(), e.getValue().last()));
                }
            }
        }
        return back;
    }
}
