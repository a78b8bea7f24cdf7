package org.medfed.gui.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.medfed.data.tabular.LabelCandidates;
import org.medfed.data.tabular.LabelRule;
import org.medfed.data.tabular.MissingPolicy;
import org.medfed.data.tabular.Normalization;
import org.medfed.data.tabular.SchemaProblem;
import org.medfed.gui.common.FormField;
import org.medfed.gui.common.NumberFields;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.StudyEdits;
import org.medfed.project.DataSection;
import org.medfed.project.ModelSection;
import org.medfed.project.Study;

/**
 * The Task and model screen: the label and features, preprocessing, the model and its sizes, the train/test
 * split and the seed. Choices are written to the study at once; typed numbers once they are valid.
 */
public final class TaskViewModel {

    public static final List<String> MISSING = Stream.of(MissingPolicy.values()).map(MissingPolicy::id).toList();
    /** The usual choice first. */
    public static final List<String> NORMALIZATION = Stream.of(Normalization.POOLED, Normalization.LOCAL,
            Normalization.NONE).map(Normalization::id).toList();
    public static final List<String> LABEL_RULES = Stream.of(LabelRule.values()).map(LabelRule::id).toList();
    public static final List<String> MODELS = List.of("logistic", "mlp");

    private final StudyDocument document;
    private final ObservableList<String> columns;
    private final ObservableList<SchemaProblem> schemaProblems;
    private final ObservableList<String> labelCandidates;
    private final javafx.beans.property.StringProperty labelHint = new javafx.beans.property.SimpleStringProperty("");
    private final ObservableList<String> labelChoices = FXCollections.observableArrayList();
    private final ObjectProperty<String> label = new SimpleObjectProperty<>();
    private final ObservableList<FeatureChoice> features = FXCollections.observableArrayList();
    private final ObjectProperty<String> missing = new SimpleObjectProperty<>("drop-rows");
    private final ObjectProperty<String> normalization = new SimpleObjectProperty<>("pooled");
    private final ObjectProperty<String> labelRule = new SimpleObjectProperty<>("as-is");
    private final ObjectProperty<String> model = new SimpleObjectProperty<>("logistic");
    private final FormField hidden;
    private final FormField trainFraction;
    private final FormField splitSeed;
    private final FormField seed;
    private final BooleanProperty valid = new SimpleBooleanProperty(true);
    private final javafx.beans.property.StringProperty studyName = new javafx.beans.property.SimpleStringProperty("");
    private final javafx.beans.property.StringProperty description = new javafx.beans.property.SimpleStringProperty("");
    private boolean loading;

    /**
     * @param columns        the columns the hospitals' files have
     * @param schemaProblems  the check across hospitals: a column it leaves out as an identifier is offered unticked
     * @param labelCandidates the columns that could be the label ("column2 (B, M)"), named while none is chosen
     */
    public TaskViewModel(StudyDocument document, ObservableList<String> columns,
                         ObservableList<SchemaProblem> schemaProblems, ObservableList<String> labelCandidates) {
        this.document = document;
        this.columns = columns;
        this.schemaProblems = schemaProblems;
        this.labelCandidates = labelCandidates;
        hidden = new FormField("hidden", "Hidden layer sizes", "neurons per hidden layer, e.g. 32 or 32,16",
                this::checkHidden, t -> {
                    if ("mlp".equals(model.get())) {
                        document.edit(s -> s.withModel(new ModelSection("mlp", parseHidden(t))));
                    }
                });
        trainFraction = new FormField("trainFraction", "Share of each hospital's patients for training",
                "the rest tests the model; between 0 and 1, e.g. 0.8",
                FormField.number("The training share", 0, false, 1, false),
                t -> editData(d -> StudyEdits.withSplit(d, NumberFields.parseDouble(t), d.splitSeed())));
        splitSeed = new FormField("splitSeed", "Split seed", "the same seed gives the same train/test split",
                FormField.wholeNumber("The split seed", 0),
                t -> editData(d -> StudyEdits.withSplit(d, d.trainFraction(), NumberFields.parseLong(t))));
        seed = new FormField("seed", "Run seed", "the same seed gives bit-identical results",
                FormField.wholeNumber("The run seed", 0), t -> document.edit(s -> s.withSeed(NumberFields.parseLong(t))));
        for (FormField f : List.of(hidden, trainFraction, splitSeed, seed)) {
            f.errorProperty().addListener((obs, was, is) -> updateValid());
        }

        label.addListener((obs, was, is) -> {
            if (!loading && is != null) {
                editData(d -> {
                    List<String> drop = new ArrayList<>(d.drop());
                    drop.remove(is);
                    return StudyEdits.withFeaturesAndDrop(d.withLabel(is),
                            d.features().stream().filter(f -> !f.equals(is)).toList(), drop);
                });
            }
        });
        studyName.addListener((obs, was, is) -> {
            if (!loading && is != null && !is.isBlank() && !is.strip().equals(document.study().name())) {
                document.edit(s -> s.withName(is.strip()));
            }
        });
        description.addListener((obs, was, is) -> {
            if (!loading && is != null && !is.equals(document.study().description())) {
                document.edit(s -> s.withDescription(is));
            }
        });
        missing.addListener((obs, was, is) -> preprocessingChanged());
        normalization.addListener((obs, was, is) -> preprocessingChanged());
        labelRule.addListener((obs, was, is) -> preprocessingChanged());
        model.addListener((obs, was, is) -> {
            if (!loading && is != null) {
                List<Integer> sizes = is.equals("mlp") ? (parseHidden(hidden.textProperty().get()).isEmpty()
                        ? List.of(32) : parseHidden(hidden.textProperty().get())) : List.of();
                document.edit(s -> s.withModel(new ModelSection(is, sizes)));
            }
            hidden.show(hidden.textProperty().get());
            updateValid();
        });
        columns.addListener((ListChangeListener<String>) c -> show(document.study()));
        schemaProblems.addListener((ListChangeListener<SchemaProblem>) c -> show(document.study()));
        labelCandidates.addListener((ListChangeListener<String>) c -> show(document.study()));
        document.studyProperty().addListener((obs, was, is) -> show(is));
        show(document.study());
    }

    private void preprocessingChanged() {
        if (!loading) {
            editData(d -> StudyEdits.withPreprocessing(d, missing.get(), normalization.get(), labelRule.get()));
        }
    }

    private void editData(java.util.function.UnaryOperator<DataSection> change) {
        document.edit(s -> s.withData(change.apply(StudyEdits.data(s.data()))));
    }

    private void show(Study study) {
        loading = true;
        try {
            DataSection d = StudyEdits.data(study.data());
            List<String> known = new ArrayList<>(columns);
            if (d.label() != null && !known.contains(d.label())) {
                known.add(0, d.label());
            }
            if (!known.equals(labelChoices)) {
                labelChoices.setAll(known);
            }
            label.set(d.label());
            labelHint.set(d.label() != null || labelCandidates.isEmpty() ? "" : "Columns of 2 to "
                    + LabelCandidates.MAX_CLASSES + " values, which could be the label: " + String.join(", ", labelCandidates));
            if (!study.name().equals(studyName.get() == null ? "" : studyName.get().strip())) {
                studyName.set(study.name());
            }
            if (!study.description().equals(description.get())) {
                description.set(study.description());
            }
            showFeatures(d);
            missing.set(d.missing());
            normalization.set(d.normalization());
            labelRule.set(d.labelRule());
            model.set(study.model().type());
            String hiddenText = String.join(",", study.model().hidden().stream().map(String::valueOf).toList());
            if (hidden.valid() && !parseHidden(hidden.textProperty().get()).equals(study.model().hidden())) {
                hidden.show(hiddenText);
            } else if (hidden.valid()) {
                hidden.show(hidden.textProperty().get());
            }
            showNumber(trainFraction, NumberFields.format(d.trainFraction()));
            showNumber(splitSeed, String.valueOf(d.splitSeed()));
            showNumber(seed, String.valueOf(study.seed()));
        } finally {
            loading = false;
        }
        updateValid();
    }

    private void showFeatures(DataSection d) {
        List<String> candidates = columns.stream().filter(c -> !c.equals(d.label())).toList();
        boolean same = features.size() == candidates.size();
        for (int i = 0; same && i < candidates.size(); i++) {
            same = features.get(i).column().equals(candidates.get(i));
        }
        if (!same) {
            List<FeatureChoice> fresh = new ArrayList<>();
            for (String c : candidates) {
                FeatureChoice f = new FeatureChoice(c);
                f.useProperty().addListener((obs, was, is) -> featuresChanged());
                f.typeProperty().addListener((obs, was, is) -> featuresChanged());
                fresh.add(f);
            }
            features.setAll(fresh);
        }
        List<String> identifiers = SchemaProblem.leftOutAsIdentifiers(schemaProblems);
        for (FeatureChoice f : features) {
            boolean identifier = identifiers.contains(f.column());
            boolean used = !d.drop().contains(f.column()) && (d.features().isEmpty() || d.features().contains(f.column()))
                    && !identifier;
            f.useProperty().set(used);
            f.noteProperty().set(identifier ? "looks like an identifier; tick to use it" : "");
            String t = d.types().get(f.column());
            f.typeProperty().set(t == null ? FeatureChoice.AS_READ : t.toLowerCase(Locale.ROOT));
        }
    }

    private void featuresChanged() {
        if (loading) {
            return;
        }
        List<String> identifiers = SchemaProblem.leftOutAsIdentifiers(schemaProblems);
        List<String> drop = new ArrayList<>();
        List<String> keep = new ArrayList<>(StudyEdits.data(document.study().data()).keep());
        Map<String, String> types = new LinkedHashMap<>();
        for (FeatureChoice f : features) {
            boolean identifier = identifiers.contains(f.column());
            if (f.useProperty().get()) {
                // ticking a column the check left out as an identifier keeps it, as the Participants screen's button does
                if (identifier && !keep.contains(f.column())) {
                    keep.add(f.column());
                }
            } else {
                keep.remove(f.column());
                if (!identifier) {
                    drop.add(f.column());
                }
            }
            if (!FeatureChoice.AS_READ.equals(f.typeProperty().get())) {
                types.put(f.column(), f.typeProperty().get());
            }
        }
        editData(d -> StudyEdits.withTypes(StudyEdits.withFeaturesAndDrop(d, List.of(), drop), types).withKeep(keep));
    }

    private static void showNumber(FormField f, String value) {
        if (!f.valid() && !f.textProperty().get().isEmpty()) {
            return;
        }
        double typed = NumberFields.parseDouble(f.textProperty().get());
        if (Double.isNaN(typed) || typed != NumberFields.parseDouble(value)) {
            f.show(value);
        }
    }

    private String checkHidden(String text) {
        if (!"mlp".equals(model.get())) {
            return null;
        }
        if (text == null || text.isBlank()) {
            return "An MLP needs at least one hidden layer, e.g. 32";
        }
        for (String part : text.split(",")) {
            Long v = NumberFields.parseLong(part);
            if (v == null || v < 1 || v > 4096) {
                return "Write whole numbers from 1 to 4096, separated by commas, e.g. 32,16";
            }
        }
        return null;
    }

    static List<Integer> parseHidden(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(text.split(",")).map(String::trim).map(Integer::parseInt).toList();
        } catch (NumberFormatException e) {
            return List.of();
        }
    }

    private void updateValid() {
        valid.set(hidden.valid() && trainFraction.valid() && splitSeed.valid() && seed.valid());
    }

    /** The study's name (an empty name is not written: a study always has one). */
    public javafx.beans.property.StringProperty studyNameProperty() { return studyName; }
    public javafx.beans.property.StringProperty descriptionProperty() { return description; }
    public ObservableList<String> labelChoices() { return labelChoices; }
    public ObjectProperty<String> labelProperty() { return label; }
    /** While no label is chosen: the columns that could be it. */
    public javafx.beans.property.ReadOnlyStringProperty labelHintProperty() { return labelHint; }
    public ObservableList<FeatureChoice> features() { return features; }
    public ObjectProperty<String> missingProperty() { return missing; }
    public ObjectProperty<String> normalizationProperty() { return normalization; }
    public ObjectProperty<String> labelRuleProperty() { return labelRule; }
    public ObjectProperty<String> modelProperty() { return model; }
    public FormField hidden() { return hidden; }
    public FormField trainFraction() { return trainFraction; }
    public FormField splitSeed() { return splitSeed; }
    public FormField seed() { return seed; }
    public javafx.beans.property.ReadOnlyBooleanProperty valid() { return valid; }
}
