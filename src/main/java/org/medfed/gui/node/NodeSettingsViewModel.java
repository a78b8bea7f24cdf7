package org.medfed.gui.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.medfed.engine.BadInputException;
import org.medfed.gui.common.ErrorText;
import org.medfed.gui.common.UserDialogs;
import org.medfed.network.provision.KitLayout;
import org.medfed.project.NodeConfig;
import org.medfed.project.NodeConfigFile;
import org.medfed.project.NodeDataset;
import org.medfed.project.NodePolicySection;

/**
 * The node's settings as the window edits them: the {@code node.json} of the hospital's start-up kit, opened
 * (or imported with its kit folder), changed by the Datasets and Policy parts, and saved atomically. A file that
 * does not load is reported in the words of its check (file, field, what was expected), never half-shown.
 */
public final class NodeSettingsViewModel {

    private final UserDialogs dialogs;
    private final ReadOnlyObjectWrapper<NodeConfig> config = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<KitIdentity> identity = new ReadOnlyObjectWrapper<>();

    public NodeSettingsViewModel(UserDialogs dialogs) {
        this.dialogs = dialogs;
    }

    /** Asks for the hospital's kit folder (from {@code medfed provision}) and imports it. */
    public void importKitFromDialog() {
        dialogs.chooseFolder("Choose your hospital's start-up kit folder (it holds node.json, node.crt, node.key "
                + "and ca.crt)").ifPresent(this::importKit);
    }

    /**
     * Imports a start-up kit: the hospital's own folder of the kit, whose {@code node.json} names the node, the
     * study, the coordinator and the certificate files. The whole kit, or the coordinator's part, is explained
     * rather than half-read.
     */
    public boolean importKit(Path folder) {
        Path nodeJson = folder.resolve(KitLayout.NODE_CONFIG);
        if (!Files.isRegularFile(nodeJson)) {
            String why;
            if (Files.isDirectory(folder.resolve(KitLayout.HOSPITALS_DIR))) {
                why = folder + " is the whole study kit. Choose your own hospital's folder inside it: "
                        + KitLayout.HOSPITALS_DIR + "/<your hospital>/ (the researcher sends each hospital only "
                        + "that folder).";
            } else if (Files.isRegularFile(folder.resolve(KitLayout.COORDINATOR_KEY))) {
                why = folder + " is the coordinator's part of the kit, which stays with the researcher. Choose the "
                        + "folder the researcher sent your hospital.";
            } else {
                why = folder + " is not a hospital's start-up kit: it has no " + KitLayout.NODE_CONFIG + ". The kit "
                        + "folder holds node.json, node.crt, node.key and ca.crt.";
            }
            fail(why);
            return false;
        }
        return open(nodeJson);
    }

    /** Opens a {@code node.json}; false, with the reason in {@link #problemProperty()}, when it does not load. */
    public boolean open(Path nodeJson) {
        NodeConfig read;
        try {
            read = NodeConfigFile.read(nodeJson.toAbsolutePath().normalize());
        } catch (BadInputException e) {
            fail(ErrorText.plain(e));
            return false;
        }
        config.set(read);
        identity.set(KitIdentity.of(read));
        dirty.set(false);
        problem.set("");
        message.set("Opened " + read.file());
        return true;
    }

    private void fail(String why) {
        problem.set(why);
        message.set("");
    }

    /** Applies a change of the Datasets or Policy part. */
    void edit(UnaryOperator<NodeConfig> change) {
        NodeConfig current = config.get();
        if (current == null) {
            return;
        }
        NodeConfig next = change.apply(current);
        if (!next.equals(current)) {
            config.set(next);
            dirty.set(true);
            message.set("");
        }
    }

    void setDatasets(List<NodeDataset> datasets) {
        edit(c -> new NodeConfig(c.file(), c.node(), c.study(), c.coordinator(), c.certificate(), c.key(), c.ca(),
                datasets, c.policy(), c.auditLog(), c.stateFolder()));
    }

    void setPolicy(NodePolicySection policy) {
        edit(c -> new NodeConfig(c.file(), c.node(), c.study(), c.coordinator(), c.certificate(), c.key(), c.ca(),
                c.datasets(), policy, c.auditLog(), c.stateFolder()));
    }

    /** Saves to the opened {@code node.json}, atomically; false, with the reason, when the settings cannot load. */
    public boolean save() {
        NodeConfig current = config.get();
        if (current == null) {
            return false;
        }
        try {
            config.set(NodeConfigFile.save(current));
        } catch (BadInputException e) {
            fail("Not saved: " + ErrorText.plain(e));
            return false;
        }
        dirty.set(false);
        problem.set("");
        message.set("Saved " + current.file());
        return true;
    }

    /** Whether the window may close: unsaved changes are saved, dropped or kept open as the user says. */
    public boolean confirmClose() {
        if (!dirty.get()) {
            return true;
        }
        return switch (dialogs.askUnsavedChanges(config.get().file().getFileName().toString())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    public NodeConfig config() {
        return config.get();
    }

    public ReadOnlyObjectProperty<NodeConfig> configProperty() { return config.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    /** Why the last open, import or save did not work, in words; empty when it did. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<KitIdentity> identityProperty() { return identity.getReadOnlyProperty(); }
}
