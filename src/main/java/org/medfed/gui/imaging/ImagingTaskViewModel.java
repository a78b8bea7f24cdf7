package org.medfed.gui.imaging;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.medfed.gui.common.FormField;
import org.medfed.gui.common.NumberFields;
import org.medfed.gui.common.StudyDocument;
import org.medfed.project.ImagingSection;
import org.medfed.project.ModelSection;
import org.medfed.project.Study;

/**
 * The Task and model screen of an image study: classification or segmentation, how every hospital prepares its
 * images (window, input size, normalisation, augmentation), the split, the network's sizes and the seed. Choices
 * are written to the study at once, typed numbers once they are valid; {@link #valid()} says whether every field is.
 */
public final class ImagingTaskViewModel {

    public static final List<String> TASKS = List.of(ImagingSection.CLASSIFICATION, ImagingSection.SEGMENTATION);
    public static final List<String> WINDOWS = List.of("file", "none", "fixed");
    public static final List<String> NORMALISATIONS = List.of("none", "min-max", "z-score", "fixed");
    /** Augmentation switched on where the study had none: flips and small rotations, one copy. */
    static final ImagingSection.AugmentationSection DEFAULT_AUGMENTATION =
            new ImagingSection.AugmentationSection(true, true, 10.0, 1, 42L);

    /** What the batch-norm box does, in a line. */
    public static final String BATCH_NORM_HELP = "Normalises each convolution's channels by their mean and spread over "
            + "the training images (scale, shift and running statistics). FedBN keeps these at each hospital, so "
            + "that scanners with other brightness or contrast are normalised by their own images.";

    private final StudyDocument document;
    private final ObjectProperty<String> task = new SimpleObjectProperty<>(ImagingSection.CLASSIFICATION);
    private final ObjectProperty<String> window = new SimpleObjectProperty<>("file");
    private final ObjectProperty<String> normalisation = new SimpleObjectProperty<>("none");
    private final BooleanProperty augmentation = new SimpleBooleanProperty();
    private final BooleanProperty batchNorm = new SimpleBooleanProperty();
    private final FormField windowCenter;
    private final FormField windowWidth;
    private final FormField height;
    private final FormField width;
    private final FormField mean;
    private final FormField std;
    private final FormField trainFraction;
    private final FormField splitSeed;
    private final FormField filters;
    private final FormField hidden;
    private final FormField seed;
    private final List<FormField> fields;
    private final BooleanProperty valid = new SimpleBooleanProperty(true);
    private ImagingSection.AugmentationSection lastAugmentation = DEFAULT_AUGMENTATION;
    private boolean loading;

    public ImagingTaskViewModel(StudyDocument document) {
        this.document = document;
        windowCenter = new FormField("windowCenter", "Window centre", "in the images' units after rescale, e.g. 40",
                whenFixed(window, FormField.number("The window centre", -1e9, true, 1e9, true)),
                t -> editImaging(d -> d.windowCenter = NumberFields.parseDouble(t)));
        windowWidth = new FormField("windowWidth", "Window width", "at least 1, e.g. 400",
                whenFixed(window, FormField.number("The window width", 1, true, 1e9, true)),
                t -> editImaging(d -> d.windowWidth = NumberFields.parseDouble(t)));
        height = new FormField("height", "Input height (pixels)", "every image is resized to this, e.g. 64",
                size("The input height"), t -> editImaging(d -> d.size = List.of(parseInt(t), d.size.get(1))));
        width = new FormField("width", "Input width (pixels)", "e.g. 64; larger sees more detail but trains slower",
                size("The input width"), t -> editImaging(d -> d.size = List.of(d.size.get(0), parseInt(t))));
        mean = new FormField("mean", "Normalisation mean", "subtracted from every pixel (after windowing, 0..1)",
                whenFixed(normalisation, FormField.number("The mean", -1e9, true, 1e9, true)),
                t -> editImaging(d -> d.mean = NumberFields.parseDouble(t)));
        std = new FormField("std", "Normalisation std", "every pixel is divided by it; above 0",
                whenFixed(normalisation, FormField.number("The std", 0, false, 1e9, true)),
                t -> editImaging(d -> d.std = NumberFields.parseDouble(t)));
        trainFraction = new FormField("imagingTrainFraction", "Share of each hospital's images for training",
                "the rest tests the model; between 0 and 1, e.g. 0.75",
                FormField.number("The training share", 0, false, 1, false),
                t -> editImaging(d -> d.trainFraction = NumberFields.parseDouble(t)));
        splitSeed = new FormField("imagingSplitSeed", "Split seed", "the same seed gives the same train/test split",
                FormField.wholeNumber("The split seed", 0), t -> editImaging(d -> d.splitSeed = NumberFields.parseLong(t)));
        filters = new FormField("filters", "Convolution filters per level", "e.g. 8,16: more filters learn more, slower",
                t -> sizes(t, "filters", 1, 256, false), t -> editModel(m -> new ModelSection(m.type(), m.hidden(),
                        parseSizes(t), m.batchNorm())));
        hidden = new FormField("denseSizes", "Dense layer sizes", "neurons after the convolutions, e.g. 16 (may be empty)",
                t -> ImagingSection.SEGMENTATION.equals(task.get()) ? null : sizes(t, "dense sizes", 1, 4096, true),
                t -> {
                    if (!ImagingSection.SEGMENTATION.equals(task.get())) {
                        editModel(m -> new ModelSection(m.type(), parseSizes(t), m.filters(), m.batchNorm()));
                    }
                });
        seed = new FormField("imagingSeed", "Run seed", "the same seed gives bit-identical results",
                FormField.wholeNumber("The run seed", 0), t -> document.edit(s -> s.withSeed(NumberFields.parseLong(t))));
        fields = List.of(windowCenter, windowWidth, height, width, mean, std, trainFraction, splitSeed, filters, hidden,
                seed);
        fields.forEach(f -> f.errorProperty().addListener((obs, was, is) -> updateValid()));

        task.addListener((obs, was, is) -> {
            if (!loading && is != null) {
                // the task decides the network: a classifier (cnn) or an encoder-decoder (unet)
                String model = is.equals(ImagingSection.SEGMENTATION) ? "unet" : "cnn";
                document.edit(s -> {
                    ImagingDraft d = ImagingDraft.of(imaging(s));
                    d.task = is;
                    return s.withImaging(d.build()).withModel(new ModelSection(model, s.model().hidden(),
                            s.model().filters(), s.model().batchNorm()));
                });
            }
            recheck(hidden);
        });
        window.addListener((obs, was, is) -> {
            if (!loading && is != null) {
                editImaging(d -> {
                    d.window = is;
                    if (is.equals("fixed")) {
                        d.windowCenter = numberOr(windowCenter, d.windowCenter);
                        d.windowWidth = numberOr(windowWidth, d.windowWidth);
                    }
                });
            }
            recheck(windowCenter, windowWidth);
        });
        normalisation.addListener((obs, was, is) -> {
            if (!loading && is != null) {
                editImaging(d -> {
                    d.normalisation = is;
                    if (is.equals("fixed")) {
                        d.mean = numberOr(mean, d.mean);
                        d.std = numberOr(std, d.std);
                    }
                });
            }
            recheck(mean, std);
        });
        batchNorm.addListener((obs, was, is) -> editModel(m -> m.withBatchNorm(is)));
        augmentation.addListener((obs, was, is) -> {
            if (!loading) {
                editImaging(d -> d.augmentation = is ? lastAugmentation : null);
            }
        });
        document.studyProperty().addListener((obs, was, is) -> show(is));
        show(document.study());
    }

    private static Double numberOr(FormField f, Double fallback) {
        double v = NumberFields.parseDouble(f.textProperty().get());
        return f.valid() && !Double.isNaN(v) ? Double.valueOf(v) : fallback;
    }

    /** A check that applies only while {@code choice} is "fixed" (the field is greyed out otherwise). */
    private static java.util.function.Function<String, String> whenFixed(ObjectProperty<String> choice,
                                                                        java.util.function.Function<String, String> check) {
        return t -> "fixed".equals(choice.get()) ? check.apply(t) : null;
    }

    private static java.util.function.Function<String, String> size(String name) {
        return t -> {
            Long v = NumberFields.parseLong(t);
            if (v == null) {
                return name + " must be a whole number";
            }
            return v < 8 || v > 512 ? name + " must be from 8 up to 512" : null;
        };
    }

    static String sizes(String text, String what, int min, int max, boolean mayBeEmpty) {
        if (text == null || text.isBlank()) {
            return mayBeEmpty ? null : "Give at least one number of " + what + ", e.g. 8,16";
        }
        for (String part : text.split(",")) {
            Long v = NumberFields.parseLong(part);
            if (v == null || v < min || v > max) {
                return "Write whole numbers from " + min + " to " + max + ", separated by commas, e.g. 8,16";
            }
        }
        return null;
    }

    static List<Integer> parseSizes(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private static int parseInt(String t) {
        return Integer.parseInt(t.trim());
    }

    private static ImagingSection imaging(Study s) {
        return s.imaging() != null ? s.imaging() : ImagingSection.defaults();
    }

    private void editImaging(Consumer<ImagingDraft> change) {
        if (loading) {
            return;
        }
        document.edit(s -> {
            ImagingDraft d = ImagingDraft.of(imaging(s));
            change.accept(d);
            return s.withImaging(d.build());
        });
    }

    private void editModel(java.util.function.UnaryOperator<ModelSection> change) {
        if (!loading) {
            document.edit(s -> s.withModel(change.apply(s.model())));
        }
    }

    private void show(Study study) {
        loading = true;
        try {
            ImagingSection s = imaging(study);
            task.set(s.task());
            window.set(s.window());
            normalisation.set(s.normalisation());
            augmentation.set(s.augmentation() != null);
            batchNorm.set(study.model().hasBatchNorm());
            if (s.augmentation() != null) {
                lastAugmentation = s.augmentation();
            }
            showText(windowCenter, s.windowCenter() == null ? "" : NumberFields.format(s.windowCenter()));
            showText(windowWidth, s.windowWidth() == null ? "" : NumberFields.format(s.windowWidth()));
            showText(height, String.valueOf(s.size().get(0)));
            showText(width, String.valueOf(s.size().get(1)));
            showText(mean, s.mean() == null ? "" : NumberFields.format(s.mean()));
            showText(std, s.std() == null ? "" : NumberFields.format(s.std()));
            showText(trainFraction, NumberFields.format(s.trainFraction()));
            showText(splitSeed, String.valueOf(s.splitSeed()));
            List<Integer> f = study.model().filters().isEmpty() ? ModelSection.DEFAULT_FILTERS : study.model().filters();
            showText(filters, join(f));
            showText(hidden, join(study.model().hidden()));
            showText(seed, String.valueOf(study.seed()));
        } finally {
            loading = false;
        }
        updateValid();
    }

    /** Shows the study's value unless the person is mid-way through typing something that does not check yet. */
    private static void showText(FormField f, String value) {
        if (!f.valid() && !f.textProperty().get().isEmpty()) {
            return;
        }
        String typed = f.textProperty().get().replace(" ", "");
        if (!typed.equals(value) && !(NumberFields.parseDouble(typed) == NumberFields.parseDouble(value))) {
            f.show(value);
        }
    }

    private static String join(List<Integer> sizes) {
        return String.join(",", sizes.stream().map(String::valueOf).toList());
    }

    private void recheck(FormField... toCheck) {
        for (FormField f : toCheck) {
            f.show(f.textProperty().get());
        }
        updateValid();
    }

    private void updateValid() {
        valid.set(fields.stream().allMatch(FormField::valid));
    }

    public ObjectProperty<String> taskProperty() { return task; }
    public ObjectProperty<String> windowProperty() { return window; }
    public ObjectProperty<String> normalisationProperty() { return normalisation; }
    public BooleanProperty augmentationProperty() { return augmentation; }
    /** Whether a batch normalisation follows each convolution (FedBN keeps them at each hospital). */
    public BooleanProperty batchNormProperty() { return batchNorm; }
    public FormField windowCenter() { return windowCenter; }
    public FormField windowWidth() { return windowWidth; }
    public FormField height() { return height; }
    public FormField width() { return width; }
    public FormField mean() { return mean; }
    public FormField std() { return std; }
    public FormField trainFraction() { return trainFraction; }
    public FormField splitSeed() { return splitSeed; }
    public FormField filters() { return filters; }
    public FormField hidden() { return hidden; }
    public FormField seed() { return seed; }
    public ReadOnlyBooleanProperty valid() { return valid; }
}
