package org.medfed.gui.participants.importing;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.medfed.gui.common.FormRows;
import org.medfed.gui.common.WrappedTooltip;

/** The 'Import options' tab: the options on the left, the file read with them on the right. Thin. */
public final class ImportOptionsView {

    private final ImportOptionsViewModel vm;
    private final HBox root;
    private final TableView<String[]> preview = new TableView<>();

    public ImportOptionsView(ImportOptionsViewModel vm) {
        this.vm = vm;
        Label title = new Label();
        title.setId("import-title");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.textProperty().bind(vm.titleProperty());

        GridPane form = FormRows.grid();
        int row = 0;
        row = FormRows.choice(form, row, "import-separator", "Separator", vm.separatorProperty(),
                ImportOptionsViewModel.SEPARATORS, v -> switch (v) {
                    case "," -> ", (comma)";
                    case ";" -> "; (semicolon)";
                    case "tab" -> "tab";
                    case "|" -> "| (bar)";
                    default -> v;
                }, "what separates the values of a row; European spreadsheets often export ';'");
        CheckBox comma = new CheckBox("Numbers use a decimal comma (3,5 means 3.5)");
        comma.setId("import-decimal-comma");
        comma.setWrapText(true);
        comma.selectedProperty().bindBidirectional(vm.decimalCommaProperty());
        row = FormRows.place(form, row, "Decimal comma", comma, "usually with ';' as the separator");
        row = FormRows.choice(form, row, "import-header", "Header row", vm.headerProperty(),
                ImportOptionsViewModel.HEADERS, v -> switch (v) {
                    case "auto" -> "decide from the file";
                    case "yes" -> "the first row names the columns";
                    case "no" -> "no header: the first row is a patient";
                    default -> v;
                }, "whether the first row holds the column names");
        TextField names = new TextField();
        names.setId("import-column-names");
        names.textProperty().bindBidirectional(vm.columnNamesProperty());
        names.setPromptText("age, sex, …");
        // a menu, not a choice: taking the names is an action, and a combo box keeps its last pick, so picking the
        // same hospital for the next file did nothing
        MenuButton from = new MenuButton("Take another hospital's");
        from.setId("import-names-from");
        from.setTooltip(new WrappedTooltip("Name this file's columns as another hospital's file names them"));
        from.disableProperty().bind(Bindings.isEmpty(vm.namesFrom()));
        vm.namesFrom().addListener((ListChangeListener<String>) c -> hospitalsOf(from));
        hospitalsOf(from);
        HBox namesRow = new HBox(6, names, from);
        HBox.setHgrow(names, Priority.ALWAYS);
        row = FormRows.place(form, row, "Column names", namesRow,
                "for a file without a header row: the names, in order, separated by commas");
        row = FormRows.choice(form, row, "import-encoding", "Encoding", vm.encodingProperty(),
                ImportOptionsViewModel.ENCODINGS, "the file's text encoding; older Excel exports are often windows-1252");
        TextField missing = new TextField();
        missing.setId("import-missing");
        missing.textProperty().bindBidirectional(vm.missingProperty());
        row = FormRows.place(form, row, "Missing values", missing,
                "the texts that mean 'not recorded', separated by commas; " + ImportOptionsViewModel.EMPTY
                        + " is an empty cell");
        FormRows.choice(form, row, "import-quote", "Quote character", vm.quoteProperty(), ImportOptionsViewModel.QUOTES,
                v -> v.equals("none") ? "none (quotes are text)" : v,
                "values that contain the separator are put between these");
        form.disableProperty().bind(vm.availableProperty().not());

        Label message = new Label();
        message.setId("import-message");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());

        VBox left = new VBox(8, title, form, message);
        left.setPadding(new Insets(0, 8, 0, 0));
        // scrolls rather than cutting the help lines short when the pane below the hospitals is low
        ScrollPane options = new ScrollPane(left);
        options.setFitToWidth(true);
        options.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        options.getStyleClass().add("edge-to-edge");
        options.setMinWidth(430);
        options.setPrefWidth(570);

        Label status = new Label();
        status.setId("import-preview-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.previewStatusProperty());
        preview.setId("import-preview");
        preview.setPlaceholder(new Label(""));
        vm.previewColumns().addListener((ListChangeListener<String>) c -> fill());
        vm.previewRows().addListener((ListChangeListener<String[]>) c -> fill());
        VBox right = new VBox(6, new Label("The file read with these options:"), status, preview);
        VBox.setVgrow(preview, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        // the preview takes what the options leave: a wide file's table would otherwise squeeze them
        right.setPrefWidth(400);

        root = new HBox(16, options, right);
        root.setAlignment(Pos.TOP_LEFT);
        root.setPadding(new Insets(8, 12, 12, 12));
        fill();
    }

    public Parent root() {
        return root;
    }

    private void hospitalsOf(MenuButton from) {
        from.getItems().setAll(vm.namesFrom().stream().map(name -> {
            MenuItem item = new MenuItem(name);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.copyColumnNamesFrom(name));
            return item;
        }).toList());
    }

    private void fill() {
        org.medfed.gui.participants.RowsGrid.fill(preview, vm.previewColumns(), vm.previewRows());
    }
}
