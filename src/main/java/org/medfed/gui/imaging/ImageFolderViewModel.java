package org.medfed.gui.imaging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.medfed.engine.BadInputException;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.ErrorText;
import org.medfed.project.ImagingSection;

/**
 * One hospital's image folder at a glance: how many images of each class, thumbnails of them, and what could not
 * be read. Reading is a background task (headers first, for the counts, then thumbnails) that reports progress
 * and can be cancelled; a new hospital cancels the reading of the previous one.
 */
public final class ImageFolderViewModel {

    /** Thumbnails made per folder at most: enough to see what is there, few enough for a folder of thousands. */
    public static final int MAX_THUMBNAILS = 240;
    public static final String ALL_CLASSES = "All classes";

    /** A class of images and how many the hospital has. */
    public record ClassCount(String name, int count) {
        @Override
        public String toString() {
            return name + " (" + count + ")";
        }
    }

    /** A file's small picture, with its class. */
    public record Thumbnail(Path path, String className, PixelPicture picture) {
        public String fileName() {
            return String.valueOf(path.getFileName());
        }
    }

    /** One reading: cancelled by its flag, checked before every file; its results ignored once it is not current. */
    private static final class Job {
        volatile boolean cancelled;
        final ConcurrentLinkedQueue<Thumbnail> made = new ConcurrentLinkedQueue<>();
        final AtomicBoolean flushQueued = new AtomicBoolean();
        volatile double fraction;
        volatile String step = "";
    }

    private final BackgroundTasks tasks;
    private final ImageViewerViewModel viewer;
    private final StringProperty title = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<ClassCount> classes = FXCollections.observableArrayList();
    private final ObservableList<String> classChoices = FXCollections.observableArrayList(ALL_CLASSES);
    private final ObjectProperty<String> shownClass = new SimpleObjectProperty<>(ALL_CLASSES);
    private final ObservableList<Thumbnail> thumbnails = FXCollections.observableArrayList();
    private final FilteredList<Thumbnail> shownThumbnails = new FilteredList<>(thumbnails);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private Job current;

    public ImageFolderViewModel(BackgroundTasks tasks) {
        this.tasks = tasks;
        this.viewer = new ImageViewerViewModel(tasks);
        shownClass.addListener((obs, was, is) -> shownThumbnails.setPredicate(
                is == null || ALL_CLASSES.equals(is) ? null : t -> t.className().equals(is)));
    }

    /** Reads a hospital's folder as the study's imaging settings describe it. */
    public void load(String hospital, Path folder, ImagingSection settings) {
        cancel();
        Job job = new Job();
        current = job;
        title.set(hospital + ": " + folder);
        classes.clear();
        classChoices.setAll(ALL_CLASSES);
        shownClass.set(ALL_CLASSES);
        thumbnails.clear();
        problems.clear();
        progress.set(0);
        status.set("Reading the file headers…");
        running.set(true);
        ImagingSection s = settings == null ? ImagingSection.defaults() : settings;
        tasks.run(() -> read(job, folder, s), result -> finished(job, result), e -> failed(job, e));
    }

    /** Forgets the folder shown (no hospital chosen, or not an image study). */
    public void clear() {
        clear("");
    }

    /** Forgets the folder shown and says why nothing is shown ({@code hint}), or nothing when empty. */
    public void clear(String hint) {
        cancel();
        current = null;
        title.set("");
        classes.clear();
        classChoices.setAll(ALL_CLASSES);
        thumbnails.clear();
        problems.clear();
        status.set(hint);
        running.set(false);
    }

    /** Stops the reading under way; what was read so far stays on screen. */
    public void cancel() {
        Job job = current;
        if (job != null && running.get()) {
            job.cancelled = true;
        }
    }

    /** Opens a thumbnail's file in the viewer. */
    public void view(Thumbnail t) {
        viewer.open(t.path());
    }

    // ---- the background part

    private ImageFolderIndex.Result read(Job job, Path folder, ImagingSection settings) {
        ImageFolderIndex.Result index = ImageFolderIndex.scan(folder, settings, p -> {
            report(job, 0.3 * p.done() / Math.max(1, p.total()), "Reading the file headers: " + p.done() + " of "
                    + p.total());
        }, () -> job.cancelled);
        tasks.ui().execute(() -> {
            if (current == job) {
                showCounts(index);
            }
        });
        List<ImageFolderIndex.Item> chosen = sample(index);
        int done = 0;
        for (ImageFolderIndex.Item item : chosen) {
            if (job.cancelled) {
                throw new CancellationException("cancelled after " + done + " of " + chosen.size() + " thumbnails");
            }
            try {
                job.made.add(new Thumbnail(item.path(), item.className(), Thumbnails.of(item.path())));
            } catch (BadInputException e) {
                // the class folder in front of the file's name, which the message starts with
                Path parent = item.path().getParent();
                String problem = (parent == null ? "" : parent.getFileName() + "/") + e.getMessage();
                tasks.ui().execute(() -> {
                    if (current == job) {
                        problems.add(problem);
                    }
                });
            }
            done++;
            report(job, 0.3 + 0.7 * done / chosen.size(), "Making thumbnails: " + done + " of " + chosen.size());
        }
        return index;
    }

    /** Up to {@link #MAX_THUMBNAILS} files, the first of each class in turn, so that every class is seen. */
    static List<ImageFolderIndex.Item> sample(ImageFolderIndex.Result index) {
        Map<String, List<ImageFolderIndex.Item>> byClass = new LinkedHashMap<>();
        index.counts().keySet().forEach(c -> byClass.put(c, new ArrayList<>()));
        index.items().forEach(i -> byClass.get(i.className()).add(i));
        List<ImageFolderIndex.Item> out = new ArrayList<>();
        for (int k = 0; out.size() < MAX_THUMBNAILS; k++) {
            boolean any = false;
            for (List<ImageFolderIndex.Item> list : byClass.values()) {
                if (k < list.size() && out.size() < MAX_THUMBNAILS) {
                    out.add(list.get(k));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        // shown grouped by class, as the counts are
        List<String> order = new ArrayList<>(byClass.keySet());
        out.sort(java.util.Comparator.comparingInt(i -> order.indexOf(i.className())));
        return out;
    }

    /**
     * Hands progress and new thumbnails to the UI thread, at most one hand-over waiting at a time: a folder of
     * thousands of files does not flood the FX event queue.
     */
    private void report(Job job, double fraction, String step) {
        job.fraction = fraction;
        job.step = step;
        if (job.flushQueued.compareAndSet(false, true)) {
            tasks.ui().execute(() -> flush(job));
        }
    }

    private void flush(Job job) {
        job.flushQueued.set(false);
        if (current != job) {
            return;
        }
        List<Thumbnail> batch = new ArrayList<>();
        for (Thumbnail t = job.made.poll(); t != null; t = job.made.poll()) {
            batch.add(t);
        }
        thumbnails.addAll(batch);
        if (running.get()) {
            progress.set(job.fraction);
            status.set(job.step);
        }
    }

    // ---- back on the UI thread

    private void showCounts(ImageFolderIndex.Result index) {
        List<ClassCount> counts = new ArrayList<>();
        index.counts().forEach((c, n) -> counts.add(new ClassCount(c, n)));
        classes.setAll(counts);
        List<String> choices = new ArrayList<>();
        choices.add(ALL_CLASSES);
        choices.addAll(index.counts().keySet());
        String shown = shownClass.get();
        classChoices.setAll(choices);
        // a combo box clears its value when its items are replaced: keep the choice, or show all
        shownClass.set(shown != null && choices.contains(shown) ? shown : ALL_CLASSES);
        problems.addAll(index.problems());
    }

    private void finished(Job job, ImageFolderIndex.Result index) {
        if (current != job) {
            return;
        }
        flush(job);
        running.set(false);
        progress.set(1);
        status.set(summary(index, thumbnails.size(), problems.size()));
    }

    private void failed(Job job, Throwable e) {
        if (current != job) {
            return;
        }
        flush(job);
        running.set(false);
        if (e instanceof CancellationException) {
            String step = job.step.isEmpty() ? "" : " (" + Character.toLowerCase(job.step.charAt(0))
                    + job.step.substring(1) + ")";
            status.set("Cancelled" + step + ". " + (classes.isEmpty() ? "Nothing was counted."
                    : thumbnails.size() + " thumbnails were made."));
        } else {
            status.set("Could not read this folder: " + ErrorText.plain(e));
        }
    }

    static String summary(ImageFolderIndex.Result index, int shown, int problemCount) {
        int total = index.items().size();
        StringBuilder sb = new StringBuilder();
        sb.append(total).append(total == 1 ? " image in " : " images in ").append(index.counts().size())
                .append(index.counts().size() == 1 ? " class" : " classes");
        if (shown < total) {
            sb.append(String.format(Locale.ROOT, "; thumbnails of the first %d", shown));
        }
        if (index.skippedNotDicom() > 0) {
            sb.append("; ").append(index.skippedNotDicom()).append(" file(s) that are not DICOM skipped");
        }
        if (problemCount > 0) {
            sb.append("; ").append(problemCount).append(" problem(s), listed below");
        }
        return sb.toString();
    }

    public ImageViewerViewModel viewer() { return viewer; }
    public StringProperty titleProperty() { return title; }
    public ReadOnlyBooleanProperty runningProperty() { return running; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty statusProperty() { return status; }
    public ObservableList<ClassCount> classes() { return classes; }
    public ObservableList<String> classChoices() { return classChoices; }
    public ObjectProperty<String> shownClassProperty() { return shownClass; }
    public ObservableList<Thumbnail> thumbnails() { return thumbnails; }
    public ObservableList<Thumbnail> shownThumbnails() { return shownThumbnails; }
    public ObservableList<String> problems() { return problems; }
}
