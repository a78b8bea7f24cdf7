package org.medfed.gui.run;

import static org.medfed.gui.run.RunWording.seconds;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.engine.ParticipantFailure;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunEvent;

/**
 * The Run screen's status list, one {@link HospitalStatus} per hospital: the study's hospitals as ready before a
 * run, then what the events of the run say each one does. The events name their hospital (several per round and
 * hospital), so the statuses are also kept by name.
 */
final class HospitalStatuses {

    private final ObservableList<HospitalStatus> list = FXCollections.observableArrayList();
    private final Map<String, HospitalStatus> byName = new HashMap<>();

    ObservableList<HospitalStatus> list() {
        return list;
    }

    /**
     * Lists {@code names} (sorted, as a run lists them) as ready, unless the same hospitals are listed already:
     * the statuses of the last run stay until the study's hospitals change.
     */
    void listReady(List<String> names) {
        if (!names.equals(list.stream().map(HospitalStatus::name).sorted().toList())) {
            allReady(names);
        }
    }

    /** Lists {@code names} as ready, whatever the last run left. */
    void allReady(List<String> names) {
        set(names.stream().map(HospitalStatus::ready).toList());
    }

    private void set(List<HospitalStatus> statuses) {
        byName.clear();
        statuses.forEach(h -> byName.put(h.name(), h));
        list.setAll(statuses);
    }

    /** Takes what concerns the hospitals from one event of the run; the table's cells change at {@link #commit}. */
    void accept(RunEvent event, boolean asynchronous) {
        if (event instanceof RunEvent.RunStarted s) {
            List<HospitalStatus> statuses = new ArrayList<>();
            s.participants().forEach(n -> statuses.add(new HospitalStatus(n)));
            set(statuses);
        } else if (event instanceof RunEvent.RoundStarted s) {
            for (HospitalStatus h : list) {
                // an asynchronous run sends work before it announces the merge: the durations already shown stay
                h.set(s.selected().contains(h.name()) ? HospitalStatus.State.WAITING : HospitalStatus.State.SKIPPED,
                        asynchronous ? null : "", null);
            }
        } else if (event instanceof RunEvent.ParticipantStarted s) {
            HospitalStatus h = byName.get(s.participant());
            if (h != null) {
                h.set(s.phase() == ParticipantFailure.Phase.FIT ? HospitalStatus.State.TRAINING
                        : HospitalStatus.State.EVALUATING, null, null);
            }
        } else if (event instanceof RunEvent.ParticipantFinished f) {
            HospitalStatus h = byName.get(f.participant());
            if (h != null) {
                boolean fit = f.phase() == ParticipantFailure.Phase.FIT;
                h.set(fit ? HospitalStatus.State.EVALUATING : HospitalStatus.State.DONE, fit ? seconds(f.took()) : null,
                        null);
            }
        } else if (event instanceof RunEvent.ParticipantFailed f) {
            HospitalStatus h = byName.get(f.failure().participant());
            if (h != null) {
                h.set(HospitalStatus.State.FAILED, seconds(f.took()), f.failure().reason());
            }
        } else if (event instanceof RunEvent.RunCancelled || event instanceof RunEvent.RunFailed) {
            runEnded();
        }
    }

    /** Each hospital's model version, staleness and bytes as of record {@code r}, drawn as point {@code p}. */
    void track(RoundRecord.Progress r, RoundPoint p) {
        for (HospitalStatus h : list) {
            String n = h.name();
            h.progress(r.modelVersion().get(n), r.staleness().get(n), p.bytesUpSoFar().get(n), p.bytesDownSoFar().get(n));
        }
    }

    /** The run holds (or goes on): the hospitals in their round read "paused" meanwhile. */
    void hold(boolean paused) {
        list.forEach(h -> h.hold(paused));
    }

    /** No hospital stays "training" after the run has stopped or failed. */
    void runEnded() {
        list.forEach(HospitalStatus::runEnded);
    }

    void commit() {
        list.forEach(HospitalStatus::commit);
    }
}
