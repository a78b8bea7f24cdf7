package org.medfed.gui.remote;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.ErrorText;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.run.NodeRuns;
import org.medfed.network.coordinator.CoordinatorServer;
import org.medfed.network.coordinator.NodeLink;
import org.medfed.network.coordinator.NodeRegistry;
import org.medfed.project.Study;
import org.medfed.study.CoordinatorListening;
import org.medfed.study.MultiSiteStudy;
import org.medfed.study.PreparedStudy;

/**
 * The workbench's coordinator: while a study with hospitals behind nodes is open and its coordinator settings are
 * complete, it listens for the nodes, so that the Participants screen shows them connecting before a run, and a
 * run uses the nodes already connected. It accepts any node certified by the study's CA (the hospitals of the
 * study can change while it listens); a run then uses only the nodes its hospitals name. Connection changes
 * arrive on gRPC threads and are applied on the UI thread.
 */
public final class StudyCoordinator implements NodeRuns, AutoCloseable {

    /** What is known of a node since listening started. */
    public record Seen(NodeState state, String reason, Instant changed) {
    }

    /** How long a run waits for nodes that are not connected yet. */
    static final Duration RUN_WAIT = Duration.ofSeconds(60);

    private final StudyDocument document;
    private final BackgroundTasks tasks;
    private final BooleanProperty listening = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    /** Bumped on every change a row may show: views refresh on it. */
    private final IntegerProperty changes = new SimpleIntegerProperty();
    private final Map<String, Seen> seen = new HashMap<>();
    /** Per node, its drop-outs and rejoins during the last run, in order ("13:02:11 dropped out"). */
    private final Map<String, List<String>> timeline = new HashMap<>();
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    // volatile: set on the FX thread, read by a run's thread in prepare
    private volatile CoordinatorServer server;
    /** The status's text for a run's thread, which may not read the property the screen is bound to. */
    private volatile String statusText = "";
    private ExecutorService executor;
    private volatile Consumer<String> runLog;
    private volatile boolean running;
    private boolean ranOnce;
    private int attempt;
    private boolean starting;
    private String tried;

    public StudyCoordinator(StudyDocument document, BackgroundTasks tasks) {
        this.document = document;
        this.tasks = tasks;
        document.studyProperty().addListener((obs, was, is) -> followStudy(is));
        document.fileProperty().addListener((obs, was, is) -> followStudy(document.study()));
        followStudy(document.study());
    }

    /**
     * Listens when the study has hospitals behind nodes and says where; stops when it has none. A change of where
     * to listen (port, address, kit) starts listening again there.
     */
    private void followStudy(Study is) {
        boolean wanted = MultiSiteStudy.isMultiSite(is) && is.coordinator() != null && is.coordinator().listen() != null;
        if (!wanted) {
            if (server != null) {
                stopListening();
            }
            tried = null;
            say(MultiSiteStudy.isMultiSite(is) ? "Not listening for the hospitals' nodes: set the port and "
                    + "the coordinator's kit folder (Coordinator settings)." : "");
            return;
        }
        // once per place: a failed attempt is not repeated at every edit, only when the place changes or on Listen
        if (!where(is).equals(tried)) {
            listen();
        }
    }

    /** Starts listening (again) with the study's coordinator settings, in the background. */
    public void listen() {
        if (running) {
            return; // a run holds the nodes; settings apply after it
        }
        Study study = document.study();
        if (starting && where(study).equals(tried)) {
            return; // already starting there: a second server would find the port taken
        }
        stopListening();
        Path base = document.base();
        tried = where(study);
        starting = true;
        int thisAttempt = ++attempt;
        say("Starting to listen on port " + study.coordinator().listen() + "…");
        ExecutorService calls = tasks.workers().pool("workbench-coordinator");
        tasks.run(() -> CoordinatorListening.start(study.coordinator(), base, List.of(), calls), started -> {
            starting = false;
            if (thisAttempt != attempt) {
                started.close();
                calls.shutdownNow();
                return;
            }
            server = started;
            executor = calls;
            seen.clear();
            started.nodes().onChange(c -> tasks.ui().execute(() -> changed(started, c)));
            listening.set(true);
            say("Listening on port " + started.port() + " for the hospitals' nodes.");
            changed();
        }, e -> {
            starting = false;
            calls.shutdownNow();
            if (thisAttempt == attempt) {
                say("Not listening for the hospitals' nodes: " + ErrorText.plain(e));
                changed();
            }
        });
    }

    private String where(Study study) {
        var c = study.coordinator();
        return c.listen() + "|" + c.bindAddress() + "|" + c.tlsFolder(document.base()).normalize();
    }

    /** Stops listening: connected nodes are told the coordinator stopped, and keep trying to reconnect. */
    public void stopListening() {
        attempt++;
        if (server != null) {
            CoordinatorServer s = server;
            ExecutorService e = executor;
            server = null;
            executor = null;
            listening.set(false);
            // closing waits for the server's threads: not on the UI thread
            tasks.run(() -> {
                s.close();
                e.shutdownNow();
                return null;
            }, x -> { }, x -> { });
        }
        seen.clear();
        changed();
    }

    private void changed(CoordinatorServer from, NodeRegistry.Change c) {
        if (from != server) {
            return;
        }
        NodeState state = switch (c.kind()) {
            case CONNECTED -> NodeState.CONNECTED;
            case LOST -> NodeState.LOST;
            case REFUSED -> NodeState.REFUSED;
            case CANNOT_SERVE -> NodeState.CANNOT_SERVE;
        };
        seen.put(c.node(), new Seen(state, c.reason(), Instant.now()));
        if (running) {
            String at = java.time.LocalTime.now().format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss"));
            timeline.computeIfAbsent(c.node(), n -> new java.util.ArrayList<>()).add(at + " " + switch (c.kind()) {
                case CONNECTED -> "back";
                case LOST -> "lost";
                case REFUSED -> "refused";
                case CANNOT_SERVE -> "cannot serve";
            });
        }
        Consumer<String> log = runLog;
        if (log != null) {
            log.accept(switch (c.kind()) {
                case CONNECTED -> "Node " + c.node() + " connected" + (running ? ": it takes part again from the next round." : ".");
                case LOST -> "Node " + c.node() + " dropped out: " + c.reason() + ". The round goes on without it.";
                case REFUSED -> "Node " + c.node() + " was refused: " + c.reason() + ".";
                case CANNOT_SERVE -> "Node " + c.node() + " cannot take part: " + c.reason() + ".";
            });
        }
        changed();
    }

    private void changed() {
        changes.set(changes.get() + 1);
        listeners.forEach(Runnable::run);
    }

    /** Called on every change of a node or of listening, on the UI thread. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** The state of {@code node} now. */
    public Seen state(String node) {
        if (server == null) {
            return new Seen(NodeState.NOT_LISTENING, status.get(), null);
        }
        Optional<NodeLink> link = server.nodes().link(node);
        Seen last = seen.get(node);
        if (link.isPresent()) {
            return new Seen(running ? NodeState.TRAINING : NodeState.CONNECTED, "",
                    last == null ? null : last.changed());
        }
        if (last == null || last.state() == NodeState.CONNECTED) {
            return new Seen(NodeState.WAITING, "", null);
        }
        return last;
    }

    /**
     * {@code node}'s drop-outs and rejoins during the run under way or the last one, with their times ("13:02:11
     * lost · 13:02:20 back");
     * empty before any run.
     */
    public String timeline(String node) {
        List<String> events = timeline.get(node);
        if (events == null || events.isEmpty()) {
            return running || ranOnce ? "no drop-out" : "";
        }
        return String.join(" · ", events);
    }

    /** The open connection of {@code node}, for its heartbeat, version and traffic. */
    public Optional<NodeLink> link(String node) {
        return server == null ? Optional.empty() : server.nodes().link(node);
    }

    /** The connected nodes' registry, for asking them questions; empty when not listening. */
    public Optional<NodeRegistry> registry() {
        return server == null ? Optional.empty() : Optional.of(server.nodes());
    }

    /**
     * Prepares a run of {@code study} through the nodes (waiting up to a minute for those not connected yet);
     * while the run lasts connection changes go to {@code log}. Called on the run's thread.
     *
     * @param run identifies the run (its folder), so that a resumed run finds the state its nodes kept
     */
    @Override
    public PreparedStudy prepare(Study study, Path base, String run, Consumer<String> log) {
        CoordinatorServer s = server;
        if (s == null) {
            throw new org.medfed.engine.BadInputException(base, null, "the workbench is not listening for the "
                    + "hospitals' nodes: " + statusText);
        }
        runLog = log;
        running = true;
        tasks.ui().execute(() -> {
            timeline.clear(); // from this run on
            changed();
        });
        // a mixed study: the hospitals with their table here take part as their node would
        return MultiSiteStudy.prepare(tasks.workers(), study, base, s.nodes(), RUN_WAIT, run, log,
                org.medfed.node.LocalHospitals.of(study, base));
    }

    /** The run through the nodes ended: the nodes are no longer training, changes are no longer logged. */
    @Override
    public void runEnded() {
        running = false;
        tasks.ui().execute(() -> ranOnce = true);
        runLog = null;
        tasks.ui().execute(this::changed);
    }

    public boolean isRunning() {
        return running;
    }

    public BooleanProperty listeningProperty() { return listening; }
    public StringProperty statusProperty() { return status; }
    public IntegerProperty changesProperty() { return changes; }
    public int port() { return server == null ? -1 : server.port(); }

    private void say(String text) {
        statusText = text;
        status.set(text);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            executor.shutdownNow();
            server = null;
        }
    }
}
