package org.medfed.gui.remote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.data.tabular.ColumnSummary;
import org.medfed.data.tabular.TableOverview;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.DataKind;
import org.medfed.gui.common.ErrorText;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.participants.RemoteTables;
import org.medfed.network.coordinator.NodeLink;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.ProtocolJson;
import org.medfed.project.Study;

/**
 * The hospitals of the study that are behind their own nodes: adding one (name, node, dataset), each one's
 * connection state, heartbeat, node version and traffic, and the summary its node agrees to send, asked for
 * when it connects and again when the study's data settings change. The Participants screen shows these
 * summaries in its hospitals table and runs the cross-hospital check on them ({@link RemoteTables}).
 */
public final class RemoteHospitalsViewModel implements RemoteTables {

    /** How long a node may take to summarise its table. */
    static final Duration SUMMARY_TIME = Duration.ofSeconds(60);

    private final StudyDocument document;
    private final BackgroundTasks tasks;
    private final StudyCoordinator coordinator;
    private final Clock clock;
    private final ObservableList<RemoteHospitalRow> rows = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final Map<String, TableOverview> overviews = new HashMap<>();
    private final Map<String, String> summaryProblems = new HashMap<>();
    /** Per hospital, what its summary was asked for (node, dataset, data settings): asked again when it changes. */
    private final Map<String, String> asked = new HashMap<>();
    private final List<Runnable> listeners = new ArrayList<>();

    public RemoteHospitalsViewModel(StudyDocument document, BackgroundTasks tasks, StudyCoordinator coordinator) {
        this(document, tasks, coordinator, Clock.systemUTC());
    }

    RemoteHospitalsViewModel(StudyDocument document, BackgroundTasks tasks, StudyCoordinator coordinator, Clock clock) {
        this.document = document;
        this.tasks = tasks;
        this.coordinator = coordinator;
        this.clock = clock;
        document.studyProperty().addListener((obs, was, is) -> refresh());
        coordinator.onChange(this::refresh);
        refresh();
    }

    /**
     * Adds a hospital reached through its node. The node name is the one in its certificate (the name given to
     * {@code medfed provision --hospital}); empty means the same as the hospital's name.
     */
    public boolean addRemote(String name, String node, String dataset) {
        String n = name == null ? "" : name.strip();
        String nd = node == null || node.isBlank() ? n : node.strip();
        String ds = dataset == null ? "" : dataset.strip();
        if (n.isEmpty()) {
            message.set("A hospital needs a name.");
            return false;
        }
        if (document.study().participants().stream().anyMatch(p -> p.name().equals(n))) {
            message.set("Another hospital is already called '" + n + "'.");
            return false;
        }
        if (ds.isEmpty()) {
            message.set("Give the dataset id that hospital '" + n + "' registered in its node.json (for example \"heart\").");
            return false;
        }
        if (document.study().participants().stream().anyMatch(p -> p.isRemote() && p.node().equals(nd) && p.dataset().equals(ds))) {
            message.set("Dataset '" + ds + "' of node '" + nd + "' is already in the study.");
            return false;
        }
        document.edit(s -> {
            List<ParticipantEntry> all = new ArrayList<>(s.participants());
            all.add(ParticipantEntry.remote(n, nd, ds));
            return s.withParticipants(all);
        });
        message.set("");
        return true;
    }

    /** Re-reads every remote hospital's state; the screen calls it every second for the heartbeat's age. */
    public void refresh() {
        Study study = document.study();
        List<ParticipantEntry> remote = study.participants().stream().filter(ParticipantEntry::isRemote).toList();
        if (rows.size() != remote.size()) {
            List<RemoteHospitalRow> fresh = new ArrayList<>();
            remote.forEach(p -> fresh.add(new RemoteHospitalRow()));
            rows.setAll(fresh);
        }
        boolean changed = false;
        for (int i = 0; i < remote.size(); i++) {
            ParticipantEntry p = remote.get(i);
            RemoteHospitalRow row = rows.get(i);
            RemoteHospitalRow.set(row.nameProperty(), p.name());
            RemoteHospitalRow.set(row.nodeProperty(), p.node());
            RemoteHospitalRow.set(row.datasetProperty(), p.dataset() == null ? "" : p.dataset());
            StudyCoordinator.Seen seen = coordinator.state(p.node());
            if (row.stateProperty().get() != seen.state()) {
                row.stateProperty().set(seen.state());
                // the Participants screen's check (and whether Run is blocked) follows the node's state
                changed = true;
            }
            RemoteHospitalRow.set(row.stateTextProperty(), seen.state().words()
                    + (seen.reason() == null || seen.reason().isEmpty() || seen.state() == NodeState.NOT_LISTENING
                    ? "" : ": " + seen.reason()));
            NodeLink link = coordinator.link(p.node()).orElse(null);
            RemoteHospitalRow.set(row.heartbeatProperty(), link == null ? "–" : ago(link.lastHeard()));
            RemoteHospitalRow.set(row.versionProperty(), link == null ? "–" : link.version());
            RemoteHospitalRow.set(row.trafficProperty(), link == null ? "–"
                    : bytes(link.bytesDown()) + " down, " + bytes(link.bytesUp()) + " up");
            RemoteHospitalRow.set(row.roundTripProperty(), link == null || link.lastRoundTrip() == null ? "–"
                    : millis(link.lastRoundTrip()));
            RemoteHospitalRow.set(row.timelineProperty(), coordinator.timeline(p.node()));
            changed |= askSummary(study, p, link);
            TableOverview o = overviews.get(p.name());
            String problem = summaryProblems.get(p.name());
            RemoteHospitalRow.set(row.rowsProperty(), o == null ? (problem != null ? "–" : "not yet") : count(o.rows()));
            RemoteHospitalRow.set(row.columnsProperty(), o == null ? (problem == null ? "" : problem) : columns(o));
            RemoteHospitalRow.set(row.balanceProperty(), o == null ? "" : o.balanceText());
        }
        if (changed) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Asks a connected node for its summary when none was asked for these settings; true when one was dropped. */
    private boolean askSummary(Study study, ParticipantEntry p, NodeLink link) {
        if (DataKind.of(study) != DataKind.TABLE) {
            return false;
        }
        String key = p.node() + "|" + p.dataset() + "|" + study.data();
        if (key.equals(asked.get(p.name()))) {
            return false;
        }
        boolean dropped = overviews.remove(p.name()) != null | summaryProblems.remove(p.name()) != null;
        if (link == null || coordinator.isRunning()) {
            asked.remove(p.name());
            return dropped;
        }
        asked.put(p.name(), key);
        // of the participants, only this hospital's own entry: its node applies the entry's mapping to what it reads
        String studyJson = ProtocolJson.write(study.withParticipants(List.of(p)));
        String name = p.name();
        tasks.run(() -> {
            Params reply = link.call(p.dataset(), SiteRequest.of(0, Procedure.TABLE_SUMMARY,
                    Params.builder().text("study", studyJson).text("participant", name).build()))
                    .get(SUMMARY_TIME.toMillis(), TimeUnit.MILLISECONDS).reply();
            return ProtocolJson.read(reply.text("json"), TableOverview.class);
        }, overview -> {
            if (key.equals(asked.get(name))) {
                overviews.put(name, overview);
                refresh();
                listeners.forEach(Runnable::run);
            }
        }, e -> {
            if (key.equals(asked.get(name))) {
                Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
                summaryProblems.put(name, "no summary: " + ErrorText.plain(cause));
                if (!coordinator.link(p.node()).isPresent()) {
                    asked.remove(name); // lost meanwhile: asked again when it is back
                }
                refresh();
                listeners.forEach(Runnable::run);
            }
        });
        return dropped;
    }

    private String ago(Instant heard) {
        long s = Math.max(0, Duration.between(heard, clock.instant()).toSeconds());
        return s < 60 ? s + " s ago" : s / 60 + " min ago";
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }

    static String millis(Duration d) {
        return d.toMillis() < 1 ? "< 1 ms" : d.toMillis() + " ms";
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String columns(TableOverview o) {
        List<String> parts = new ArrayList<>();
        for (String c : o.schema().columns()) {
            parts.add(o.schema().feature(c).map(ColumnSummary::inferredType).map(t -> c + " (" + t + ")").orElse(c));
        }
        return o.schema().columns().size() + " columns: " + String.join(", ", parts);
    }

    // ---- RemoteTables, for the Participants screen

    @Override
    public TableOverview overview(ParticipantEntry p) {
        return overviews.get(p.name());
    }

    @Override
    public String cannotTakePart(ParticipantEntry p) {
        StudyCoordinator.Seen seen = coordinator.state(p.node());
        return seen.state() == NodeState.REFUSED || seen.state() == NodeState.CANNOT_SERVE
                ? "its node " + seen.state().words() + (seen.reason() == null || seen.reason().isEmpty() ? ""
                : ": " + seen.reason()) : null;
    }

    @Override
    public String state(ParticipantEntry p) {
        for (RemoteHospitalRow r : rows) {
            if (r.nameProperty().get().equals(p.name())) {
                String problem = summaryProblems.get(p.name());
                return "node " + p.node() + ", " + r.stateTextProperty().get() + (problem == null ? "" : "; " + problem);
            }
        }
        return "node " + p.node();
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public ObservableList<RemoteHospitalRow> rows() { return rows; }
    public StringProperty messageProperty() { return message; }
    public StudyCoordinator coordinator() { return coordinator; }
}
