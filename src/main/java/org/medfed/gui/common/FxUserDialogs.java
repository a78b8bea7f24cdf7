package org.medfed.gui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real dialogs: owned by the main window (so they never open behind it) and worded for clinicians. */
public final class FxUserDialogs implements UserDialogs {

    private final Supplier<Window> owner;
    private File lastFolder;
    private javafx.stage.Stage help;
    private final Label helpText = new Label();

    public FxUserDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public UnsavedChoice askUnsavedChanges(String studyName) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, cancel);
        alert.initOwner(owner.get());
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the changes to \"" + studyName + "\"?");
        alert.setContentText("If you don't save, your changes since the last save are lost.");
        alert.getDialogPane().setId("unsaved-dialog");
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? UnsavedChoice.SAVE : answer == discard ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    @Override
    public boolean confirm(String title, String question, String detail, String yes, String no) {
        ButtonType ok = new ButtonType(yes, ButtonBar.ButtonData.YES);
        ButtonType keep = new ButtonType(no, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", ok, keep);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(question);
        alert.getDialogPane().setContent(wrapped(detail));
        alert.getDialogPane().setId("confirm-dialog");
        // the safe answer is the default: Enter keeps the run going
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ok)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        return alert.showAndWait().orElse(keep) == ok;
    }

    @Override
    public Optional<String> chooseOne(String title, String question, String detail, List<String> choices,
                                      String preselected) {
        javafx.scene.control.ComboBox<String> box = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(choices));
        box.setId("choice-box");
        box.getSelectionModel().select(preselected);
        javafx.scene.control.Dialog<String> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(question);
        dialog.getDialogPane().setId("choice-dialog");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(new VBox(10, wrapped(detail), box));
        dialog.setResultConverter(b -> b == ButtonType.OK ? box.getValue() : null);
        return dialog.showAndWait();
    }

    @Override
    public void showError(String title, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label text = wrapped(ErrorText.plain(error));
        text.setId("error-message");
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setId("error-dialog");
        if (ErrorText.isBug(error)) {
            TextArea trace = new TextArea(ErrorText.details(error));
            trace.setEditable(false);
            trace.setPrefRowCount(14);
            VBox.setVgrow(trace, Priority.ALWAYS);
            alert.getDialogPane().setExpandableContent(new VBox(trace));
        }
        alert.showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setContent(wrapped(message));
        alert.showAndWait();
    }

    @Override
    public void showHelp(String title, String text) {
        if (help == null) {
            helpText.setWrapText(true);
            helpText.setId("help-text");
            helpText.setPadding(new javafx.geometry.Insets(14));
            helpText.setMaxWidth(520);
            javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(helpText);
            scroll.setFitToWidth(true);
            help = new javafx.stage.Stage();
            help.initOwner(owner.get());
            help.setScene(new javafx.scene.Scene(scroll, 560, 480));
        }
        help.setTitle(title);
        helpText.setText(text);
        help.show();
        help.toFront();
    }

    @Override
    public Optional<Path> chooseStudyToOpen() {
        FileChooser chooser = chooser("Open a study");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MedFed studies (*.json)", "*.json"));
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseStudySaveLocation(String suggestedName) {
        FileChooser chooser = chooser("Save the study as");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MedFed studies (*.json)", "*.json"));
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public List<Path> chooseDataFiles() {
        FileChooser chooser = chooser("Choose the hospital's data file");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Tables (*.csv, *.tsv, *.txt, *.data)", "*.csv", "*.tsv", "*.txt",
                        "*.data", "*.dat"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        List<File> files = chooser.showOpenMultipleDialog(owner.get());
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        lastFolder = files.get(0).getParentFile();
        return files.stream().map(File::toPath).toList();
    }

    @Override
    public List<Path> chooseGenotypeFiles() {
        FileChooser chooser = chooser("Choose the hospital's VCF file and phenotype sheet");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Genotypes and phenotype sheets (*.vcf, *.vcf.gz, *.bcf, *.csv)",
                        "*.vcf", "*.vcf.gz", "*.vcf.bgz", "*.bcf", "*.csv", "*.tsv"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        List<File> files = chooser.showOpenMultipleDialog(owner.get());
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        lastFolder = files.get(0).getParentFile();
        return files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseTableFile(String title) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Tables (*.csv, *.tsv, *.txt, *.data)", "*.csv", "*.tsv", "*.txt",
                        "*.data", "*.dat"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File dir = chooser.showDialog(owner.get());
        if (dir != null) {
            lastFolder = dir;
        }
        return Optional.ofNullable(dir).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String extension) {
        FileChooser chooser = chooser(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase() + " (*." + extension + ")",
                "*." + extension));
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner.get()));
    }

    /**
     * A dialog's text, wrapped at a readable width: a wrapping label still asks for its whole text on one line, and
     * a long message then stretched the dialog across the screen.
     */
    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setPrefWidth(520);
        label.setMaxWidth(520);
        label.setMinHeight(Label.USE_PREF_SIZE);
        return label;
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        return chooser;
    }

    private Optional<Path> remember(File f) {
        if (f != null) {
            lastFolder = f.getParentFile();
        }
        return Optional.ofNullable(f).map(File::toPath);
    }
}
