package org.medfed.gui.genotypes;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.medfed.analytics.gwas.GwasResult;
import org.medfed.analytics.gwas.QcReport;
import org.medfed.analytics.gwas.SiteSummary;
import org.medfed.gui.common.WrappedTooltip;

/**
 * The Run screen of an association study: start and stop, how far the study is, and once it has run what each
 * hospital contributed and what quality control left out over all hospitals.
 */
public final class AssociationRunView {

    private final VBox root;

    /** @param showResults goes to the Results screen */
    public AssociationRunView(AssociationRunViewModel vm, Runnable showResults) {
        Label title = new Label("Federated association study");
        title.getStyleClass().add("section-title");
        Label about = new Label("Every hospital reads its own VCF file and phenotype sheet and sends only genotype counts "
                + "and regression sums, never a genotype or a patient's row; the statistics equal those of a pooled "
                + "analysis of everyone.");
        about.setWrapText(true);
        about.getStyleClass().add("muted");

        Button start = new Button("Run association study");
        start.setId("gwas-run");
        start.getStyleClass().add("primary");
        start.setTooltip(new WrappedTooltip("Test every variant at every hospital (F5)"));
        start.disableProperty().bind(vm.canStartProperty().not());
        start.setOnAction(e -> vm.start());
        Button stop = new Button("Stop");
        stop.setId("gwas-stop");
        stop.setTooltip(new WrappedTooltip("Stop the study; nothing is kept"));
        stop.disableProperty().bind(vm.phaseProperty().isNotEqualTo(AssociationRunViewModel.Phase.RUNNING));
        stop.setOnAction(e -> vm.stop());
        Button results = new Button("Show results");
        results.setId("gwas-show-results");
        results.disableProperty().bind(vm.resultProperty().isNull());
        results.setOnAction(e -> showResults.run());
        ProgressBar bar = new ProgressBar();
        bar.setId("gwas-progress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(Bindings.createBooleanBinding(vm::isActive, vm.phaseProperty()));
        bar.managedProperty().bind(bar.visibleProperty());
        Label stage = new Label();
        stage.setId("gwas-stage");
        stage.textProperty().bind(vm.stageProperty());
        HBox controls = new HBox(10, start, stop, results, bar, stage);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("gwas-run-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        vm.phaseProperty().addListener((obs, was, is) -> {
            message.getStyleClass().remove("error-text");
            if (is == AssociationRunViewModel.Phase.FAILED) {
                message.getStyleClass().add("error-text");
            }
        });

        Label hospitalsTitle = new Label("What each hospital contributed");
        hospitalsTitle.getStyleClass().add("section-title");
        TableView<SiteSummary> hospitals = hospitalsTable();
        Label qc = new Label();
        qc.setId("gwas-qc-report");
        qc.setWrapText(true);
        vm.resultProperty().addListener((obs, was, is) -> {
            hospitals.getItems().setAll(is == null ? java.util.List.of() : is.sites());
            qc.setText(is == null ? "" : qcText(is));
        });

        root = new VBox(10, title, about, controls, message, hospitalsTitle, hospitals, qc);
        root.setPadding(new Insets(16));
        root.getStyleClass().add("screen");
        root.setId("gwas-run-screen");
    }


    public Parent root() {
        return root;
    }

    static String qcText(GwasResult r) {
        QcReport q = r.qc();
        String missing = q.notAtEverySite() == 0 ? "" : "; " + q.notAtEverySite() + " not at every hospital (e.g. "
                + String.join(", ", q.notAtEverySiteExamples()) + ")";
        return "Quality control over all hospitals: " + q.variantsSeen() + " variants seen" + missing + "; left out: "
                + q.failedCallRate() + " for the call rate, " + q.failedMaf() + " for the minor allele frequency, "
                + q.failedHwe() + " for Hardy-Weinberg; " + q.tested() + " tested. Model columns: "
                + String.join(", ", r.designColumns()) + ".";
    }

    private static TableView<SiteSummary> hospitalsTable() {
        TableView<SiteSummary> t = new TableView<>();
        t.setId("gwas-hospitals");
        t.setPlaceholder(new Label("Each hospital's samples, cases and variants appear here once the study has run."));
        t.getColumns().add(column("Hospital", SiteSummary::site, 120));
        t.getColumns().add(column("Samples", s -> String.valueOf(s.vcfSamples()), 75));
        t.getColumns().add(column("Analysed", s -> String.valueOf(s.analysed()), 75));
        t.getColumns().add(column("Cases / controls", s -> s.cases() + s.controls() == 0 ? "–"
                : s.cases() + " / " + s.controls(), 125));
        t.getColumns().add(column("Low call rate", s -> String.valueOf(s.lowCallRate()), 100));
        t.getColumns().add(column("Variants", s -> String.valueOf(s.variants()), 75));
        t.getColumns().add(column("Multi-allelic", s -> String.valueOf(s.multiAllelicRecords()), 95));
        t.getColumns().add(column("No GT", s -> String.valueOf(s.noGenotypeRecords()), 65));
        t.getColumns().add(column("Sample matching", s -> s.sampleMatch().strip().replace("\n", "; "), 560));
        t.setPrefHeight(190);
        t.setMinHeight(150);
        return t;
    }

    private static TableColumn<SiteSummary, String> column(String title, Function<SiteSummary, String> value, double width) {
        TableColumn<SiteSummary, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
