package org.medfed.gui.imaging;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.ErrorText;
import org.medfed.gui.common.NumberFields;
import org.medfed.study.SegmentationSamples;
import org.medfed.study.StudyResult;

/**
 * For a segmentation run: a few test images of the chosen hospital, each with the true mask over it next to the
 * final model's mask over it, and the Dice of the image. The masks are predicted in the background.
 */
public final class MaskComparisonViewModel {

    /** Test images shown per hospital. */
    public static final int IMAGES = 6;
    /** True masks are drawn green, predicted ones orange: told apart also by people who confuse red and green. */
    public static final int TRUE_COLOUR = 0x2ECC71;
    public static final int PREDICTED_COLOUR = 0xFF8C00;

    /** One test image: the true mask and the predicted mask, each over the image, and the Dice. */
    public record Pair(String caption, PixelPicture truth, PixelPicture predicted, double dice, boolean nothingPredicted) {
    }

    private final BackgroundTasks tasks;
    private final BooleanProperty available = new SimpleBooleanProperty();
    private final ObservableList<String> hospitals = FXCollections.observableArrayList();
    private final ObjectProperty<String> hospital = new SimpleObjectProperty<>();
    private final ObservableList<Pair> pairs = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private StudyResult result;

    public MaskComparisonViewModel(BackgroundTasks tasks) {
        this.tasks = tasks;
        hospital.addListener((obs, was, is) -> predict());
    }

    /** A run ended (or null: none). Shows its masks when it segmented images and produced a model. */
    public void show(StudyResult r) {
        result = r;
        pairs.clear();
        boolean applies = r != null && SegmentationSamples.applies(r.prepared()) && !r.history().rounds().isEmpty();
        available.set(applies);
        if (!applies) {
            hospitals.clear();
            hospital.set(null);
            status.set("");
            return;
        }
        List<String> names = r.prepared().participantNames();
        hospitals.setAll(names);
        if (names.contains(hospital.get())) {
            predict();
        } else {
            hospital.set(names.isEmpty() ? null : names.get(0));
        }
    }

    private void predict() {
        StudyResult r = result;
        String h = hospital.get();
        pairs.clear();
        if (r == null || h == null || !available.get()) {
            return;
        }
        status.set("Predicting the masks of " + h + "'s test images…");
        tasks.run(() -> pairs(SegmentationSamples.of(r, h, IMAGES)), list -> {
            if (r == result && h.equals(hospital.get())) {
                pairs.setAll(list);
                status.set(list.isEmpty() ? h + " has no test images." : caption(r, h, list.size()));
            }
        }, e -> {
            if (r == result && h.equals(hospital.get())) {
                status.set("The masks could not be predicted: " + ErrorText.plain(e));
            }
        });
    }

    private static String caption(StudyResult r, String h, int n) {
        return "The first " + n + " of " + h + "'s test images as the model sees them (after windowing and resizing), "
                + "after " + r.history().rounds().size() + " rounds. Green: the true lesion; orange: the model's.";
    }

    static List<Pair> pairs(List<SegmentationSamples.Sample> samples) {
        List<Pair> out = new ArrayList<>();
        for (SegmentationSamples.Sample s : samples) {
            PixelPicture base = Pictures.stretched(s.image(), s.height(), s.width());
            boolean emptyTruth = true;
            for (float v : s.truth()) {
                emptyTruth &= v < 0.5f;
            }
            boolean emptyPrediction = true;
            for (float v : s.probability()) {
                emptyPrediction &= v < 0.5f;
            }
            out.add(new Pair("Test image " + (s.index() + 1) + (emptyTruth ? " (no lesion)" : "") + ": Dice "
                    + NumberFields.metric(s.dice()), Pictures.overlay(base, s.truth(), TRUE_COLOUR),
                    Pictures.overlay(base, s.probability(), PREDICTED_COLOUR), s.dice(), emptyPrediction));
        }
        return out;
    }

    public BooleanProperty availableProperty() { return available; }
    public ObservableList<String> hospitals() { return hospitals; }
    public ObjectProperty<String> hospitalProperty() { return hospital; }
    public ObservableList<Pair> pairs() { return pairs; }
    public StringProperty statusProperty() { return status; }
}
