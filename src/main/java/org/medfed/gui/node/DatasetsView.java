package org.medfed.gui.node;

import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.medfed.gui.common.DataKind;
import org.medfed.gui.common.ViewSwitch;
import org.medfed.gui.genotypes.GenotypeFilesPane;
import org.medfed.gui.imaging.ImageFolderView;
import org.medfed.gui.participants.TablePreviewPane;
import org.medfed.gui.participants.importing.ImportOptionsView;
import org.medfed.gui.common.WrappedTooltip;

/**
 * The registered datasets and, below, the chosen one with the Participants screen's own preview panes: the table
 * preview, the image folder, the genotype files and their quality control.
 */
final class DatasetsView {

    private final SplitPane root;

    DatasetsView(DatasetsViewModel vm) {
        Button table = new Button("Add a table (CSV)…");
        table.setId("datasets-add-table");
        table.setOnAction(e -> vm.add(org.medfed.project.DataKind.TABLE));
        Button images = new Button("Add an image folder…");
        images.setId("datasets-add-images");
        images.setOnAction(e -> vm.add(org.medfed.project.DataKind.IMAGES));
        Button genotypes = new Button("Add genotypes (VCF + sheet)…");
        genotypes.setId("datasets-add-genotypes");
        genotypes.setOnAction(e -> vm.add(org.medfed.project.DataKind.GENOTYPES));
        Button choose = new Button("Choose other files…");
        choose.setId("datasets-choose");
        choose.setOnAction(e -> vm.chooseFiles());
        Button remove = new Button("Remove");
        remove.setId("datasets-remove");
        remove.setOnAction(e -> vm.remove());
        choose.disableProperty().bind(vm.selectedProperty().lessThan(0));
        remove.disableProperty().bind(vm.selectedProperty().lessThan(0));
        HBox buttons = new HBox(8, table, images, genotypes, choose, remove);

        Label message = new Label();
        message.setId("datasets-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        Label hint = new Label("The id is the name the researcher's study uses for a dataset (double-click to "
                + "change it). Files are read where they are, on this computer; the preview below is for your eyes "
                + "only and is never sent.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        TableView<DatasetRow> rows = new TableView<>(vm.rows());
        rows.setId("datasets-table");
        rows.setEditable(true);
        rows.setPlaceholder(new Label("No dataset yet: add the table, image folder or genotypes this node serves."));
        TableColumn<DatasetRow, String> id = col("Id", DatasetRow::id, 120);
        id.setEditable(true);
        id.setCellFactory(TextFieldTableCell.forTableColumn());
        id.setOnEditCommit(e -> {
            if (!vm.rename(e.getTablePosition().getRow(), e.getNewValue())) {
                rows.refresh();
            }
        });
        rows.getColumns().add(id);
        rows.getColumns().add(col("Kind", DatasetRow::kind, 150));
        TableColumn<DatasetRow, String> files = col("Files", DatasetRow::files, 330);
        files.setCellFactory(c -> new org.medfed.gui.common.TooltipCell<>(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS));
        rows.getColumns().add(files);
        rows.getColumns().add(col("Size", DatasetRow::size, 100));
        TableColumn<DatasetRow, String> check = col("Check", DatasetRow::check, 360);
        check.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("problem-error", "problem-ok");
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new WrappedTooltip(item));
                if (!empty && item != null) {
                    getStyleClass().add(item.startsWith("✖") ? "problem-error" : "problem-ok");
                }
            }
        });
        rows.getColumns().add(check);
        rows.getSelectionModel().selectedIndexProperty().addListener((obs, was, is) -> {
            if (is.intValue() >= 0) {
                vm.select(is.intValue());
            }
        });
        vm.selectedProperty().addListener((obs, was, is) -> select(rows, is.intValue()));
        vm.rows().addListener((javafx.collections.ListChangeListener<DatasetRow>) c -> select(rows,
                vm.selectedProperty().get()));
        select(rows, vm.selectedProperty().get());

        VBox top = new VBox(8, buttons, message, rows, hint);
        VBox.setVgrow(rows, Priority.ALWAYS);
        top.setPadding(new Insets(12, 12, 6, 12));

        DatasetPreview preview = vm.preview();
        Map<DataKind, Node> panes = Map.of(
                DataKind.TABLE, tablePanes(preview),
                DataKind.IMAGES, new ImageFolderView(preview.images()).root(),
                DataKind.GENOTYPES, new GenotypeFilesPane(preview.genotypes()).root());
        Node shown = new ViewSwitch<>(preview.kindProperty(), panes, new Label()).root();

        root = new SplitPane(top, shown);
        root.setOrientation(Orientation.VERTICAL);
        root.setDividerPositions(0.4);
    }

    /** A table's preview and how the node reads it, as on the Participants screen. */
    private static Node tablePanes(DatasetPreview preview) {
        TabPane tabs = new TabPane(new Tab("Data", new TablePreviewPane(preview.table()).root()),
                new Tab("Import options", new ImportOptionsView(preview.table().importOptions()).root()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private static void select(TableView<DatasetRow> rows, int index) {
        if (index >= 0 && index < rows.getItems().size() && rows.getSelectionModel().getSelectedIndex() != index) {
            rows.getSelectionModel().clearAndSelect(index);
        }
    }

    private static TableColumn<DatasetRow, String> col(String title, Function<DatasetRow, String> value, double width) {
        TableColumn<DatasetRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }

    Parent root() {
        return root;
    }
}
