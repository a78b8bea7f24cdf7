package org.medfed.gui.node;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.engine.protocol.Procedure;
import org.medfed.gui.common.NumberFields;
import org.medfed.project.DataKind;
import org.medfed.project.NodeConfig;
import org.medfed.project.NodePolicySection;

/**
 * The hospital's policy, as a form: each setting of {@link NodePolicySection} with a plain explanation of what it
 * refuses. A valid form goes into the node's settings at once (saved with them); an invalid one says what is
 * wrong and changes nothing. The procedures are the catalogue's ({@link Procedure}), each with what it sends.
 */
public final class PolicyViewModel {

    /** One procedure of the catalogue: whether the hospital serves it, and what it does, in the catalogue's words. */
    public static final class ProcedureChoice {
        private final Procedure procedure;
        private final BooleanProperty allowed = new SimpleBooleanProperty();

        ProcedureChoice(Procedure procedure) {
            this.procedure = procedure;
        }

        public Procedure procedure() { return procedure; }
        public String id() { return procedure.id(); }
        public String description() { return procedure.description(); }
        public BooleanProperty allowedProperty() { return allowed; }
    }

    public static final String DATA_KINDS = "Which kinds of data this node serves. A request for a dataset of "
            + "another kind is refused.";
    public static final String PROCEDURES = "Every request names one procedure of a fixed catalogue; the node runs "
            + "its own implementation of it, and no code travels. With \"every procedure the data kinds allow\" the "
            + "node serves the whole catalogue for its kinds of data; otherwise only the ones ticked below.";
    public static final String MINIMUM_COUNT = "No figure or model update leaves this node if it rests on fewer "
            + "patients (or images, or samples) than this; counts per category under it are withheld. 10 is a "
            + "common small-cell threshold; 0 switches the rule off.";
    public static final String REQUIRE_DP = "Anything trained on your rows (model updates, comparison models) may "
            + "leave only with differential-privacy noise: DP-SGD during training, or noise added here before the "
            + "update leaves. Requests without it are refused.";
    public static final String MAX_EPSILON = "The largest privacy budget (epsilon) you accept for one study: "
            + "smaller is more private. The node refuses a study whose protection shows a larger epsilon, and "
            + "refuses DP-SGD rounds past the budget. Empty: no limit. A limit also requires differential privacy.";
    public static final String MAX_ROUNDS = "The last training round this node takes part in; later requests are "
            + "refused. Empty: no limit.";

    private final NodeSettingsViewModel settings;
    private final Map<DataKind, BooleanProperty> kinds = new EnumMap<>(DataKind.class);
    private final BooleanProperty everyProcedure = new SimpleBooleanProperty(true);
    private final ObservableList<ProcedureChoice> procedures = FXCollections.observableArrayList();
    private final StringProperty minimumCount = new SimpleStringProperty("");
    private final BooleanProperty requireDp = new SimpleBooleanProperty();
    private final StringProperty maxEpsilon = new SimpleStringProperty("");
    private final StringProperty maxRounds = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private boolean loading;

    public PolicyViewModel(NodeSettingsViewModel settings) {
        this.settings = settings;
        for (DataKind k : DataKind.values()) {
            BooleanProperty p = new SimpleBooleanProperty();
            p.addListener((obs, was, is) -> changed());
            kinds.put(k, p);
        }
        for (Procedure p : Procedure.values()) {
            ProcedureChoice c = new ProcedureChoice(p);
            c.allowedProperty().addListener((obs, was, is) -> changed());
            procedures.add(c);
        }
        everyProcedure.addListener((obs, was, is) -> {
            if (!is && !loading) {
                // from "everything the kinds allow" to a list: start from that list, so that nothing changes yet
                loading = true;
                Set<Procedure> allowed = NodePolicySection.allAllowedBy(chosenKinds());
                procedures.forEach(c -> c.allowedProperty().set(allowed.contains(c.procedure())));
                loading = false;
            }
            changed();
        });
        minimumCount.addListener((obs, was, is) -> changed());
        requireDp.addListener((obs, was, is) -> changed());
        maxEpsilon.addListener((obs, was, is) -> changed());
        maxRounds.addListener((obs, was, is) -> changed());
        settings.configProperty().addListener((obs, was, is) -> load(is));
        load(settings.config());
    }

    private void load(NodeConfig config) {
        if (config == null || loading) {
            return;
        }
        loading = true;
        NodePolicySection p = config.policy();
        kinds.forEach((k, on) -> on.set(p.dataKinds().contains(k)));
        boolean every = p.procedures().equals(NodePolicySection.allAllowedBy(p.dataKinds()));
        everyProcedure.set(every);
        procedures.forEach(c -> c.allowedProperty().set(p.procedures().contains(c.procedure())));
        minimumCount.set(String.valueOf(p.minimumCount()));
        requireDp.set(p.requireDifferentialPrivacy());
        maxEpsilon.set(p.maxEpsilon().isPresent() ? NumberFields.format(p.maxEpsilon().getAsDouble()) : "");
        maxRounds.set(p.maxRounds().isPresent() ? String.valueOf(p.maxRounds().getAsInt()) : "");
        loading = false;
        problem.set("");
        summary.set(describe(p));
    }

    private Set<DataKind> chosenKinds() {
        Set<DataKind> out = EnumSet.noneOf(DataKind.class);
        kinds.forEach((k, on) -> {
            if (on.get()) {
                out.add(k);
            }
        });
        return out;
    }

    private void changed() {
        if (loading || settings.config() == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        Set<DataKind> chosen = chosenKinds();
        if (chosen.isEmpty()) {
            problems.add("Tick at least one kind of data: without one the node serves nothing.");
        }
        Set<Procedure> allowed = EnumSet.noneOf(Procedure.class);
        if (everyProcedure.get()) {
            allowed.addAll(NodePolicySection.allAllowedBy(chosen));
        } else {
            procedures.stream().filter(c -> c.allowedProperty().get()).forEach(c -> allowed.add(c.procedure()));
            if (allowed.isEmpty()) {
                problems.add("Tick at least one procedure, or choose every procedure the data kinds allow.");
            }
        }
        Integer minimum = wholeNumber(minimumCount.get(), 0);
        if (minimum == null) {
            problems.add("Minimum count: write a whole number, 0 or more (it is '" + minimumCount.get().strip()
                    + "').");
        }
        OptionalDouble epsilon = OptionalDouble.empty();
        if (!maxEpsilon.get().isBlank()) {
            double e = NumberFields.parseDouble(maxEpsilon.get());
            if (!(e > 0) || Double.isInfinite(e)) {
                problems.add("Largest epsilon: write a number above 0, or leave it empty for no limit (it is '"
                        + maxEpsilon.get().strip() + "').");
            } else {
                epsilon = OptionalDouble.of(e);
            }
        }
        OptionalInt rounds = OptionalInt.empty();
        if (!maxRounds.get().isBlank()) {
            Integer r = wholeNumber(maxRounds.get(), 1);
            if (r == null) {
                problems.add("Last round: write a whole number, 1 or more, or leave it empty for no limit (it is '"
                        + maxRounds.get().strip() + "').");
            } else {
                rounds = OptionalInt.of(r);
            }
        }
        problem.set(String.join("\n", problems));
        if (!problems.isEmpty()) {
            return;
        }
        NodePolicySection policy = new NodePolicySection(chosen, allowed, minimum, requireDp.get(), epsilon, rounds);
        summary.set(describe(policy));
        loading = true;
        try {
            settings.setPolicy(policy);
        } finally {
            loading = false;
        }
    }

    private static Integer wholeNumber(String text, int least) {
        try {
            int n = Integer.parseInt(text.strip());
            return n >= least ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The policy in one paragraph, as the hospital would explain it to its data protection officer. */
    static String describe(NodePolicySection p) {
        StringBuilder sb = new StringBuilder("This node serves ");
        sb.append(String.join(" and ", p.dataKinds().stream().map(DataKind::id).toList())).append(" data");
        sb.append(p.procedures().equals(NodePolicySection.allAllowedBy(p.dataKinds()))
                ? ", every procedure of the catalogue for it" : ", " + p.procedures().size() + " procedures only");
        sb.append(p.minimumCount() == 0 ? "; no minimum count" : "; nothing resting on fewer than "
                + p.minimumCount() + " patients leaves");
        if (p.requireDifferentialPrivacy() || p.maxEpsilon().isPresent()) {
            sb.append("; training results leave only with differential privacy");
        }
        p.maxEpsilon().ifPresent(e -> sb.append(" of epsilon at most ").append(NumberFields.format(e)));
        p.maxRounds().ifPresent(r -> sb.append("; no round after round ").append(r));
        return sb.append('.').toString();
    }

    public BooleanProperty kindProperty(DataKind kind) { return kinds.get(kind); }
    public BooleanProperty everyProcedureProperty() { return everyProcedure; }
    public ObservableList<ProcedureChoice> procedures() { return procedures; }
    public StringProperty minimumCountProperty() { return minimumCount; }
    public BooleanProperty requireDpProperty() { return requireDp; }
    public StringProperty maxEpsilonProperty() { return maxEpsilon; }
    public StringProperty maxRoundsProperty() { return maxRounds; }
    /** What is wrong with the form, one line each; empty when it is in the settings. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
}
