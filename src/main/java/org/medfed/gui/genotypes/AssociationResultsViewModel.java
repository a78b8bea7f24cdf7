package org.medfed.gui.genotypes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.analytics.gwas.AssociationResult;
import org.medfed.analytics.gwas.GwasResult;
import org.medfed.analytics.gwas.GwasResultsTsv;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.UserDialogs;
import org.medfed.report.ManhattanLayout;
import org.medfed.report.QqPoints;
import org.medfed.runreport.StudyReport;

/**
 * The association study's results: the table (every variant, sortable in the view), the Manhattan and QQ plot
 * data, the variant a person clicked, and exports (the table through the engine's TSV writer, the plots as PNG).
 */
public final class AssociationResultsViewModel {

    private final BackgroundTasks tasks;
    private final UserDialogs dialogs;
    private final ReadOnlyObjectWrapper<GwasResult> result = new ReadOnlyObjectWrapper<>();
    private final ObservableList<VariantRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ManhattanLayout> manhattan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<QqPoints> qq = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<VariantRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No association study has run yet.");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** The finished study's output folder, which the report is made from; null when nothing is shown. */
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();

    public AssociationResultsViewModel(BackgroundTasks tasks, UserDialogs dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        selected.addListener((obs, was, is) -> details.set(is == null
                ? "Click a point of the Manhattan plot or a row of the table to see the variant." : is.details()));
        details.set("Click a point of the Manhattan plot or a row of the table to see the variant.");
    }

    /** Shows a finished study (null clears the screen). */
    /**
     * Shows a finished study, whose outputs are in {@code outputs} (the report is made from them); {@code null}
     * clears the screen.
     */
    public void show(GwasResult r, Path outputs) {
        selected.set(null);
        message.set("");
        folder.set(r == null ? null : outputs);
        if (r == null) {
            rows.clear();
            manhattan.set(null);
            qq.set(null);
            result.set(null);
            summary.set("No association study has run yet.");
            return;
        }
        List<VariantRow> fresh = new ArrayList<>(r.results().size());
        for (int i = 0; i < r.results().size(); i++) {
            fresh.add(new VariantRow(i, r.results().get(i), r.settings().test()));
        }
        ManhattanLayout layout = layoutOf(r.results());
        QqPoints points = QqPoints.of(r.results().stream().filter(AssociationResult::tested)
                .mapToDouble(AssociationResult::negLog10P).toArray());
        rows.setAll(fresh);
        manhattan.set(layout);
        qq.set(points);
        result.set(r);
        summary.set(summaryOf(r));
    }

    static String summaryOf(GwasResult r) {
        long tested = r.results().stream().filter(AssociationResult::tested).count();
        List<AssociationResult> hits = r.hits();
        String threshold = GenotypeTaskViewModel.format(r.settings().significance());
        String found = hits.isEmpty() ? "no variant passes p < " + threshold
                : hits.size() + " variant" + (hits.size() == 1 ? "" : "s") + " pass p < " + threshold + ": "
                        + hits.stream().limit(8).map(h -> h.variant().label()).collect(Collectors.joining(", "))
                        + (hits.size() > 8 ? ", …" : "");
        return String.format(Locale.ROOT, "%s, %s. %d variants tested of %d seen; genomic inflation λ = %.3f. %s.",
                r.settings().phenotype().phenotypeColumn(), r.settings().test().description(), tested,
                r.qc().variantsSeen(), r.lambda(), capitalise(found));
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Selects the variant drawn as point {@code point} of the Manhattan layout (-1 clears). */
    public void selectPoint(int point) {
        ManhattanLayout layout = manhattan.get();
        if (layout == null || point < 0 || point >= layout.size()) {
            selected.set(null);
            return;
        }
        int row = layout.row(point);
        selected.set(rows.stream().filter(v -> v.index() == row).findFirst().orElse(null));
    }

    /** The point of the selected variant on the Manhattan plot, or -1. */
    public int selectedPoint() {
        ManhattanLayout layout = manhattan.get();
        VariantRow v = selected.get();
        return layout == null || v == null ? -1 : layout.pointOf(v.index());
    }

    // ---- exports

    public void exportTable() {
        GwasResult r = result.get();
        if (r == null) {
            return;
        }
        dialogs.chooseSaveFile("Export the results table", "association-results.tsv", "tsv")
                .ifPresent(file -> export(file, f -> GwasResultsTsv.write(r, f), "The results table"));
    }

    /** Asks where to save the study's report (one HTML page, see GwasReport) and writes it in the background. */
    public void saveReport() {
        Path outputs = folder.get();
        if (outputs == null) {
            return;
        }
        dialogs.chooseSaveFile("Save the association study's report (HTML, opens in a browser and prints to PDF)",
                "association-report.html", "html").ifPresent(file -> export(file,
                f -> StudyReport.write(outputs, f), "The report"));
    }

    /**
     * Asks where to save a plot and writes it in the background.
     *
     * @param writer draws the plot into the file (a fresh chart, not the one on screen, which the FX thread draws)
     */
    public void exportPlot(String suggestedName, Consumer<Path> writer) {
        if (result.get() == null) {
            return;
        }
        dialogs.chooseSaveFile("Save the plot as PNG", suggestedName, "png")
                .ifPresent(file -> export(file, writer, "The plot"));
    }

    private void export(Path file, Consumer<Path> writer, String what) {
        message.set("Saving " + file.getFileName() + "…");
        tasks.run(() -> {
            writer.accept(file);
            return file;
        }, f -> message.set(what + " was saved to " + f + "."), e -> {
            message.set("");
            dialogs.showError("Could not save " + file.getFileName(), e);
        });
    }

    public ReadOnlyObjectProperty<GwasResult> resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> folderProperty() { return folder.getReadOnlyProperty(); }
    public ObservableList<VariantRow> rows() { return rows; }
    public ReadOnlyObjectProperty<ManhattanLayout> manhattanProperty() { return manhattan.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<QqPoints> qqProperty() { return qq.getReadOnlyProperty(); }
    public ObjectProperty<VariantRow> selectedProperty() { return selected; }
    public ReadOnlyStringProperty detailsProperty() { return details.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** The Manhattan layout of the tested variants. */
    static ManhattanLayout layoutOf(List<AssociationResult> results) {
        return ManhattanLayout.of(results, r -> r.variant().chrom(), r -> r.variant().position(),
                AssociationResult::negLog10P, AssociationResult::tested);
    }
}
