package org.medfed.gui.node;

import java.nio.file.Path;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.UserDialogs;

/**
 * Wires the hospital node's window: its settings, datasets, policy, run and audit log view-models over one
 * background executor and one set of dialogs. The application and the TestFX tests build it the same way.
 */
public final class NodeWindow {

    private final NodeSettingsViewModel settings;
    private final DatasetsViewModel datasets;
    private final PolicyViewModel policy;
    private final AuditLogViewModel audit;
    private final NodeRunViewModel run;

    public NodeWindow(BackgroundTasks tasks, UserDialogs dialogs) {
        settings = new NodeSettingsViewModel(dialogs);
        datasets = new DatasetsViewModel(settings, tasks, dialogs);
        policy = new PolicyViewModel(settings);
        audit = new AuditLogViewModel(settings, tasks, dialogs);
        run = new NodeRunViewModel(settings, audit, tasks);
    }

    /** Imports a kit chosen by the user; a running node keeps running on the settings it started with. */
    public void importKit() {
        if (settings.confirmClose()) {
            settings.importKitFromDialog();
        }
    }

    /** Opens {@code node.json} (from {@code medfed node --gui --config FILE}) or a kit folder. */
    public boolean open(Path nodeJsonOrKit) {
        return java.nio.file.Files.isDirectory(nodeJsonOrKit) ? settings.importKit(nodeJsonOrKit)
                : settings.open(nodeJsonOrKit);
    }

    /** Whether the window may close: unsaved settings handled, then the node stopped. */
    public boolean close() {
        if (!settings.confirmClose()) {
            return false;
        }
        run.stopAndWait();
        return true;
    }

    public NodeSettingsViewModel settings() { return settings; }
    public DatasetsViewModel datasets() { return datasets; }
    public PolicyViewModel policy() { return policy; }
    public AuditLogViewModel audit() { return audit; }
    public NodeRunViewModel run() { return run; }
}
