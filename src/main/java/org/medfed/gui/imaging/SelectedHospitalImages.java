package org.medfed.gui.imaging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.value.ObservableIntegerValue;
import org.medfed.engine.BadInputException;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.DataKind;
import org.medfed.gui.common.StudyDocument;
import org.medfed.project.ImagingSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;

/**
 * Keeps the image pane on the chosen hospital: when an image study's selected hospital (or its folder) changes, its
 * folder is read; edits elsewhere in the study do not read it again. It also counts every hospital's images per
 * class from the file headers, in the background, for the hospitals table.
 */
public final class SelectedHospitalImages {

    /** Where the per-hospital figures go: the hospitals table's sample count and class balance. */
    @FunctionalInterface
    public interface Figures {
        void report(String hospital, String samples, String balance);
    }

    private final StudyDocument document;
    private final ObservableIntegerValue selected;
    private final ImageFolderViewModel folder;
    private final BackgroundTasks tasks;
    private final Figures figures;
    private final AtomicInteger countGeneration = new AtomicInteger();
    private String shownKey;
    private String countedKey;

    public SelectedHospitalImages(StudyDocument document, ObservableIntegerValue selected, ImageFolderViewModel folder,
                                  BackgroundTasks tasks, Figures figures) {
        this.document = document;
        this.selected = selected;
        this.folder = folder;
        this.tasks = tasks;
        this.figures = figures;
        document.studyProperty().addListener((obs, was, is) -> update());
        document.fileProperty().addListener((obs, was, is) -> update());
        selected.addListener((obs, was, is) -> update());
        update();
    }

    private void update() {
        Study study = document.study();
        if (DataKind.of(study) != DataKind.IMAGES) {
            if (shownKey != null) {
                folder.clear();
            }
            shownKey = null;
            countedKey = null;
            return;
        }
        ImagingSection settings = study.imaging() != null ? study.imaging() : ImagingSection.defaults();
        List<ParticipantEntry> ps = study.participants();
        int i = selected.get();
        ParticipantEntry p = i >= 0 && i < ps.size() ? ps.get(i) : null;
        Path path = p == null ? null : folderOf(p);
        if (path == null) {
            // a hint instead of an empty pane
            folder.clear(ps.isEmpty() ? "Add hospitals with \"Add hospitals…\": one folder of DICOM images each."
                    : p == null ? "Choose a hospital above to see its images."
                    : p.name() + " has no image folder yet: choose one with \"Choose data file…\".");
            shownKey = null;
        } else {
            String key = key(p.name(), path, settings);
            if (!key.equals(shownKey)) {
                shownKey = key;
                folder.load(p.name(), path, settings);
            }
        }
        countAll(ps, settings);
    }

    private Path folderOf(ParticipantEntry p) {
        return p.data().isEmpty() || p.data().get(0).isBlank() ? null : document.resolve(p.data().get(0));
    }

    /** What decides which files are shown and their classes: not the name only, not the preprocessing. */
    private static String key(String name, Path path, ImagingSection s) {
        return name + "|" + path + "|" + s.source() + "|" + s.images() + "|" + s.manifest();
    }

    private void countAll(List<ParticipantEntry> ps, ImagingSection settings) {
        List<String> names = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        for (ParticipantEntry p : ps) {
            Path path = folderOf(p);
            if (path != null) {
                names.add(p.name());
                paths.add(path);
                key.append(key(p.name(), path, settings)).append(';');
            }
        }
        if (key.toString().equals(countedKey)) {
            return;
        }
        countedKey = key.toString();
        int generation = countGeneration.incrementAndGet();
        for (int k = 0; k < names.size(); k++) {
            String name = names.get(k);
            Path path = paths.get(k);
            tasks.run(() -> ImageFolderIndex.scan(path, settings, x -> { }, () -> countGeneration.get() != generation),
                    r -> {
                        if (countGeneration.get() == generation) {
                            figures.report(name, String.valueOf(r.items().size()), balance(r.counts()));
                        }
                    }, e -> {
                        if (countGeneration.get() == generation && e instanceof BadInputException) {
                            figures.report(name, "–", "no images read");
                        }
                    });
        }
    }

    static String balance(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((c, n) -> parts.add(c + " " + n));
        return String.join(" · ", parts);
    }
}
