package org.medfed.gui.algorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.engine.BadInputException;
import org.medfed.engine.codec.UpdateCodec;
import org.medfed.gui.common.FormField;
import org.medfed.gui.common.NumberFields;
import org.medfed.gui.common.StudyDocument;
import org.medfed.project.CompressionSection;
import org.medfed.project.Study;
import org.medfed.study.ProtectionCompatibility;

/**
 * The "Compressed updates" part of the Algorithm screen: the codec a hospital encodes its update with, its bits,
 * the share of values top-k keeps, and error feedback. What a codec takes and refuses is the codec's own rule
 * ({@link UpdateCodec}); which protections it cannot be combined with is {@link ProtectionCompatibility}'s, shown
 * here beside the choice.
 */
public final class CompressionViewModel {

    /** The choice for no compression: whole models as 32-bit numbers. */
    public static final String NONE = "none";

    private final StudyDocument document;
    private final ObservableList<String> codecs = FXCollections.observableArrayList();
    private final ObjectProperty<String> codec = new SimpleObjectProperty<>(NONE);
    private final ObjectProperty<Integer> bits = new SimpleObjectProperty<>(8);
    private final BooleanProperty errorFeedback = new SimpleBooleanProperty(true);
    private final FormField fraction;
    private final ReadOnlyBooleanWrapper takesBits = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper takesFraction = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper errorFeedbackRefused = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private boolean loading;

    public CompressionViewModel(StudyDocument document) {
        this.document = document;
        codecs.add(NONE);
        codecs.addAll(UpdateCodec.IDS);
        fraction = new FormField("compressionFraction", "Share of values kept", "0.05 sends the largest 5 % of the "
                + "values of each update", this::checkFraction, t -> changed());
        fraction.errorProperty().addListener((obs, was, is) -> updateValid());
        codec.addListener((obs, was, is) -> {
            describe();
            if (!loading && UpdateCodec.takesFraction(is) && !UpdateCodec.takesFraction(was)) {
                errorFeedback.set(true); // top-k without error feedback loses what it leaves out for good
            }
            changed();
        });
        bits.addListener((obs, was, is) -> changed());
        errorFeedback.addListener((obs, was, is) -> changed());
        document.studyProperty().addListener((obs, was, is) -> {
            if (was == null || !Objects.equals(was.compression(), is.compression())) {
                show(is);
            }
            recheck(is);
        });
        show(document.study());
        recheck(document.study());
    }

    /** The codecs offered: none, then the codec's own list. */
    public ObservableList<String> codecs() { return codecs; }

    /** A codec's name for the choice box. */
    public static String name(String id) {
        return NONE.equals(id) ? "None: whole models as 32-bit numbers" : UpdateCodec.name(id);
    }

    private void show(Study study) {
        loading = true;
        try {
            CompressionSection c = study.compression();
            if (c == null) {
                codec.set(NONE);
                if (fraction.textProperty().get().isEmpty()) {
                    fraction.show("0.05");
                }
            } else {
                codec.set(c.codec());
                bits.set(c.bits());
                errorFeedback.set(c.errorFeedback());
                if (fraction.valid() || fraction.textProperty().get().isEmpty()) {
                    fraction.show(NumberFields.format(c.fraction()));
                }
            }
            describe();
        } finally {
            loading = false;
        }
        updateValid();
    }

    private void describe() {
        String id = codec.get();
        takesBits.set(UpdateCodec.takesBits(id));
        takesFraction.set(UpdateCodec.takesFraction(id));
        explanation.set(NONE.equals(id) ? "Hospitals send their whole trained model as 32-bit numbers."
                : UpdateCodec.explanation(id));
        errorFeedbackRefused.set(NONE.equals(id) ? "" : refusal(() -> new UpdateCodec(id, bits.get(), 0.05, true)));
    }

    private String checkFraction(String text) {
        double v = NumberFields.parseDouble(text);
        if (Double.isNaN(v)) {
            return "The share of values kept must be a number";
        }
        String why = refusal(() -> new UpdateCodec(UpdateCodec.TOPK, 32, v, false));
        return why.isEmpty() ? null : why;
    }

    private static String refusal(Runnable build) {
        try {
            build.run();
            return "";
        } catch (BadInputException e) {
            String m = e.getMessage();
            return Character.toUpperCase(m.charAt(0)) + m.substring(1);
        }
    }

    private void changed() {
        updateValid();
        if (loading || !valid.get()) {
            return;
        }
        String id = codec.get();
        CompressionSection next = NONE.equals(id) ? null : new CompressionSection(id,
                UpdateCodec.takesBits(id) ? bits.get() : null,
                UpdateCodec.takesFraction(id) ? NumberFields.parseDouble(fraction.textProperty().get()) : null,
                UpdateCodec.takesFraction(id) ? errorFeedback.get() : Boolean.FALSE);
        if (!Objects.equals(next, document.study().compression())) {
            document.edit(s -> s.withCompression(next));
        }
    }

    private void updateValid() {
        valid.set(!UpdateCodec.takesFraction(codec.get()) || fraction.valid());
    }

    private void recheck(Study study) {
        List<String> next = new ArrayList<>();
        for (ProtectionCompatibility.Problem p : ProtectionCompatibility.problems(study, study.enabledParticipants().size())) {
            if (p.subject() == ProtectionCompatibility.Subject.COMPRESSION) {
                next.add(Character.toUpperCase(p.text().charAt(0)) + p.text().substring(1) + " (" + p.screen() + ").");
            }
        }
        if (!next.equals(problems)) {
            problems.setAll(next);
        }
    }

    public ObjectProperty<String> codecProperty() { return codec; }
    public ObjectProperty<Integer> bitsProperty() { return bits; }
    /** The bits quantisation offers. */
    public List<Integer> bitChoices() { return UpdateCodec.BITS; }
    public BooleanProperty errorFeedbackProperty() { return errorFeedback; }
    public FormField fraction() { return fraction; }
    public ReadOnlyBooleanProperty takesBitsProperty() { return takesBits.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty takesFractionProperty() { return takesFraction.getReadOnlyProperty(); }
    /** Why error feedback is not offered with the chosen codec, in the codec's words; empty when it is. */
    public ReadOnlyStringProperty errorFeedbackRefusedProperty() { return errorFeedbackRefused.getReadOnlyProperty(); }
    public ReadOnlyStringProperty explanationProperty() { return explanation.getReadOnlyProperty(); }
    /** Why the study's compression cannot run with its protections, naming the screen; empty when it can. */
    public ObservableList<String> problems() { return problems; }
    public ReadOnlyBooleanProperty valid() { return valid.getReadOnlyProperty(); }
}
