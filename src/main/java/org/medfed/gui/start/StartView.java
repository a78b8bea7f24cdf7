package org.medfed.gui.start;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.collections.ListChangeListener;
import org.medfed.gui.common.SampleStudies;

/** The Start screen: New, Open, the sample gallery as cards, recent studies as links. */
public final class StartView {

    private final StartViewModel vm;
    private final ScrollPane root;
    private final VBox recentBox = new VBox(4);

    public StartView(StartViewModel vm) {
        this.vm = vm;
        Label title = new Label("MedFed Workbench");
        title.getStyleClass().add("hero-title");
        Label lead = new Label("Train a model across hospitals without moving patient data. Start from a sample "
                + "study, open one of yours, or build a new one.");
        lead.setWrapText(true);
        lead.getStyleClass().add("lead");

        Button newStudy = new Button("New study (patient records)");
        newStudy.setId("start-new");
        newStudy.getStyleClass().add("primary");
        newStudy.setOnAction(e -> vm.newStudy());
        Button newImages = new Button("New image study (DICOM)");
        newImages.setId("start-new-images");
        newImages.setOnAction(e -> vm.newStudy(org.medfed.gui.common.DataKind.IMAGES));
        Button newGenotypes = new Button("New genotype study (VCF)");
        newGenotypes.setId("start-new-genotypes");
        newGenotypes.setOnAction(e -> vm.newStudy(org.medfed.gui.common.DataKind.GENOTYPES));
        Button open = new Button("Open a study…");
        open.setId("start-open");
        open.setOnAction(e -> vm.open());
        HBox actions = new HBox(10, newStudy, newImages, newGenotypes, open);

        Label nodeTitle = new Label("Hospital side of a multi-site study");
        nodeTitle.getStyleClass().add("section-title");
        Button node = new Button("Run a hospital node…");
        node.setId("start-run-node");
        node.setOnAction(e -> vm.runNode());
        // the lead beside it grows; the button keeps its whole label ("Run..." said nothing)
        node.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label nodeLead = new Label("For a hospital taking part in a researcher's study: import the start-up kit, "
                + "register your data, set your policy and start the node. Patient rows stay on this computer.");
        nodeLead.setWrapText(true);
        nodeLead.getStyleClass().add("muted");
        HBox nodeRow = new HBox(12, node, nodeLead);
        nodeRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(nodeLead, javafx.scene.layout.Priority.ALWAYS);

        Label samplesTitle = new Label("Sample studies");
        samplesTitle.getStyleClass().add("section-title");
        FlowPane gallery = new FlowPane(14, 14);
        gallery.setId("start-samples");
        for (SampleStudies.Sample s : vm.samples()) {
            gallery.getChildren().add(card(s));
        }
        if (vm.samples().isEmpty()) {
            gallery.getChildren().add(new Label("No sample studies were found (looked for a 'sample-projects' folder "
                    + "here and beside the program)."));
        }

        Label recentTitle = new Label("Recent studies");
        recentTitle.getStyleClass().add("section-title");
        recentBox.setId("start-recent");
        fillRecent();
        vm.recent().addListener((ListChangeListener<Path>) c -> fillRecent());

        VBox content = new VBox(16, title, lead, actions, nodeTitle, nodeRow, samplesTitle, gallery, recentTitle,
                recentBox);
        content.setPadding(new Insets(28, 32, 28, 32));
        content.setMaxWidth(1100);
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.getStyleClass().add("screen");
        root.getStylesheets().add(StartView.class.getResource("start.css").toExternalForm());
    }

    public Parent root() {
        return root;
    }

    private VBox card(SampleStudies.Sample s) {
        Label name = new Label(s.name());
        name.getStyleClass().add("card-title");
        name.setWrapText(true);
        Label facts = new Label(s.hospitals() + " hospitals · " + dataTypeText(s.dataType()));
        facts.getStyleClass().add("muted");
        Label description = new Label(s.description());
        description.setWrapText(true);
        Button open = new Button("Open this sample");
        open.setId("sample-" + s.studyFile().getParent().getFileName());
        open.setOnAction(e -> vm.openSample(s));
        VBox card = new VBox(8, name, facts, description, open);
        card.getStyleClass().add("card");
        card.setPrefWidth(340);
        card.setAlignment(Pos.TOP_LEFT);
        return card;
    }

    private static String dataTypeText(String dataType) {
        return switch (dataType) {
            case "tabular" -> "patient records (CSV tables)";
            case "images", "image", "dicom" -> "medical images (DICOM)";
            case "genotypes", "genotype" -> "genotypes (VCF)";
            default -> dataType;
        };
    }

    private void fillRecent() {
        recentBox.getChildren().clear();
        if (vm.recent().isEmpty()) {
            Label none = new Label("Studies you open or save appear here.");
            none.getStyleClass().add("muted");
            recentBox.getChildren().add(none);
            return;
        }
        for (Path p : vm.recent()) {
            Hyperlink link = new Hyperlink(p.getFileName() + "  —  " + p.getParent());
            link.setOnAction(e -> vm.openRecent(p));
            recentBox.getChildren().add(link);
        }
    }
}
