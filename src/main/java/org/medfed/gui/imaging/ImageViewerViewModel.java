package org.medfed.gui.imaging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.data.dicom.DicomFile;
import org.medfed.data.dicom.DicomImage;
import org.medfed.data.dicom.DicomObject;
import org.medfed.data.dicom.PixelFormat;
import org.medfed.data.dicom.Tag;
import org.medfed.data.dicom.Window;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.ErrorText;
import org.medfed.gui.common.NumberFields;

/**
 * One DICOM image, larger, with window/level: centre and width start at the file's WindowCenter/WindowWidth (its
 * value range when it has none), can be changed by sliders, fields or dragging, and reset. Beside it the tags
 * that matter for a study and the value range after rescale. The file is decoded in the background; changing the
 * window redraws from the decoded values, without reading the file again.
 */
public final class ImageViewerViewModel {

    /** A tag shown beside the image. */
    public record TagRow(String name, String value) {
    }

    /** What a decoded file gives the viewer. */
    record Decoded(Path path, float[] values, int channels, int rows, int columns, boolean inverted, Window initial,
                   double min, double max, List<TagRow> tags) {
    }

    private final BackgroundTasks tasks;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final DoubleProperty center = new SimpleDoubleProperty();
    private final DoubleProperty width = new SimpleDoubleProperty(1);
    private final DoubleProperty rangeMin = new SimpleDoubleProperty(0);
    private final DoubleProperty rangeMax = new SimpleDoubleProperty(1);
    private final StringProperty range = new SimpleStringProperty("");
    private final ObjectProperty<PixelPicture> picture = new SimpleObjectProperty<>();
    private final ObservableList<TagRow> tags = FXCollections.observableArrayList();
    private Decoded decoded;

    public ImageViewerViewModel(BackgroundTasks tasks) {
        this.tasks = tasks;
        center.addListener((obs, was, is) -> redraw());
        width.addListener((obs, was, is) -> redraw());
    }

    /** Reads and decodes a file in the background; the viewer shows it when done, or says what is wrong. */
    public void open(Path path) {
        file.set(path);
        title.set(String.valueOf(path.getFileName()));
        loading.set(true);
        error.set("");
        tasks.run(() -> decode(path), d -> {
            if (path.equals(file.get())) {
                show(d);
            }
        }, e -> {
            if (path.equals(file.get())) {
                loading.set(false);
                decoded = null;
                picture.set(null);
                tags.clear();
                range.set("");
                error.set(ErrorText.plain(e));
            }
        });
    }

    static Decoded decode(Path path) {
        DicomFile f = DicomFile.read(path);
        DicomImage image = DicomImage.of(f);
        float[] values = image.frame(0);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new Decoded(path, values, image.channels(), image.rows(), image.columns(), image.format().inverted(),
                Thumbnails.defaultWindow(image, values), min, max, tags(f, image));
    }

    static List<TagRow> tags(DicomFile f, DicomImage image) {
        DicomObject ds = f.dataset();
        PixelFormat px = image.format();
        List<TagRow> out = new ArrayList<>();
        out.add(new TagRow("Modality", ds.getString(Tag.Modality, "–")));
        out.add(new TagRow("Patient ID", ds.getString(Tag.PatientID, "–")));
        out.add(new TagRow("Study instance UID", ds.getString(Tag.StudyInstanceUID, "–")));
        out.add(new TagRow("Series instance UID", ds.getString(Tag.SeriesInstanceUID, "–")));
        out.add(new TagRow("Rows", String.valueOf(px.rows())));
        out.add(new TagRow("Columns", String.valueOf(px.columns())));
        if (px.frames() > 1) {
            out.add(new TagRow("Frames", px.frames() + " (the first is shown)"));
        }
        double[] spacing = ds.getDoubles(Tag.PixelSpacing);
        out.add(new TagRow("Pixel spacing (mm)", spacing.length == 0 ? "–"
                : String.join(" x ", java.util.Arrays.stream(spacing).mapToObj(NumberFields::format).toList())));
        out.add(new TagRow("Bits allocated / stored", px.bitsAllocated() + " / " + px.bitsStored()
                + (px.signed() ? ", signed" : ", unsigned")));
        out.add(new TagRow("Photometric interpretation", px.photometric()));
        out.add(new TagRow("Transfer syntax", f.transferSyntax().displayName()));
        out.add(new TagRow("Rescale slope / intercept", NumberFields.format(px.rescaleSlope()) + " / "
                + NumberFields.format(px.rescaleIntercept())));
        out.add(new TagRow("Window in the file", image.fileWindow().map(Window::toString).orElse("none")));
        return out;
    }

    private void show(Decoded d) {
        decoded = null; // no redraw while the window is set
        loading.set(false);
        double span = Math.max(1, d.max() - d.min());
        rangeMin.set(Math.min(d.min(), d.initial().center()) - span * 0.5);
        rangeMax.set(Math.max(d.max(), d.initial().center()) + span * 0.5);
        center.set(d.initial().center());
        width.set(d.initial().width());
        tags.setAll(d.tags());
        range.set(String.format(Locale.ROOT, "after rescale: min %s, max %s", NumberFields.format(d.min()),
                NumberFields.format(d.max())));
        decoded = d;
        redraw();
    }

    /** Back to the file's own window. */
    public void reset() {
        if (decoded != null) {
            center.set(decoded.initial().center());
            width.set(decoded.initial().width());
        }
    }

    /**
     * A drag on the image, in screen pixels: right widens the window, down raises the centre (the usual
     * convention of viewers), by the value range per 500 pixels.
     */
    public void drag(double dx, double dy) {
        if (decoded == null) {
            return;
        }
        double perPixel = Math.max(1, decoded.max() - decoded.min()) / 500;
        width.set(Math.max(1, width.get() + dx * perPixel));
        center.set(center.get() + dy * perPixel);
    }

    /** The largest width a slider offers: twice the image's value range. */
    public double maxWidth() {
        return Math.max(2, 2 * (rangeMax.get() - rangeMin.get()));
    }

    private void redraw() {
        Decoded d = decoded;
        if (d == null) {
            return;
        }
        if (!(width.get() >= 1) || !Double.isFinite(center.get())) {
            return; // a half-typed value: keep the last picture
        }
        picture.set(Pictures.windowed(d.values(), d.channels(), d.rows(), d.columns(),
                new Window(center.get(), width.get()), d.inverted()));
    }

    public ObjectProperty<Path> fileProperty() { return file; }
    public StringProperty titleProperty() { return title; }
    public BooleanProperty loadingProperty() { return loading; }
    public StringProperty errorProperty() { return error; }
    public DoubleProperty centerProperty() { return center; }
    public DoubleProperty widthProperty() { return width; }
    public DoubleProperty rangeMinProperty() { return rangeMin; }
    public DoubleProperty rangeMaxProperty() { return rangeMax; }
    public StringProperty rangeProperty() { return range; }
    public ObjectProperty<PixelPicture> pictureProperty() { return picture; }
    public ObservableList<TagRow> tags() { return tags; }
}
