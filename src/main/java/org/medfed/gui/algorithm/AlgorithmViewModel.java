package org.medfed.gui.algorithm;

import org.medfed.engine.Limit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.engine.strategy.ParameterSpec;
import org.medfed.engine.strategy.StrategyCatalog;
import org.medfed.engine.strategy.StrategyDescriptor;
import org.medfed.gui.common.FormField;
import org.medfed.gui.common.NumberFields;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.StudyEdits;
import org.medfed.project.StrategySection;
import org.medfed.project.Study;
import org.medfed.project.TrainingSection;

/**
 * The Algorithm screen: the strategy with its plain-language explanation, its parameters, and the training
 * plan, every field checked as it is typed.
 */
public final class AlgorithmViewModel {

    private final StudyDocument document;
    private final ObservableList<StrategyDescriptor> strategies = FXCollections.observableArrayList(StrategyCatalog.all());
    private final ObjectProperty<StrategyDescriptor> strategy = new SimpleObjectProperty<>();
    private final StringProperty explanation = new SimpleStringProperty("");
    private final StringProperty modelFit = new SimpleStringProperty("");
    private final ObservableList<FormField> parameterFields = FXCollections.observableArrayList();
    private final ObjectProperty<String> optimizer = new SimpleObjectProperty<>("sgd");
    private final List<FormField> trainingFields = new ArrayList<>();
    private final FormField rounds;
    private final FormField localEpochs;
    private final FormField batchSize;
    private final FormField learningRate;
    private final FormField fraction;
    private final FormField minParticipants;
    private final javafx.beans.property.BooleanProperty valid = new javafx.beans.property.SimpleBooleanProperty(true);
    private final ProtectionsViewModel protections;
    private final SpeedsViewModel speeds;
    private final CompressionViewModel compression;
    private boolean loading;

    public AlgorithmViewModel(StudyDocument document) {
        this.document = document;
        protections = new ProtectionsViewModel(document);
        // a bad epsilon keeps Run disabled like a bad learning rate: both are fields of this screen
        protections.valid().addListener((obs, was, is) -> updateValid());
        speeds = new SpeedsViewModel(document);
        speeds.valid().addListener((obs, was, is) -> updateValid());
        compression = new CompressionViewModel(document);
        compression.valid().addListener((obs, was, is) -> updateValid());
        rounds = training("rounds", "Rounds", "how many times the server combines the hospitals' models",
                FormField.within("Rounds", Limit.ROUNDS), (t, v) -> withTraining(t, (int) (long) NumberFields.parseLong(v), null, null, null, null, null));
        localEpochs = training("localEpochs", "Local epochs per round", "passes over its own patients each hospital makes per round",
                FormField.within("Local epochs", Limit.LOCAL_EPOCHS), (t, v) -> withTraining(t, null, (int) (long) NumberFields.parseLong(v), null, null, null, null));
        batchSize = training("batchSize", "Batch size", "patients per training step",
                FormField.within("Batch size", Limit.BATCH_SIZE), (t, v) -> withTraining(t, null, null, (int) (long) NumberFields.parseLong(v), null, null, null));
        learningRate = training("learningRate", "Learning rate", "size of each local training step; must be above 0",
                FormField.within("Learning rate", Limit.LEARNING_RATE),
                (t, v) -> withTraining(t, null, null, null, NumberFields.parseDouble(v), null, null));
        fraction = training("fraction", "Share of hospitals per round", "in (0, 1]: 1 means every hospital trains every round",
                FormField.within("The share of hospitals", Limit.FRACTION),
                (t, v) -> withTraining(t, null, null, null, null, NumberFields.parseDouble(v), null));
        minParticipants = training("minParticipants", "Fewest hospitals per round", "a round with fewer answers stops the run",
                FormField.within("The fewest hospitals", Limit.MIN_PARTICIPANTS), (t, v) -> withTraining(t, null, null, null, null, null, (int) (long) NumberFields.parseLong(v)));

        strategy.addListener((obs, was, is) -> {
            if (is == null) {
                return;
            }
            explanation.set(is.explanation());
            buildParameterFields(is);
            modelFit.set(modelFit(is, document.study()));
            if (!loading) {
                document.edit(s -> s.withStrategy(new StrategySection(is.id(), Map.of())));
            }
        });
        optimizer.addListener((obs, was, is) -> {
            if (!loading && is != null) {
                document.edit(s -> s.withTraining(copy(s.training(), null, null, null, null, null, null, is)));
            }
        });
        document.studyProperty().addListener((obs, was, is) -> {
            if (was == null || !is.strategy().equals(was.strategy()) || !is.training().equals(was.training())) {
                show(is);
            }
            if (strategy.get() != null) {
                modelFit.set(modelFit(strategy.get(), is));
            }
        });
        show(document.study());
    }

    private FormField training(String id, String label, String help, java.util.function.Function<String, String> check,
                               java.util.function.BiFunction<TrainingSection, String, TrainingSection> change) {
        FormField f = new FormField(id, label, help, check, v -> document.edit(s -> s.withTraining(change.apply(s.training(), v))));
        f.errorProperty().addListener((obs, was, is) -> updateValid());
        trainingFields.add(f);
        return f;
    }

    private static TrainingSection withTraining(TrainingSection t, Integer rounds, Integer epochs, Integer batch,
                                                Double lr, Double fraction, Integer min) {
        return copy(t, rounds, epochs, batch, lr, fraction, min, null);
    }

    private static TrainingSection copy(TrainingSection t, Integer rounds, Integer epochs, Integer batch, Double lr,
                                        Double fraction, Integer min, String optimizer) {
        int e = epochs != null ? epochs : t.localEpochs();
        return StudyEdits.training(rounds != null ? rounds : t.rounds(), e, epochs != null ? 0 : t.localSteps(),
                batch != null ? batch : t.batchSize(), lr != null ? lr : t.learningRate(),
                optimizer != null ? optimizer : t.optimizer(), fraction != null ? fraction : t.fraction(),
                min != null ? min : t.minParticipants(), t.timeoutSeconds());
    }

    private void buildParameterFields(StrategyDescriptor d) {
        List<FormField> fields = new ArrayList<>();
        Map<String, Double> current = document.study().strategy().id().equals(d.id())
                ? document.study().strategy().parameters() : Map.of();
        for (ParameterSpec p : d.parameters()) {
            FormField f = new FormField(p.name(), p.label(), p.explanation() + " (" + p.rangeText() + ")", t -> {
                double v = NumberFields.parseDouble(t);
                return Double.isNaN(v) ? p.label() + " must be a number" : p.check(v);
            }, t -> setParameter(d, p.name(), NumberFields.parseDouble(t)));
            f.show(NumberFields.format(current.getOrDefault(p.name(), p.defaultValue())));
            f.errorProperty().addListener((obs, was, is) -> updateValid());
            fields.add(f);
        }
        parameterFields.setAll(fields);
        updateValid();
    }

    private void setParameter(StrategyDescriptor d, String name, double value) {
        document.edit(s -> {
            Map<String, Double> params = new LinkedHashMap<>(s.strategy().id().equals(d.id()) ? s.strategy().parameters() : Map.of());
            ParameterSpec spec = d.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
            if (value == spec.defaultValue()) {
                params.remove(name);
            } else {
                params.put(name, value);
            }
            return s.withStrategy(new StrategySection(d.id(), params));
        });
    }

    private void show(Study study) {
        loading = true;
        try {
            StrategyDescriptor d = StrategyCatalog.find(study.strategy().id()).orElse(strategies.get(0));
            if (strategy.get() != d) {
                strategy.set(d);
            } else {
                for (FormField f : parameterFields) {
                    d.parameters().stream().filter(p -> p.name().equals(f.id())).findFirst().ifPresent(spec ->
                            showIfDifferent(f, NumberFields.format(study.strategy().parameters()
                                    .getOrDefault(f.id(), spec.defaultValue()))));
                }
            }
            TrainingSection t = study.training();
            showIfDifferent(rounds, String.valueOf(t.rounds()));
            showIfDifferent(localEpochs, String.valueOf(Math.max(1, t.localEpochs())));
            showIfDifferent(batchSize, String.valueOf(t.batchSize()));
            showIfDifferent(learningRate, NumberFields.format(t.learningRate()));
            showIfDifferent(fraction, NumberFields.format(t.fraction()));
            showIfDifferent(minParticipants, String.valueOf(t.minParticipants()));
            optimizer.set(t.optimizer().toLowerCase(java.util.Locale.ROOT));
        } finally {
            loading = false;
        }
        updateValid();
    }

    /** Keeps what the user is typing ("0.0" on the way to "0.05") unless the study really holds another value. */
    static void showIfDifferent(FormField f, String value) {
        double typed = NumberFields.parseDouble(f.textProperty().get());
        if (!f.valid() && !f.textProperty().get().isEmpty()) {
            return;
        }
        if (Double.isNaN(typed) || typed != NumberFields.parseDouble(value)) {
            f.show(value);
        }
    }

    private void updateValid() {
        boolean ok = trainingFields.stream().allMatch(FormField::valid) && parameterFields.stream().allMatch(FormField::valid)
                && protections.valid().get() && speeds.valid().get() && compression.valid().get();
        valid.set(ok);
    }

    /**
     * Why {@code d} cannot train the study's model (FedPer keeps the last layer at each hospital, so it needs a hidden
     * layer before it), with the way out; empty when it can, or when the model is not yet known.
     */
    static String modelFit(StrategyDescriptor d, Study study) {
        org.medfed.engine.ModelLayout layout;
        try {
            int[] shape = study.imaging() != null ? study.imaging().inputShape() : new int[] {1};
            layout = study.model().toSpec(shape, 2).layout();
        } catch (RuntimeException e) {
            return ""; // the Task screen says what is wrong with the model
        }
        try {
            d.create(study.strategy().id().equals(d.id()) ? study.strategy().parameters() : Map.of(), layout);
            return "";
        } catch (org.medfed.engine.BadInputException e) {
            return e.getMessage() + " (the model is chosen on the Task screen).";
        }
    }

    /** The strategy's fit with the study's model, in words; empty when it fits. */
    public StringProperty modelFitProperty() { return modelFit; }
    public ObservableList<StrategyDescriptor> strategies() { return strategies; }
    /** The "Privacy and defences" section of this screen. */
    public ProtectionsViewModel protections() { return protections; }
    /** The "Hospital speeds" section of this screen. */
    public SpeedsViewModel speeds() { return speeds; }
    /** The "Compressed updates" section of this screen. */
    public CompressionViewModel compression() { return compression; }
    public ObjectProperty<StrategyDescriptor> strategyProperty() { return strategy; }
    public StringProperty explanationProperty() { return explanation; }
    public ObservableList<FormField> parameterFields() { return parameterFields; }
    public List<FormField> trainingFields() { return trainingFields; }
    public ObjectProperty<String> optimizerProperty() { return optimizer; }
    public FormField rounds() { return rounds; }
    public FormField learningRate() { return learningRate; }
    public FormField fraction() { return fraction; }
    public FormField batchSize() { return batchSize; }
    public FormField localEpochs() { return localEpochs; }
    public FormField minParticipants() { return minParticipants; }
    public ObservableValue<Boolean> validProperty() { return valid; }
    public javafx.beans.property.ReadOnlyBooleanProperty valid() { return valid; }

    /** Parameter field by id, for tests. */
    public FormField parameter(String id) {
        return parameterFields.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }
}
