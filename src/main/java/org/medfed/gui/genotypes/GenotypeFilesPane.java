package org.medfed.gui.genotypes;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.medfed.gui.common.WrappedTooltip;

/**
 * The Participants screen's pane for a genotype study: the chosen hospital's VCF file and phenotype sheet with a
 * button to choose each, its quality-control summary, and one line per hospital.
 */
public final class GenotypeFilesPane {

    private final HBox root;

    public GenotypeFilesPane(GenotypeFilesViewModel vm) {
        Label hospital = new Label();
        hospital.setId("gwas-files-hospital");
        hospital.getStyleClass().add("section-title");
        hospital.setWrapText(true);
        hospital.textProperty().bind(vm.hospitalProperty());

        GridPane files = new GridPane();
        files.setHgap(10);
        files.setVgap(6);
        Label vcf = new Label();
        vcf.setId("gwas-vcf-file");
        vcf.textProperty().bind(vm.vcfTextProperty());
        Button chooseVcf = new Button("Choose VCF…");
        chooseVcf.setId("gwas-choose-vcf");
        chooseVcf.setTooltip(new WrappedTooltip("the hospital's genotypes: .vcf, .vcf.gz or .bcf, one column per sample"));
        chooseVcf.setOnAction(e -> vm.chooseVcf());
        Label sheet = new Label();
        sheet.setId("gwas-sheet-file");
        sheet.textProperty().bind(vm.sheetTextProperty());
        Button chooseSheet = new Button("Choose sheet…");
        chooseSheet.setId("gwas-choose-sheet");
        chooseSheet.setTooltip(new WrappedTooltip("a CSV with the sample id, the phenotype and the covariates of each sample"));
        chooseSheet.setOnAction(e -> vm.chooseSheet());
        Button recheck = new Button("Check again");
        recheck.setId("gwas-recheck");
        recheck.setTooltip(new WrappedTooltip("read the files again, after they were changed outside MedFed"));
        recheck.setOnAction(e -> vm.recheck());
        files.add(new Label("Genotypes (VCF)"), 0, 0);
        files.add(vcf, 1, 0);
        files.add(chooseVcf, 2, 0);
        files.add(new Label("Phenotype sheet"), 0, 1);
        files.add(sheet, 1, 1);
        files.add(chooseSheet, 2, 1);
        files.add(recheck, 2, 2);
        files.disableProperty().bind(vm.hasHospitalProperty().not());

        Label status = new Label();
        status.setId("gwas-files-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        vm.errorProperty().addListener((obs, was, is) -> {
            status.getStyleClass().remove("error-text");
            if (is) {
                status.getStyleClass().add("error-text");
            }
        });
        status.visibleProperty().bind(vm.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        TableView<HospitalQc.Line> qc = new TableView<>(vm.qcLines());
        qc.setId("gwas-qc");
        qc.setPlaceholder(new Label("The quality-control summary appears once both files have been read."));
        TableColumn<HospitalQc.Line, String> what = new TableColumn<>("Quality control");
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().what()));
        what.setPrefWidth(270);
        TableColumn<HospitalQc.Line, String> value = new TableColumn<>("This hospital");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.setPrefWidth(300);
        qc.getColumns().add(what);
        qc.getColumns().add(value);
        qc.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        VBox chosen = new VBox(8, hospital, files, status, qc);
        VBox.setVgrow(qc, Priority.ALWAYS);
        HBox.setHgrow(chosen, Priority.ALWAYS);

        Label allTitle = new Label("All hospitals");
        allTitle.getStyleClass().add("section-title");
        ListView<String> overview = new ListView<>(vm.overview());
        overview.setId("gwas-overview");
        overview.setPrefWidth(430);
        overview.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        VBox all = new VBox(8, allTitle, overview);
        VBox.setVgrow(overview, Priority.ALWAYS);

        root = new HBox(20, chosen, all);
        root.setAlignment(Pos.TOP_LEFT);
        root.setPadding(new Insets(6, 12, 12, 12));
        root.setId("gwas-files-pane");
    }

    public Parent root() {
        return root;
    }
}
