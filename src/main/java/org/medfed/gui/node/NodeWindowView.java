package org.medfed.gui.node;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.medfed.gui.common.WrappedTooltip;

/**
 * The hospital node's window: who the node is (from its start-up kit), the promise that rows stay here, and
 * four tabs: the node's state, its datasets, its policy and its audit log.
 */
public final class NodeWindowView {

    public static final String PROMISE = "Patient rows never leave this computer. The coordinator receives only "
            + "the aggregates of the procedures this node's policy serves: summaries and counts of columns, sums, "
            + "model updates and metrics, each resting on at least the policy's minimum count. Every request, "
            + "served or refused, is written to the audit log.";

    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();

    public NodeWindowView(NodeWindow window) {
        NodeSettingsViewModel settings = window.settings();
        root.getStyleClass().add("screen");
        root.getStylesheets().add(NodeWindowView.class.getResource("/org/medfed/gui/workbench.css").toExternalForm());
        root.getStylesheets().add(NodeWindowView.class.getResource("node.css").toExternalForm());

        Label title = new Label();
        title.setId("node-title");
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> settings.config() == null
                ? "MedFed hospital node" : "MedFed hospital node: " + settings.config().node(),
                settings.configProperty()));
        Label identity = new Label();
        identity.setId("node-identity");
        identity.getStyleClass().add("identity");
        identity.setWrapText(true);
        identity.textProperty().bind(Bindings.createStringBinding(() -> {
            KitIdentity k = settings.identityProperty().get();
            return k == null ? "Import the start-up kit the researcher sent your hospital to begin (the folder "
                    + "with node.json, node.crt, node.key and ca.crt)." : k.summary();
        }, settings.identityProperty()));
        Label kitProblem = new Label();
        kitProblem.setId("node-kit-problem");
        kitProblem.getStyleClass().add("problem-banner");
        kitProblem.setWrapText(true);
        kitProblem.textProperty().bind(Bindings.createStringBinding(() -> {
            KitIdentity k = settings.identityProperty().get();
            return k == null || k.problem() == null ? "" : "The certificate cannot be used: " + k.problem();
        }, settings.identityProperty()));
        kitProblem.visibleProperty().bind(kitProblem.textProperty().isNotEmpty());
        kitProblem.managedProperty().bind(kitProblem.visibleProperty());

        Button importKit = new Button("Import start-up kit…");
        importKit.setId("node-import-kit");
        importKit.setTooltip(new WrappedTooltip("Choose the folder the researcher sent your hospital (from medfed provision)"));
        importKit.setOnAction(e -> window.importKit());
        Button save = new Button("Save settings");
        save.setId("node-save");
        save.setTooltip(new WrappedTooltip("Write the datasets and the policy to node.json"));
        save.disableProperty().bind(settings.dirtyProperty().not());
        save.setOnAction(e -> settings.save());
        Label saved = new Label();
        saved.setId("node-message");
        saved.getStyleClass().add("muted");
        saved.textProperty().bind(Bindings.createStringBinding(() -> settings.dirtyProperty().get()
                ? "Unsaved changes" : settings.messageProperty().get(), settings.dirtyProperty(),
                settings.messageProperty()));
        // the buttons keep their words; the message gives way (its whole text is in its tooltip)
        save.setMinWidth(Region.USE_PREF_SIZE);
        importKit.setMinWidth(Region.USE_PREF_SIZE);
        saved.setMinWidth(0);
        saved.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        saved.textProperty().addListener((obs, was, is) -> saved.setTooltip(is.isEmpty() ? null : new WrappedTooltip(is)));
        VBox who = new VBox(4, title, identity);
        HBox.setHgrow(who, Priority.ALWAYS);
        HBox header = new HBox(10, who, saved, save, importKit);
        header.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("node-problem");
        problem.getStyleClass().add("problem-banner");
        problem.setWrapText(true);
        problem.textProperty().bind(settings.problemProperty());
        problem.visibleProperty().bind(settings.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setMaxWidth(Double.MAX_VALUE);

        Label promise = new Label(PROMISE);
        promise.setId("node-promise");
        promise.getStyleClass().add("promise");
        promise.setWrapText(true);
        promise.setMaxWidth(Double.MAX_VALUE);

        VBox top = new VBox(8, header, kitProblem, problem, promise);
        top.setPadding(new Insets(12, 14, 6, 14));
        root.setTop(top);

        Tab status = tab("node-tab-status", "Node", new NodeStatusView(window.run()).root());
        Tab datasets = tab("node-tab-datasets", "Datasets", new DatasetsView(window.datasets()).root());
        Tab policy = tab("node-tab-policy", "Policy", new PolicyView(window.policy()).root());
        Tab audit = tab("node-tab-audit", "Audit log", new AuditLogView(window.audit()).root());
        datasets.disableProperty().bind(settings.configProperty().isNull());
        policy.disableProperty().bind(settings.configProperty().isNull());
        tabs.getTabs().addAll(status, datasets, policy, audit);
        tabs.setId("node-tabs");
        root.setCenter(tabs);
    }

    private static Tab tab(String id, String title, Parent content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }

    public Parent root() {
        return root;
    }

    public TabPane tabs() {
        return tabs;
    }
}
