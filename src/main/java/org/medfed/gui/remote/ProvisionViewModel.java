package org.medfed.gui.remote;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.ErrorText;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.UserDialogs;
import org.medfed.network.pki.Validity;
import org.medfed.network.provision.KitLayout;
import org.medfed.network.provision.KitRequest;
import org.medfed.project.CoordinatorAddress;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;

/**
 * "Provision hospitals…": makes the study's start-up kits as {@code medfed provision} does (the same
 * {@link KitRequest}, checks and files), for the study's hospitals behind nodes, into a folder the researcher
 * chooses; then says in words which folder goes to which hospital and what must never leave (the CA key), and
 * points the study's coordinator settings at the kit's coordinator folder, so that the workbench listens with it.
 */
public final class ProvisionViewModel {

    /** The port a kit's nodes dial when the study does not say. */
    static final int DEFAULT_PORT = 7443;

    private final StudyDocument document;
    private final BackgroundTasks tasks;
    private final UserDialogs dialogs;
    private final CoordinatorSettingsViewModel settings;
    private final StringProperty study = new SimpleStringProperty("");
    private final StringProperty coordinator = new SimpleStringProperty("");
    private final StringProperty hospitals = new SimpleStringProperty("");
    private final StringProperty days = new SimpleStringProperty(String.valueOf(Validity.DEFAULT_DAYS));
    private final StringProperty folder = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty done = new SimpleBooleanProperty();
    private final ObservableList<String> instructions = FXCollections.observableArrayList();

    public ProvisionViewModel(StudyDocument document, BackgroundTasks tasks, UserDialogs dialogs,
                              CoordinatorSettingsViewModel settings) {
        this.document = document;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = settings;
    }

    /**
     * Fills the fields from the open study: its name, this computer at the study's port, the node names of its
     * hospitals behind nodes (the names their certificates must carry), and a "kit" folder beside the study.
     *
     * @param host the name or address the hospitals' computers reach this one by
     */
    public void prefill(String host) {
        Study s = document.study();
        study.set(s.name() == null ? "" : s.name());
        Integer port = s.coordinator() != null && s.coordinator().listen() != null ? s.coordinator().listen() : DEFAULT_PORT;
        coordinator.set(host + ":" + port);
        hospitals.set(String.join(", ", s.enabledParticipants().stream().filter(ParticipantEntry::isRemote)
                .map(ParticipantEntry::node).distinct().toList()));
        days.set(String.valueOf(Validity.DEFAULT_DAYS));
        Path base = document.file() != null ? document.file().toAbsolutePath().getParent() : null;
        folder.set(base == null ? "" : base.resolve("kit").toString());
        problem.set("");
        done.set(false);
        instructions.clear();
    }

    public void chooseFolder() {
        dialogs.chooseFolder("Choose an empty folder for the study's kits").ifPresent(dir -> folder.set(dir.toString()));
    }

    /** The hospitals as typed: separated by commas, spaces or new lines. */
    List<String> hospitalNames() {
        return Arrays.stream(hospitals.get().split("[,;\\s]+")).map(String::strip).filter(h -> !h.isEmpty()).toList();
    }

    /**
     * Checks the fields (a problem is said under them, naming the field) and writes the kits in the background;
     * then fills {@link #instructions()} and the study's coordinator settings.
     */
    public void make() {
        if (busy.get()) {
            return;
        }
        int d;
        try {
            d = Integer.parseInt(days.get().strip());
        } catch (NumberFormatException e) {
            problem.set("Valid for: \"" + days.get() + "\" is not a whole number of days.");
            return;
        }
        Path out = folder.get().isBlank() ? null : Path.of(folder.get().strip()).toAbsolutePath().normalize();
        List<String> names = hospitalNames();
        KitRequest request = new KitRequest(study.get().strip(), coordinator.get().strip(), names, d, out);
        var p = request.problem();
        if (p.isPresent()) {
            problem.set(switch (p.get().field()) {
                case STUDY -> "Study name: ";
                case COORDINATOR -> "Coordinator (HOST:PORT where the nodes reach this workbench): ";
                case HOSPITAL -> "Hospitals: ";
                case DAYS -> "Valid for: " + d + " days ";
                case OUT -> "Kit folder " + out + ": ";
            } + p.get().text() + ".");
            return;
        }
        problem.set("");
        busy.set(true);
        tasks.run(() -> {
            request.write(Instant.now());
            return request;
        }, written -> {
            busy.set(false);
            done.set(true);
            instructions.setAll(instructions(written));
            useCoordinatorFolder(written);
        }, e -> {
            busy.set(false);
            problem.set("The kits could not be written: " + ErrorText.plain(e));
        });
    }

    /** What to send where, and what never to send, in words. */
    static List<String> instructions(KitRequest kit) {
        List<String> out = new ArrayList<>();
        out.add("The kits of study \"" + kit.study() + "\" are in " + kit.out() + ".");
        out.add("Send each hospital its own folder, and nothing else, over a channel you trust:");
        for (String h : kit.hospitals()) {
            out.add("    " + h + ":  " + KitLayout.hospitalFolder(kit.out(), h));
        }
        out.add("Never send " + KitLayout.caFolder(kit.out()).resolve(KitLayout.CA_KEY) + " (the study's CA key) to "
                + "anyone: whoever holds it can make a certificate for any hospital of this study. Keep it with the "
                + "study's records.");
        out.add("Its IT fills in node.json (which dataset, where its file is, its policy) and starts the node; the "
                + "README in the folder says how.");
        out.add("This workbench is the coordinator: it now listens with " + KitLayout.coordinatorFolder(kit.out())
                + ", on port " + CoordinatorAddress.parse(kit.coordinator()).port()
                + " (the study's coordinator settings are filled in; save the study to keep them).");
        return out;
    }

    /** The study's coordinator settings take the kit's coordinator folder and the port its nodes dial. */
    private void useCoordinatorFolder(KitRequest kit) {
        settings.portProperty().set(String.valueOf(CoordinatorAddress.parse(kit.coordinator()).port()));
        settings.kitProperty().set(document.dataPathFor(KitLayout.coordinatorFolder(kit.out())));
        settings.apply();
    }

    public StringProperty studyProperty() { return study; }
    /** HOST:PORT where the hospitals' nodes reach this workbench (the name goes on the coordinator's certificate). */
    public StringProperty coordinatorProperty() { return coordinator; }
    public StringProperty hospitalsProperty() { return hospitals; }
    public StringProperty daysProperty() { return days; }
    public StringProperty folderProperty() { return folder; }
    /** What is wrong with the fields, or why the kits could not be written; empty when fine. */
    public StringProperty problemProperty() { return problem; }
    public BooleanProperty busyProperty() { return busy; }
    /** Whether the kits were written (the dialog then shows the instructions and closes). */
    public BooleanProperty doneProperty() { return done; }
    public ObservableList<String> instructions() { return instructions; }
}
