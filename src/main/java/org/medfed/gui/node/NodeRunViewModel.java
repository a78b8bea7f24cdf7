package org.medfed.gui.node;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.engine.BadInputException;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.ErrorText;
import org.medfed.network.node.NodeClient;
import org.medfed.node.NodeEvents;
import org.medfed.node.NodeRuntime;
import org.medfed.project.AuditEntry;
import org.medfed.project.NodeConfig;
import org.medfed.project.NodeDataset;

/**
 * Starts and stops the node from the window. Starting (opening the datasets, loading the certificates, dialling)
 * and stopping (closing the connection) run in the background; the node's events (log lines, connection changes,
 * audit entries) come from its threads and are applied on the UI thread, in order. A node the coordinator refuses
 * is stopped, as on the command line, and the refusal stays on screen in the coordinator's words.
 */
public final class NodeRunViewModel {

    static final int MAX_LOG_LINES = 500;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final NodeSettingsViewModel settings;
    private final AuditLogViewModel audit;
    private final BackgroundTasks tasks;
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.STOPPED);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper serving = new ReadOnlyStringWrapper("");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final BooleanBinding canStart;
    private final BooleanBinding canStop;
    /** Which start the events belong to: events of a node already stopped are dropped. */
    private final AtomicInteger generation = new AtomicInteger();
    private NodeRuntime runtime;
    private ScheduledExecutorService executor;
    private NodeConfig running;

    public NodeRunViewModel(NodeSettingsViewModel settings, AuditLogViewModel audit, BackgroundTasks tasks) {
        this.settings = settings;
        this.audit = audit;
        this.tasks = tasks;
        canStart = Bindings.createBooleanBinding(() -> settings.config() != null && !state.get().running()
                && state.get() != ConnectionState.STOPPING, state, settings.configProperty());
        canStop = Bindings.createBooleanBinding(() -> state.get().running(), state);
        serving.set("Not serving a study.");
    }

    /** Saves unsaved settings (the node runs what node.json says), then starts the node in the background. */
    public void start() {
        if (!canStart.get()) {
            return;
        }
        if (settings.dirtyProperty().get() && !settings.save()) {
            state.set(ConnectionState.FAILED);
            detail.set(settings.problemProperty().get());
            return;
        }
        NodeConfig config = settings.config();
        // a kit's dataset names a placeholder file until the hospital chooses its own: say where to choose it
        for (NodeDataset d : config.datasets()) {
            try {
                d.requireFilesExist();
            } catch (BadInputException e) {
                state.set(ConnectionState.FAILED);
                detail.set(ErrorText.plain(e) + ". Choose it on the Datasets tab, then start the node again.");
                line("could not start: " + ErrorText.plain(e));
                return;
            }
        }
        int mine = generation.incrementAndGet();
        running = config;
        state.set(ConnectionState.STARTING);
        detail.set("Opening the datasets and the certificates…");
        serving.set("Study '" + config.study() + "': waiting for the coordinator's first request.");
        ScheduledExecutorService pool = tasks.workers().scheduled("medfed-node", 4);
        executor = pool;
        NodeEvents events = new Events(mine);
        tasks.run(() -> NodeRuntime.start(config, tasks.workers(), pool, events), started -> {
            if (mine != generation.get()) {
                started.close(); // stopped while it was starting
                pool.shutdownNow();
                return;
            }
            runtime = started;
        }, error -> {
            pool.shutdownNow();
            if (mine == generation.get()) {
                executor = null;
                state.set(ConnectionState.FAILED);
                detail.set(ErrorText.plain(error));
                serving.set("Not serving a study.");
                line("could not start: " + ErrorText.plain(error));
            }
        });
    }

    /** Leaves the study: closes the connection in the background. */
    public void stop() {
        if (!canStop.get()) {
            return;
        }
        stop(ConnectionState.STOPPED, "The node is stopped; the coordinator no longer reaches this computer.");
    }

    private void stop(ConnectionState after, String why) {
        generation.incrementAndGet();
        NodeRuntime r = runtime;
        ScheduledExecutorService pool = executor;
        runtime = null;
        executor = null;
        if (after == ConnectionState.STOPPED) {
            state.set(ConnectionState.STOPPING);
            detail.set("Closing the connection…");
        }
        tasks.run(() -> {
            if (r != null) {
                r.close();
            }
            if (pool != null) {
                pool.shutdownNow();
            }
            return null;
        }, done -> {
            if (state.get() == ConnectionState.STOPPING || after != ConnectionState.STOPPED) {
                state.set(after);
                detail.set(why);
            }
            serving.set("Not serving a study.");
            line(after == ConnectionState.STOPPED ? "stopped" : "stopped: " + why);
        }, error -> {
            state.set(ConnectionState.STOPPED);
            detail.set(ErrorText.plain(error));
        });
    }

    /** For closing the window: stops the node and waits until it has let go of its connection and files. */
    public void stopAndWait() {
        generation.incrementAndGet();
        if (runtime != null) {
            runtime.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        runtime = null;
        executor = null;
    }

    /** The node's events, moved to the UI thread; a stopped node's late events are dropped there. */
    private final class Events implements NodeEvents {
        private final int mine;

        Events(int mine) {
            this.mine = mine;
        }

        @Override
        public void log(String line) {
            tasks.ui().execute(() -> {
                if (mine == generation.get()) {
                    line(line);
                }
            });
        }

        @Override
        public void status(NodeClient.Status status) {
            tasks.ui().execute(() -> {
                if (mine == generation.get()) {
                    changed(status);
                }
            });
        }

        @Override
        public void audited(AuditEntry entry) {
            tasks.ui().execute(() -> {
                if (mine == generation.get()) {
                    served(entry);
                }
            });
        }
    }

    private void changed(NodeClient.Status s) {
        String where = running.coordinator().toString();
        switch (s.state()) {
            case CONNECTING -> {
                if (s.detail() == null) {
                    state.set(ConnectionState.CONNECTING);
                    detail.set("Dialling the coordinator at " + where + "…");
                } else if (state.get() == ConnectionState.CONNECTED) {
                    state.set(ConnectionState.LOST);
                    detail.set(capitalise(s.detail()) + ". Dialling again, with growing pauses.");
                } else {
                    state.set(ConnectionState.UNREACHABLE);
                    detail.set(capitalise(s.detail()) + ". Trying again, with growing pauses.");
                }
            }
            case CONNECTED -> {
                state.set(ConnectionState.CONNECTED);
                detail.set("Connected to the coordinator at " + where + " for study '" + running.study() + "'.");
            }
            case REFUSED -> {
                String why = "The coordinator refused this node: " + s.detail();
                state.set(ConnectionState.REFUSED);
                detail.set(why);
                // retrying would not help: stopped, as on the command line; the reason stays on screen
                stop(ConnectionState.REFUSED, why);
            }
            case CLOSED -> { }
        }
    }

    private void served(AuditEntry e) {
        audit.add(e);
        String time = LocalTime.ofInstant(e.time(), ZoneId.systemDefault()).format(CLOCK);
        serving.set("Study '" + e.study() + "'" + (e.round() > 0 ? ", round " + e.round() : ", preparing")
                + "; last request " + e.procedure() + (e.dataset() == null ? "" : " on '" + e.dataset() + "'")
                + " at " + time + " (" + e.outcome().id() + ").");
    }

    private void line(String text) {
        log.add(LocalTime.now().format(CLOCK) + "  " + text);
        if (log.size() > MAX_LOG_LINES) {
            log.remove(0, log.size() - MAX_LOG_LINES);
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() { return state.getReadOnlyProperty(); }
    /** The state in words: where it dials, why it cannot, the refusal. */
    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }
    /** The study and round being served, and the last request. */
    public ReadOnlyStringProperty servingProperty() { return serving.getReadOnlyProperty(); }
    public ObservableList<String> log() { return log; }
    public BooleanBinding canStartProperty() { return canStart; }
    public BooleanBinding canStopProperty() { return canStop; }
}
