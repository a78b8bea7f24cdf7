package org.medfed.gui.participants;

import org.medfed.attack.AttackCatalog;
import java.io.File;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.medfed.data.tabular.SchemaProblem;
import org.medfed.gui.common.FindHospitalField;
import org.medfed.gui.common.NumberFields;
import org.medfed.gui.common.WrappedTooltip;

/** The Participants screen. Thin: every edit goes to the view-model. */
public final class ParticipantsView {

    private final ParticipantsViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TableView<ParticipantRow> table = new TableView<>();
    private final javafx.scene.control.TabPane tabs = new javafx.scene.control.TabPane();
    private final HBox buttons = new HBox(8);
    private final VBox top = new VBox(6);

    public ParticipantsView(ParticipantsViewModel vm) {
        this(vm, java.util.Map.of());
    }

    /**
     * @param previews the pane that shows the chosen hospital's data for each kind of data other than a table (image
     *                 thumbnails, genotype quality control); a kind without one shows just the hospital's files
     */
    public ParticipantsView(ParticipantsViewModel vm, java.util.Map<org.medfed.gui.common.DataKind, ? extends javafx.scene.Node> previews) {
        this.vm = vm;
        root.getStyleClass().add("screen");
        root.getStylesheets().add(ParticipantsView.class.getResource("participants.css").toExternalForm());
        root.setTop(toolbar());
        java.util.Map<org.medfed.gui.common.DataKind, javafx.scene.Node> byKind = new java.util.EnumMap<>(org.medfed.gui.common.DataKind.class);
        byKind.putAll(previews);
        byKind.put(org.medfed.gui.common.DataKind.TABLE, tableTabs());
        SplitPane split = new SplitPane(hospitals(),
                new org.medfed.gui.common.ViewSwitch<>(vm.kindProperty(), byKind, filesOnly()).root());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        root.setCenter(split);
    }

    public Parent root() {
        return root;
    }

    private VBox toolbar() {
        Button add = new Button("Add hospitals…");
        add.setId("participants-add");
        add.getStyleClass().add("primary");
        add.setTooltip(new WrappedTooltip("Choose CSV files: each becomes a hospital. You can also drop files on the table."));
        add.setOnAction(e -> vm.addHospitalsFromDialog());
        Button choose = new Button("Choose data file…");
        choose.setId("participants-choose");
        choose.setTooltip(new WrappedTooltip("Choose the data file of the selected hospital (or drop a file on its row)"));
        choose.setOnAction(e -> vm.chooseFilesFor(vm.selectedProperty().get()));
        choose.disableProperty().bind(vm.selectedProperty().lessThan(0));
        Button rename = new Button("Rename");
        rename.setId("participants-rename");
        rename.setOnAction(e -> {
            int i = vm.selectedProperty().get();
            if (i >= 0) {
                table.edit(i, table.getColumns().get(1));
            }
        });
        rename.disableProperty().bind(vm.selectedProperty().lessThan(0));
        Button remove = new Button("Remove");
        remove.setId("participants-remove");
        remove.setOnAction(e -> vm.remove(vm.selectedProperty().get()));
        remove.disableProperty().bind(vm.selectedProperty().lessThan(0));
        Label busy = new Label("Reading files…");
        busy.visibleProperty().bind(vm.busyProperty());
        busy.getStyleClass().add("muted");
        for (Button b : List.of(add, choose, rename, remove)) {
            b.setMinWidth(Region.USE_PREF_SIZE); // the find field's words give way first, the buttons keep theirs
        }
        buttons.getChildren().setAll(add, choose, rename, remove, busy, FindHospitalField.of("participants-find",
                this::findAndShow, vm.findStatusProperty(), vm.manyHospitals()));
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("participants-message");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Label notice = new Label();
        notice.setId("participants-notice");
        notice.getStyleClass().add("notice-text");
        // "Removed X — Undo (Ctrl+Z)": the words, then the way back as a link
        notice.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.noticeProperty().get().replace(" — Undo (Ctrl+Z)", " —"), vm.noticeProperty()));
        javafx.scene.control.Hyperlink undo = new javafx.scene.control.Hyperlink("Undo (Ctrl+Z)");
        undo.setId("participants-undo");
        undo.setOnAction(e -> vm.undo());
        HBox noticeRow = new HBox(6, notice, undo);
        noticeRow.setAlignment(Pos.CENTER_LEFT);
        noticeRow.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        noticeRow.managedProperty().bind(noticeRow.visibleProperty());
        Label hint = new Label("Each hospital keeps its own file: MedFed reads it where it is and never copies it.");
        hint.getStyleClass().add("muted");
        top.getChildren().setAll(buttons, message, noticeRow, hint);
        top.setPadding(new Insets(12));
        return top;
    }

    private void findAndShow(String text, boolean next) {
        int i = vm.find(text, next);
        if (i >= 0) {
            table.scrollTo(i);
        }
    }

    /** Adds a button after "Add hospitals…" (another way to add hospitals). */
    public void addButton(javafx.scene.Node button) {
        if (button instanceof Region r) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        buttons.getChildren().add(1, button);
    }

    /** Adds a section under the buttons (the settings for hospitals behind nodes). */
    public void addSection(javafx.scene.Node section) {
        top.getChildren().add(section);
    }

    private VBox hospitals() {
        table.setId("participants-table");
        table.setItems(vm.rows());
        table.setEditable(true);
        table.setPlaceholder(new Label("No hospitals yet. Press \"Add hospitals…\" or drop CSV files here."));

        TableColumn<ParticipantRow, Boolean> enabled = new TableColumn<>("Takes part");
        enabled.setCellValueFactory(c -> c.getValue().enabledProperty());
        enabled.setCellFactory(CheckBoxTableCell.forTableColumn(enabled));
        enabled.setEditable(true);
        enabled.setPrefWidth(85);

        TableColumn<ParticipantRow, String> name = new TableColumn<>("Hospital");
        name.setCellValueFactory(c -> c.getValue().nameProperty());
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setOnEditCommit(e -> {
            if (!vm.rename(e.getTablePosition().getRow(), e.getNewValue())) {
                table.refresh();
            }
        });
        name.setPrefWidth(160);

        TableColumn<ParticipantRow, String> files = new TableColumn<>("Data file");
        files.textProperty().bind(kindText("Data file", "Image folder", "VCF file, phenotype sheet"));
        files.setCellValueFactory(c -> c.getValue().filesProperty());
        files.setEditable(false);
        files.setPrefWidth(270);
        // long paths keep their end (the file name) visible; the whole path is in the tooltip
        files.setCellFactory(c -> new org.medfed.gui.common.TooltipCell<>(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS));

        TableColumn<ParticipantRow, String> samples = new TableColumn<>("Patients");
        samples.textProperty().bind(kindText("Patients", "Images", "People"));
        samples.setCellValueFactory(c -> c.getValue().samplesProperty());
        samples.setEditable(false);
        samples.setPrefWidth(75);
        samples.setStyle("-fx-alignment: CENTER-RIGHT;");

        TableColumn<ParticipantRow, String> balance = new TableColumn<>("Label balance");
        balance.textProperty().bind(kindText("Label balance", "Images per class", "Cases / controls"));
        balance.setCellValueFactory(c -> c.getValue().balanceProperty());
        balance.setEditable(false);
        balance.setPrefWidth(235);

        TableColumn<ParticipantRow, String> weight = new TableColumn<>("Weight");
        weight.setCellValueFactory(c -> new ReadOnlyStringWrapper(NumberFields.format(c.getValue().weightProperty().get())));
        weight.setCellFactory(TextFieldTableCell.forTableColumn());
        weight.setOnEditCommit(e -> {
            if (!vm.setWeight(e.getTablePosition().getRow(), NumberFields.parseDouble(e.getNewValue()))) {
                table.refresh();
            }
        });
        weight.setPrefWidth(70);

        TableColumn<ParticipantRow, String> attack = new TableColumn<>("Simulated attack");
        attack.setId("participants-attack");
        attack.setCellValueFactory(c -> c.getValue().attackProperty());
        attack.setCellFactory(col -> new AttackCell(vm.attackChoices()));
        attack.setOnEditCommit(e -> {
            if (!vm.setAttack(e.getTablePosition().getRow(), e.getNewValue())) {
                table.refresh();
            }
        });
        attack.setPrefWidth(160);

        TableColumn<ParticipantRow, String> check = new TableColumn<>("Check");
        check.setCellValueFactory(c -> c.getValue().checkProperty());
        check.setCellFactory(col -> new ProblemCell());
        check.setEditable(false);
        check.setPrefWidth(280);

        table.getColumns().add(enabled);
        table.getColumns().add(name);
        table.getColumns().add(files);
        table.getColumns().add(samples);
        table.getColumns().add(balance);
        table.getColumns().add(weight);
        table.getColumns().add(attack);
        table.getColumns().add(check);

        table.setRowFactory(t -> {
            TableRow<ParticipantRow> row = new TableRow<>();
            row.setOnDragOver(e -> acceptFiles(e));
            row.setOnDragDropped(e -> {
                List<File> dropped = e.getDragboard().getFiles();
                if (row.isEmpty()) {
                    vm.addHospitals(dropped.stream().map(File::toPath).toList());
                } else {
                    vm.assignFiles(row.getIndex(), dropped.stream().map(File::toPath).toList());
                }
                e.setDropCompleted(true);
                e.consume();
            });
            return row;
        });
        table.setOnDragOver(this::acceptFiles);
        table.setOnDragDropped(e -> {
            vm.addHospitals(e.getDragboard().getFiles().stream().map(File::toPath).toList());
            e.setDropCompleted(true);
            e.consume();
        });

        table.getSelectionModel().selectedIndexProperty().addListener((obs, was, is) -> vm.select(is.intValue()));
        vm.selectedProperty().addListener((obs, was, is) -> {
            if (table.getSelectionModel().getSelectedIndex() != is.intValue()) {
                table.getSelectionModel().clearAndSelect(is.intValue());
            }
        });
        vm.rows().addListener((ListChangeListener<ParticipantRow>) c -> {
            int i = vm.selectedProperty().get();
            if (i >= 0 && i < vm.rows().size()) {
                table.getSelectionModel().clearAndSelect(i);
            }
        });
        if (vm.selectedProperty().get() >= 0) {
            table.getSelectionModel().clearAndSelect(vm.selectedProperty().get());
        }

        Label status = new Label();
        status.setId("schema-status");
        status.textProperty().bind(vm.schemaStatusProperty());
        status.setWrapText(true);
        ListView<SchemaProblem> problems = new ListView<>(vm.schemaProblems());
        problems.setId("schema-problems");
        problems.setPrefHeight(110);
        problems.setMinHeight(64); // the hospitals' table grows; the findings are never squeezed out of sight
        problems.setCellFactory(l -> new ListCell<>() {
            {
                // a long finding (a unit hint names the column, hospitals, means and factor) wraps instead of
                // hiding its end behind a horizontal scroll bar
                setWrapText(true);
                prefWidthProperty().bind(l.widthProperty().subtract(24));
                setMaxWidth(USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(SchemaProblem p, boolean empty) {
                super.updateItem(p, empty);
                getStyleClass().removeAll("problem-error", "problem-warning");
                if (empty || p == null) {
                    setText(null);
                    return;
                }
                boolean error = p.severity() == SchemaProblem.Severity.ERROR;
                getStyleClass().add(error ? "problem-error" : "problem-warning");
                setText((error ? "✖ " : "⚠ ") + p);
            }
        });
        problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.schemaProblems()));
        problems.managedProperty().bind(problems.visibleProperty());

        // the controls that answer the problems found: map a hospital's codes, keep an identifier-like column,
        // convert a hospital's unit, read a hospital's decimal commas, mark a value as not recorded
        javafx.scene.layout.FlowPane fixes = new javafx.scene.layout.FlowPane(8, 4);
        fixes.setId("schema-fixes");
        vm.schemaProblems().addListener((ListChangeListener<SchemaProblem>) c -> fixes.getChildren().setAll(
                fixes(vm.schemaProblems())));
        fixes.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(fixes.getChildren()));

        VBox box = new VBox(6, table, status, problems, fixes);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(0, 12, 6, 12));
        return box;
    }

    /**
     * A button per problem that has one; the same value of a column that may mean "not recorded" at several
     * hospitals gets one button for all of them (a file split into hospitals has it at every one).
     */
    private List<Button> fixes(List<SchemaProblem> problems) {
        List<Button> out = new java.util.ArrayList<>();
        java.util.Map<String, List<SchemaProblem>> notRecorded = new java.util.LinkedHashMap<>();
        for (SchemaProblem p : problems) {
            if (p.kind() == SchemaProblem.Kind.NOT_RECORDED && p.notRecorded() != null) {
                notRecorded.computeIfAbsent(p.column() + "\n" + p.notRecorded(), k -> new java.util.ArrayList<>()).add(p);
            } else {
                Button b = fix(p);
                if (b != null) {
                    out.add(b);
                }
            }
        }
        notRecorded.values().forEach(group -> out.add(markNotRecorded(group)));
        return out;
    }

    private Button markNotRecorded(List<SchemaProblem> group) {
        SchemaProblem first = group.get(0);
        List<String> sites = group.stream().map(SchemaProblem::participant).toList();
        Button mark = new Button("Mark " + first.notRecorded() + " as not recorded in " + (sites.size() == 1
                ? sites.get(0) + "'s " + first.column() : first.column() + " at " + String.join(", ", sites)));
        mark.setId("not-recorded-" + first.column());
        mark.setTooltip(new WrappedTooltip("Adds " + first.notRecorded() + " to the values of '" + first.column()
                + "' that mean 'not recorded' in the mapping of " + String.join(", ", sites) + " (the Mapping tab), "
                + "if that is what it means there; they are then missing values, and the check runs again"));
        mark.setOnAction(e -> {
            group.forEach(vm::acceptNotRecordedHint);
            showTab("Mapping");
        });
        return mark;
    }

    /**
     * The control that answers a problem: keep an identifier-like column, convert a unit, read decimal commas, or
     * map a hospital's codes.
     */
    private Button fix(SchemaProblem p) {
        if (p.kind() == SchemaProblem.Kind.IDENTIFIER && p.column() != null) {
            Button keep = new Button("Use '" + p.column() + "' as a feature");
            keep.setId("keep-" + p.column());
            keep.setTooltip(new WrappedTooltip("Keep column '" + p.column() + "' as a feature: it is not an identifier"));
            keep.setOnAction(e -> vm.keepAsFeature(p.column()));
            return keep;
        }
        if (p.kind() == SchemaProblem.Kind.UNIT && p.unitFactor() != null) {
            double f = p.unitFactor();
            String verb = org.medfed.data.harmonise.UnitHints.verb(f);
            Button convert = new Button(Character.toUpperCase(verb.charAt(0)) + verb.substring(1) + " "
                    + p.participant() + "'s " + p.column() + " by "
                    + org.medfed.data.harmonise.UnitHints.factor(org.medfed.data.harmonise.UnitHints.divisor(f)));
            convert.setId("unit-" + p.participant() + "-" + p.column());
            convert.setTooltip(new WrappedTooltip("Sets the unit factor of '" + p.column() + "' in " + p.participant()
                    + "'s mapping (its Mapping tab), if its values really are in the other unit; the check runs again"));
            convert.setOnAction(e -> {
                vm.acceptUnitHint(p);
                showTab("Mapping");
            });
            return convert;
        }
        if (p.kind() == SchemaProblem.Kind.DECIMAL_COMMA && vm.readsFilesHere(p.participant())) {
            Button comma = new Button("Read " + p.participant() + "'s numbers with a decimal comma");
            comma.setId("decimal-comma-" + p.participant());
            comma.setTooltip(new WrappedTooltip("Ticks 'Numbers use a decimal comma' in " + p.participant()
                    + "'s import options (3,5 then means 3.5); the file is read again and the check runs again"));
            comma.setOnAction(e -> {
                vm.readWithDecimalComma(p.participant());
                showTab("Import options");
            });
            return comma;
        }
        if (p.kind() == SchemaProblem.Kind.CODING && p.participant() != null) {
            Button map = new Button("Map " + p.participant() + "'s codes…");
            map.setId("map-" + p.participant());
            map.setOnAction(e -> {
                vm.selectHospital(p.participant());
                showTab("Mapping");
            });
            return map;
        }
        return null;
    }

    private void acceptFiles(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
        }
        e.consume();
    }

    /** A column heading that names what the study's kind of data holds. */
    private javafx.beans.binding.StringBinding kindText(String table, String images, String genotypes) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> switch (vm.kindProperty().get()) {
            case TABLE -> table;
            case IMAGES -> images;
            case GENOTYPES -> genotypes;
        }, vm.kindProperty());
    }

    /** For a data kind without a pane of its own: which files the chosen hospital has. */
    private VBox filesOnly() {
        Label title = new Label();
        title.setId("preview-files");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.textProperty().bind(vm.previewTitleProperty());
        VBox box = new VBox(6, title);
        box.setPadding(new Insets(6, 12, 12, 12));
        return box;
    }

    /** A table hospital's file: its data, how it is read, and how it maps onto the study. */
    private javafx.scene.control.TabPane tableTabs() {
        tabs.setId("participants-tabs");
        tabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().add(new javafx.scene.control.Tab("Data", new TablePreviewPane(vm).root()));
        tabs.getTabs().add(new javafx.scene.control.Tab("Import options",
                new org.medfed.gui.participants.importing.ImportOptionsView(vm.importOptions()).root()));
        tabs.getTabs().add(new javafx.scene.control.Tab("Mapping",
                new org.medfed.gui.participants.mapping.MappingView(vm.mapping()).root()));
        return tabs;
    }

    private void showTab(String title) {
        tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** The hospital's check column: red for problems that stop a run, orange for warnings, the whole text as a tooltip. */
    private static final class ProblemCell extends TableCell<ParticipantRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("problem-error", "problem-warning", "problem-ok");
            setTooltip(null);
            if (empty || item == null || item.isEmpty()) {
                setText(null);
                return;
            }
            setText(item);
            getStyleClass().add(item.startsWith("✖") ? "problem-error" : item.startsWith("⚠") ? "problem-warning" : "problem-ok");
            setTooltip(new WrappedTooltip(item));
        }
    }

    /**
     * Picks a hospital's simulated attack from a list; a hospital that attacks is marked in red as SIMULATED
     * ATTACKER, so that a teaching setup is never mistaken for a real study.
     */
    private static final class AttackCell extends javafx.scene.control.cell.ComboBoxTableCell<ParticipantRow, String> {
        private static final javafx.css.PseudoClass ATTACKER = javafx.css.PseudoClass.getPseudoClass("attacker");

        AttackCell(java.util.List<String> choices) {
            super(new javafx.util.StringConverter<String>() {
                @Override
                public String toString(String text) {
                    return AttackCatalog.label(text);
                }

                @Override
                public String fromString(String label) {
                    return AttackCatalog.fromLabel(label);
                }
            }, choices.toArray(new String[0]));
            getStyleClass().add("attack-cell");
            setComboBoxEditable(false);
        }

        @Override
        public void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            boolean attacker = !empty && AttackCatalog.isAttack(item);
            pseudoClassStateChanged(ATTACKER, attacker);
            if (attacker && !isEditing()) {
                setText("SIMULATED ATTACKER: " + AttackCatalog.label(item));
                setTooltip(new WrappedTooltip("Teaching only: this hospital sends a poisoned update ("
                        + AttackCatalog.label(item) + "). Set 'none' to make it honest again."));
            } else {
                setTooltip(empty ? null : new WrappedTooltip("For teaching: make this hospital a simulated attacker"));
            }
        }
    }
}
