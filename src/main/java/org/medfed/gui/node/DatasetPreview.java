package org.medfed.gui.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.DataKind;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.UserDialogs;
import org.medfed.gui.genotypes.GenotypeFilesViewModel;
import org.medfed.gui.imaging.ImageFolderViewModel;
import org.medfed.gui.imaging.SelectedHospitalImages;
import org.medfed.gui.participants.ParticipantsViewModel;
import org.medfed.project.CsvOptions;
import org.medfed.project.DataSection;
import org.medfed.project.ImagingSection;
import org.medfed.project.NodeDataset;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;

/**
 * Shows one registered dataset with the Participants screen's own readers and checks: the dataset becomes the
 * only hospital of a study held here and never saved, of the dataset's kind, and the Participants screen's
 * view-models (table preview and checks, image folder, genotype files and quality control) follow that study as
 * they follow the researcher's. Files chosen in those panes come back as the dataset's new files, a table's import
 * options as how the node reads it. Everything is
 * read on this computer; nothing here is sent anywhere.
 */
public final class DatasetPreview {

    private final StudyDocument mirror = new StudyDocument();
    private final SimpleIntegerProperty first = new SimpleIntegerProperty(0);
    private final ParticipantsViewModel table;
    private final ImageFolderViewModel images;
    private final GenotypeFilesViewModel genotypes;
    private final ReadOnlyObjectWrapper<DataKind> kind = new ReadOnlyObjectWrapper<>(DataKind.TABLE);
    private NodeDataset shown;
    private boolean showing;

    /**
     * @param figures told of the shown dataset's size and class balance as the panes find them (id, size, balance)
     * @param chosen  told when a pane changes the dataset's files (the genotype pane's choosers)
     */
    public DatasetPreview(BackgroundTasks tasks, UserDialogs dialogs, FiguresSink figures,
                          BiConsumer<String, List<Path>> chosen, BiConsumer<String, CsvOptions> reading) {
        table = new ParticipantsViewModel(mirror, tasks, dialogs);
        images = new ImageFolderViewModel(tasks);
        new SelectedHospitalImages(mirror, first, images, tasks, figures::report);
        genotypes = new GenotypeFilesViewModel(mirror, tasks, dialogs, first, figures::report);
        table.rows().addListener((javafx.collections.ListChangeListener<org.medfed.gui.participants.ParticipantRow>) c -> {
            if (!table.rows().isEmpty()) {
                var row = table.rows().get(0);
                row.samplesProperty().addListener((obs, was, is) -> reportTable(figures));
                row.checkProperty().addListener((obs, was, is) -> reportTable(figures));
            }
        });
        mirror.studyProperty().addListener((obs, was, is) -> {
            if (!showing && shown != null && !is.participants().isEmpty()) {
                ParticipantEntry p = is.participants().get(0);
                if (shown instanceof NodeDataset.Table && !was.participants().isEmpty()
                        && !p.csvOptions().equals(was.participants().get(0).csvOptions())) {
                    reading.accept(shown.id(), p.csvOptions());
                    return;
                }
                List<Path> files = new ArrayList<>();
                p.data().forEach(d -> files.add(d.isBlank() ? null : mirror.resolve(d)));
                chosen.accept(shown.id(), files);
            }
        });
    }

    /** Where the panes report a dataset's figures: its size and its balance or check. */
    @FunctionalInterface
    public interface FiguresSink {
        void report(String dataset, String size, String balance);
    }

    private void reportTable(FiguresSink figures) {
        if (shown instanceof NodeDataset.Table && !table.rows().isEmpty()) {
            var row = table.rows().get(0);
            figures.report(shown.id(), row.samplesProperty().get() + " rows", row.checkProperty().get());
        }
    }

    /** Shows {@code dataset}, or nothing. */
    public void show(NodeDataset dataset) {
        if (Objects.equals(dataset, shown)) {
            return;
        }
        shown = dataset;
        showing = true;
        try {
            if (dataset == null) {
                mirror.replace(Study.empty(), null);
                images.clear("Register a dataset to see it here.");
                return;
            }
            kind.set(kindOf(dataset));
            mirror.replace(studyOf(dataset), null);
        } finally {
            showing = false;
        }
    }

    static DataKind kindOf(NodeDataset d) {
        return switch (d.kind()) {
            case TABLE -> DataKind.TABLE;
            case IMAGES -> DataKind.IMAGES;
            case GENOTYPES -> DataKind.GENOTYPES;
        };
    }

    /** The dataset as the one hospital of a study of its kind, named by its id. */
    static Study studyOf(NodeDataset d) {
        Study base = Study.empty();
        if (d instanceof NodeDataset.Table t) {
            // the study's reading settings are the plain defaults, as a node's; the dataset's own are its hospital's
            DataSection data = new DataSection(null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null);
            return base.withData(data).withParticipants(List.of(hospital(d.id(), t.file()).withCsv(t.csv())));
        }
        if (d instanceof NodeDataset.Images i) {
            // a study's hospital folder holds its images in a sub-folder; a node names the images' folder itself
            Path folder = i.folder().toAbsolutePath();
            Path parent = folder.getParent() == null ? folder : folder.getParent();
            ImagingSection settings = new ImagingSection(i.manifest() == null ? ImagingSection.CLASS_FOLDERS
                    : ImagingSection.MANIFEST, null, String.valueOf(folder.getFileName()),
                    i.manifest() == null ? null : i.manifest().toAbsolutePath().toString(), null, null, null, null,
                    null, null, null, null, null, null, null, null, null);
            return withDataType(base, "images").withImaging(settings)
                    .withParticipants(List.of(hospital(d.id(), parent)));
        }
        NodeDataset.Genotypes g = (NodeDataset.Genotypes) d;
        return withDataType(base, "genotypes").withParticipants(List.of(new ParticipantEntry(d.id(),
                List.of(g.vcf().toAbsolutePath().toString(), g.phenotypes().toAbsolutePath().toString()), 1.0, true,
                null)));
    }

    private static ParticipantEntry hospital(String name, Path data) {
        return new ParticipantEntry(name, List.of(data.toAbsolutePath().toString()), 1.0, true, null);
    }

    private static Study withDataType(Study s, String dataType) {
        return new Study(s.schemaVersion(), s.name(), s.description(), s.task(), dataType, s.participants(), s.data(),
                s.imaging(), s.genotypes(), s.model(), s.strategy(), s.training(), s.baselines(), s.privacy(),
                s.defence(), s.seed());
    }

    public ParticipantsViewModel table() { return table; }
    public ImageFolderViewModel images() { return images; }
    public GenotypeFilesViewModel genotypes() { return genotypes; }
    /** Which pane shows the dataset. */
    public ReadOnlyObjectProperty<DataKind> kindProperty() { return kind.getReadOnlyProperty(); }
}
