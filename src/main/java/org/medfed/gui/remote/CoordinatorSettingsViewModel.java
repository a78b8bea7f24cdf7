package org.medfed.gui.remote;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.medfed.engine.BadInputException;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.UserDialogs;
import org.medfed.project.CoordinatorSection;
import org.medfed.project.Study;
import org.medfed.study.MultiSiteStudy;

/**
 * Where the workbench listens for the hospitals' nodes, kept in the study file's {@code coordinator} section: the
 * port the nodes dial (the one given to {@code medfed provision --coordinator HOST:PORT}), the address to listen
 * on, and the coordinator's folder of the provisioned kit. Applying valid settings makes the coordinator listen.
 */
public final class CoordinatorSettingsViewModel {

    private final StudyDocument document;
    private final UserDialogs dialogs;
    private final StudyCoordinator coordinator;
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty bind = new SimpleStringProperty("");
    private final StringProperty kit = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanBinding shown;

    public CoordinatorSettingsViewModel(StudyDocument document, UserDialogs dialogs, StudyCoordinator coordinator) {
        this.document = document;
        this.dialogs = dialogs;
        this.coordinator = coordinator;
        shown = Bindings.createBooleanBinding(() -> MultiSiteStudy.isMultiSite(document.study()) 
                || document.study().participants().stream().anyMatch(p -> p.isRemote()), document.studyProperty());
        document.studyProperty().addListener((obs, was, is) -> {
            if (was == null || !java.util.Objects.equals(was.coordinator(), is.coordinator())) {
                show(is);
            }
        });
        show(document.study());
    }

    private void show(Study study) {
        CoordinatorSection c = study.coordinator();
        port.set(c == null || c.listen() == null ? "" : String.valueOf(c.listen()));
        bind.set(c == null || c.bind() == null ? "" : c.bind());
        kit.set(c == null || c.tls() == null ? "" : c.tls());
    }

    /** Lets the researcher pick the coordinator's folder of the kit (the one holding coordinator.crt). */
    public void chooseKit() {
        dialogs.chooseFolder("Choose the coordinator's folder of the study kit (it holds coordinator.crt)")
                .ifPresent(dir -> {
                    kit.set(document.dataPathFor(dir));
                    apply();
                });
    }

    /** Checks the fields and writes them into the study; the coordinator then listens there. */
    public boolean apply() {
        String p = port.get() == null ? "" : port.get().strip();
        Integer listen = null;
        if (!p.isEmpty()) {
            try {
                listen = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                message.set("The port is a whole number between 1 and 65535 (the one the hospitals' kits dial), "
                        + "not \"" + p + "\".");
                return false;
            }
        }
        CoordinatorSection section;
        try {
            section = new CoordinatorSection(listen, bind.get(), kit.get());
        } catch (BadInputException e) {
            message.set("The port must be between 1 and 65535, was " + p + ".");
            return false;
        }
        boolean empty = section.listen() == null && section.bind() == null && section.tls() == null;
        message.set(section.listen() == null ? "Give the port the hospitals' nodes dial, so that the workbench "
                + "listens for them." : "");
        document.edit(s -> s.withCoordinator(empty ? null : section));
        return section.listen() != null;
    }

    /** Listens again with the settings as they are: after fixing the kit folder's files, or a busy port freed. */
    public void listenAgain() {
        if (apply()) {
            coordinator.listen();
        }
    }

    /** The kit folder as the workbench will read it. */
    public Path kitFolder() {
        Study s = document.study();
        return (s.coordinator() != null ? s.coordinator() : new CoordinatorSection(null, null, null))
                .tlsFolder(document.base());
    }

    public StringProperty portProperty() { return port; }
    public StringProperty bindProperty() { return bind; }
    public StringProperty kitProperty() { return kit; }
    public StringProperty messageProperty() { return message; }
    /** Whether the study has hospitals behind nodes, so the settings matter. */
    public BooleanBinding shownProperty() { return shown; }
    public StringProperty statusProperty() { return coordinator.statusProperty(); }
}
