package org.medfed.gui.algorithm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.engine.BadInputException;
import org.medfed.engine.strategy.ParameterSpec;
import org.medfed.engine.strategy.robust.DefenceSettings;
import org.medfed.engine.strategy.robust.RobustRuleCatalog;
import org.medfed.engine.strategy.robust.RobustRuleDescriptor;
import org.medfed.gui.common.FormField;
import org.medfed.gui.common.NumberFields;
import org.medfed.gui.common.StudyDocument;
import org.medfed.project.DefenceSection;
import org.medfed.project.PrivacySection;
import org.medfed.project.Study;
import org.medfed.study.ProtectionCompatibility;

/**
 * The "Privacy and defences" part of the Algorithm screen: differential privacy (client-level DP-FedAvg, and
 * DP-SGD inside each hospital's training), secure aggregation, Paillier aggregation and a robust aggregation
 * rule. Every number is checked as it is typed; combinations the engine refuses are named in {@link #problems()}
 * before a run can fail on them. Only what is switched on is written to the study.
 */
public final class ProtectionsViewModel {

    /** How the study sets the strength of differential privacy. */
    public enum DpBudget {
        TARGET_EPSILON("a target epsilon (the noise is derived)"), NOISE_MULTIPLIER("a noise multiplier");

        private final String text;

        DpBudget(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Paillier key sizes offered; 1024 bits only for quick demonstrations. */
    public static final List<Integer> KEY_SIZES = List.of(1024, 2048, 3072);

    public static final String DP_EXPLANATION = "Adds calibrated noise to the combined update so that no one can "
            + "tell from the model whether any one hospital took part; epsilon measures what is still revealed "
            + "(smaller is more private).";
    public static final String DP_SGD_EXPLANATION = "Each hospital clips and noises every patient's contribution "
            + "in its own training, so that even the aggregator cannot learn about one patient.";
    public static final String SECURE_AGGREGATION_EXPLANATION = "Hospitals mask their updates so that the server "
            + "learns only the sum, never one hospital's update; a hospital that drops out does not spoil the round.";
    public static final String PAILLIER_EXPLANATION = "Hospitals encrypt their updates; the server adds them without "
            + "decrypting and only the sum is ever decrypted. Slower than secure aggregation.";
    public static final String CLIPPING_EXPLANATION = "Scales down any update whose change is longer than the bound, "
            + "so that no single hospital can push the model far.";

    private final StudyDocument document;

    private final BooleanProperty dp = new SimpleBooleanProperty();
    private final ObjectProperty<DpBudget> dpBudget = new SimpleObjectProperty<>(DpBudget.TARGET_EPSILON);
    private final BooleanProperty adaptiveClipping = new SimpleBooleanProperty();
    private final BooleanProperty dpSgd = new SimpleBooleanProperty();
    private final BooleanProperty secureAggregation = new SimpleBooleanProperty();
    private final BooleanProperty paillier = new SimpleBooleanProperty();
    private final ObjectProperty<Integer> keySize = new SimpleObjectProperty<>(2048);
    private final ObjectProperty<RobustRuleDescriptor> rule = new SimpleObjectProperty<>(noRule());
    private final BooleanProperty normClipping = new SimpleBooleanProperty();
    private final BooleanProperty reproducibleNoise = new SimpleBooleanProperty();

    private final FormField targetEpsilon;
    private final FormField noiseMultiplier;
    private final FormField delta;
    private final FormField clipNorm;
    private final FormField sgdEpsilon;
    private final FormField sgdClipNorm;
    private final FormField sgdDelta;
    /** The chosen rule's parameters, as the catalogue describes them; rebuilt when another rule is chosen. */
    private final ObservableList<FormField> ruleFields = FXCollections.observableArrayList();
    private final FormField clipBound;

    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final javafx.beans.property.StringProperty ruleFit = new javafx.beans.property.SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private boolean loading;

    public ProtectionsViewModel(StudyDocument document) {
        this.document = document;
        targetEpsilon = field("dpTargetEpsilon", "Target epsilon", "privacy budget for the whole run; 1 to 10 is "
                + "common, smaller is more private", positive("Epsilon"));
        noiseMultiplier = field("dpNoiseMultiplier", "Noise multiplier", "noise relative to the clipping bound; "
                + "about 1 is common", positive("The noise multiplier"));
        delta = field("dpDelta", "Delta", "chance that the guarantee fails; well below 1 / number of hospitals",
                this::checkDelta);
        clipNorm = field("dpClipNorm", "Clipping bound", "largest change one hospital may make to the model "
                + "(L2 norm)", positive("The clipping bound"));
        sgdEpsilon = field("dpSgdEpsilon", "Epsilon per hospital", "each hospital's budget for its own patients "
                + "over the run", positive("Epsilon"));
        sgdClipNorm = field("dpSgdClipNorm", "Per-patient clipping bound", "largest gradient one patient may "
                + "contribute", positive("The clipping bound"));
        sgdDelta = field("dpSgdDelta", "Delta per hospital", "below 1 / the hospital's number of patients",
                FormField.number("Delta", 0, false, 1, false));
        clipBound = field("robustClipBound", "Norm bound", "largest change an update may make before it is scaled "
                + "down", positive("The norm bound"));

        for (var toggle : List.of(dp, adaptiveClipping, dpSgd, secureAggregation, paillier, normClipping,
                reproducibleNoise)) {
            toggle.addListener((obs, was, is) -> changed());
        }
        dpBudget.addListener((obs, was, is) -> changed());
        keySize.addListener((obs, was, is) -> changed());
        rule.addListener((obs, was, is) -> {
            buildRuleFields(is, Map.of());
            changed();
            ruleFit.set(ruleFit(is, document.study()));
        });
        document.studyProperty().addListener((obs, was, is) -> {
            if (was == null || !java.util.Objects.equals(was.privacy(), is.privacy())
                    || !java.util.Objects.equals(was.defence(), is.defence())) {
                show(is);
            }
            recheck(is);
        });
        show(document.study());
        recheck(document.study());
    }

    private FormField field(String id, String label, String help, Function<String, String> check) {
        FormField f = new FormField(id, label, help, check, v -> changed());
        f.errorProperty().addListener((obs, was, is) -> updateValid());
        return f;
    }

    private static Function<String, String> positive(String name) {
        return FormField.number(name, 0, false, Double.POSITIVE_INFINITY, false);
    }

    /** Delta must be in (0, 1) and, as the engine requires, well below one over the number of hospitals. */
    private String checkDelta(String text) {
        String basic = FormField.number("Delta", 0, false, 1, false).apply(text);
        if (basic != null) {
            return basic;
        }
        int n = Math.max(1, document.study().enabledParticipants().size());
        double v = NumberFields.parseDouble(text);
        if (v >= 1.0 / n) {
            return "Delta must be below 1/" + n + " for " + n + " hospital" + (n == 1 ? "" : "s") + "; 1e-5 is usual";
        }
        return null;
    }

    // ---- study -> form

    private void show(Study study) {
        loading = true;
        try {
            PrivacySection p = study.privacy();
            PrivacySection.DpSection d = p == null ? null : p.dp();
            dp.set(d != null);
            if (d != null) {
                dpBudget.set(d.targetEpsilon() != null || d.noiseMultiplier() == null ? DpBudget.TARGET_EPSILON
                        : DpBudget.NOISE_MULTIPLIER);
                showNumber(targetEpsilon, d.targetEpsilon(), 5.0);
                showNumber(noiseMultiplier, d.noiseMultiplier(), 1.0);
                showNumber(delta, d.delta(), 1e-5);
                showNumber(clipNorm, d.clipNorm(), 1.0);
                adaptiveClipping.set(Boolean.TRUE.equals(d.adaptiveClipping()));
            } else {
                showDefault(targetEpsilon, "5");
                showDefault(noiseMultiplier, "1");
                showDefault(delta, "0.00001");
                showDefault(clipNorm, "1");
            }
            PrivacySection.DpSgdSection s = p == null ? null : p.dpSgd();
            dpSgd.set(s != null);
            if (s != null) {
                showNumber(sgdEpsilon, s.targetEpsilon(), 5.0);
                showNumber(sgdClipNorm, s.clipNorm(), 1.0);
                showNumber(sgdDelta, s.delta(), 1e-5);
            } else {
                showDefault(sgdEpsilon, "5");
                showDefault(sgdClipNorm, "1");
                showDefault(sgdDelta, "0.00001");
            }
            secureAggregation.set(p != null && p.secureAggregation() != null);
            paillier.set(p != null && p.paillier() != null);
            if (p != null && p.paillier() != null) {
                keySize.set(p.paillier().modulusBits());
            }
            reproducibleNoise.set(p != null && p.seeded());

            DefenceSection def = study.defence();
            showDefault(clipBound, "1");
            DefenceSettings ds = null;
            if (def != null) {
                try {
                    ds = DefenceSettings.parse(def.rule(), def.clipBound());
                } catch (BadInputException e) {
                    // a hand-edited study with a rule the engine does not know: the problem list says so
                }
            }
            RobustRuleDescriptor chosen = ds == null ? noRule() : ds.rule();
            if (rule.get() != chosen) {
                rule.set(chosen);
            }
            if (ds != null) {
                for (int i = 0; i < ruleFields.size(); i++) {
                    showNumber(ruleFields.get(i), ds.values().get(chosen.parameters().get(i).name()), 0);
                }
            }
            normClipping.set(ds != null && ds.clipBound() > 0);
            if (ds != null && ds.clipBound() > 0) {
                clipBound.show(NumberFields.format(ds.clipBound()));
            }
        } finally {
            loading = false;
        }
        updateValid();
    }

    private static void showNumber(FormField f, Double value, double fallback) {
        String text = NumberFields.format(value == null ? fallback : value);
        if (!f.valid() && !f.textProperty().get().isEmpty()) {
            return; // keeps what the user is typing ("0.0" on the way to "0.05")
        }
        if (NumberFields.parseDouble(f.textProperty().get()) != NumberFields.parseDouble(text)) {
            f.show(text);
        }
    }

    /** Fills a field of a part that is switched off, unless the user already typed something there. */
    private static void showDefault(FormField f, String value) {
        if (f.textProperty().get().isEmpty()) {
            f.show(value);
        }
    }

    // ---- form -> study

    private void changed() {
        updateValid();
        if (loading) {
            return;
        }
        Study before = document.study();
        PrivacySection privacy = privacySection(before.privacy());
        DefenceSection defence = defenceSection(before.defence());
        document.edit(s -> s.withPrivacy(privacy).withDefence(defence));
    }

    private PrivacySection privacySection(PrivacySection before) {
        PrivacySection.DpSection dpSection = null;
        if (dp.get()) {
            PrivacySection.DpSection old = before == null ? null : before.dp();
            boolean target = dpBudget.get() == DpBudget.TARGET_EPSILON;
            dpSection = new PrivacySection.DpSection(number(clipNorm, 1.0),
                    target ? null : number(noiseMultiplier, 1.0), number(delta, 1e-5),
                    target ? number(targetEpsilon, 5.0) : null, old == null ? null : old.noisePlacement(),
                    adaptiveClipping.get());
        }
        PrivacySection.DpSgdSection sgd = null;
        if (dpSgd.get()) {
            sgd = new PrivacySection.DpSgdSection(number(sgdClipNorm, 1.0), null, number(sgdEpsilon, 5.0),
                    number(sgdDelta, 1e-5));
        }
        PrivacySection.SecureAggregationSection secagg = null;
        if (secureAggregation.get()) {
            secagg = before != null && before.secureAggregation() != null ? before.secureAggregation()
                    : new PrivacySection.SecureAggregationSection(null, null);
        }
        PrivacySection.PaillierSection he = null;
        if (paillier.get()) {
            PrivacySection.PaillierSection old = before == null ? null : before.paillier();
            he = old == null ? new PrivacySection.PaillierSection(keySize.get(), null, null, null)
                    : new PrivacySection.PaillierSection(keySize.get(), old.fractionBits(), old.range(), old.packed());
        }
        if (dpSection == null && sgd == null && secagg == null && he == null) {
            return null; // nothing switched on: the study file stays as it was without privacy
        }
        return new PrivacySection(dpSection, sgd, secagg, he, reproducibleNoise.get() ? "seeded" : "secure");
    }

    private DefenceSection defenceSection(DefenceSection before) {
        Map<String, Double> values = new LinkedHashMap<>();
        RobustRuleDescriptor r = rule.get();
        for (int i = 0; i < ruleFields.size(); i++) {
            ParameterSpec p = r.parameters().get(i);
            values.put(p.name(), number(ruleFields.get(i), p.defaultValue()));
        }
        double bound = normClipping.get() ? number(clipBound, 1.0) : 0.0;
        String text;
        try {
            text = DefenceSettings.of(r.id(), values, 0).ruleText();
        } catch (BadInputException e) {
            return before; // values that do not go together: the fields say why, the study keeps what it had
        }
        if (text.equals(RobustRuleCatalog.NONE) && bound == 0) {
            return null;
        }
        return new DefenceSection(text, bound);
    }

    /** One field per parameter of {@code r}, showing {@code values} or the catalogue's defaults. */
    private void buildRuleFields(RobustRuleDescriptor r, Map<String, Double> values) {
        if (r == null) {
            ruleFields.clear();
            return;
        }
        List<FormField> fields = new ArrayList<>();
        for (ParameterSpec p : r.parameters()) {
            FormField f = field("robust-" + p.name(), p.label(), p.explanation() + " (" + p.rangeText() + ")", t -> {
                double v = NumberFields.parseDouble(t);
                return Double.isNaN(v) ? p.label() + " must be a number" : p.check(v);
            });
            f.show(NumberFields.format(values.getOrDefault(p.name(), p.defaultValue())));
            fields.add(f);
        }
        ruleFields.setAll(fields);
        updateValid();
    }

    private static RobustRuleDescriptor noRule() {
        return RobustRuleCatalog.find(RobustRuleCatalog.NONE).orElseThrow();
    }

    /** The field's value, or the study's fallback while the field holds text it cannot accept. */
    private static double number(FormField f, double fallback) {
        double v = NumberFields.parseDouble(f.textProperty().get());
        return f.valid() && !Double.isNaN(v) ? v : fallback;
    }

    // ---- checks

    /** Fields of the parts switched on; a field of a part switched off never blocks a run. */
    public List<FormField> activeFields() {
        List<FormField> out = new ArrayList<>();
        if (dp.get()) {
            out.add(dpBudget.get() == DpBudget.TARGET_EPSILON ? targetEpsilon : noiseMultiplier);
            out.add(delta);
            out.add(clipNorm);
        }
        if (dpSgd.get()) {
            out.addAll(List.of(sgdEpsilon, sgdClipNorm, sgdDelta));
        }
        out.addAll(ruleFields);
        if (normClipping.get()) {
            out.add(clipBound);
        }
        return out;
    }

    private void updateValid() {
        valid.set(activeFields().stream().allMatch(FormField::valid));
    }

    /** Re-checks fields whose limits depend on the rest of the study (delta and the number of hospitals). */
    private void recheck(Study study) {
        ruleFit.set(ruleFit(rule.get(), study));
        delta.show(delta.textProperty().get());
        List<String> next = incompatibilities(study);
        if (!next.equals(problems)) {
            problems.setAll(next);
        }
        updateValid();
    }

    /** What the engine would refuse in this study's combination of settings, each in a sentence naming the screen. */
    /**
     * Why the chosen Krum rule cannot run with this study's hospitals, said beside the rule (it needs more than
     * 2f + 2 updates per round: 5 or more with f = 1, so never with four hospitals), or empty.
     */
    static String ruleFit(RobustRuleDescriptor chosen, Study study) {
        if (chosen == null || !(chosen.id().equals("krum") || chosen.id().equals("multi-krum"))) {
            return "";
        }
        int hospitals = study.enabledParticipants().size();
        int perRound = Math.max(1, (int) Math.ceil(study.training().fraction() * hospitals - 1e-9));
        int f = 1;
        if (study.defence() != null) {
            try {
                DefenceSettings d = DefenceSettings.parse(study.defence().rule(), study.defence().clipBound());
                if (d.rule().id().equals(chosen.id())) {
                    f = (int) d.value("f");
                }
            } catch (BadInputException e) {
                // the problem list names a rule it cannot read
            }
        }
        int needed = 2 * f + 3;
        if (perRound >= needed) {
            return "";
        }
        return chosen.name() + " cannot be used here: it compares every update with its nearest neighbours and, "
                + "assuming up to f = " + f + " attacker" + (f == 1 ? "" : "s") + ", needs at least 2f + 3 = " + needed
                + " hospitals per round; this study has " + perRound + ". Lower f"
                + (f > 0 && perRound >= 3 ? " to " + Math.max(0, (perRound - 3) / 2) : "")
                + ", add hospitals, or choose the median or the trimmed mean, which work with " + perRound + ".";
    }

    static List<String> incompatibilities(Study study) {
        return ProtectionCompatibility.problems(study, study.enabledParticipants().size()).stream()
                .map(p -> sentence(p.text()) + " (" + p.screen() + ").").toList();
    }

    private static String sentence(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    public BooleanProperty dpProperty() { return dp; }
    public ObjectProperty<DpBudget> dpBudgetProperty() { return dpBudget; }
    public BooleanProperty adaptiveClippingProperty() { return adaptiveClipping; }
    public BooleanProperty dpSgdProperty() { return dpSgd; }
    public BooleanProperty secureAggregationProperty() { return secureAggregation; }
    public BooleanProperty paillierProperty() { return paillier; }
    public ObjectProperty<Integer> keySizeProperty() { return keySize; }
    public ObjectProperty<RobustRuleDescriptor> ruleProperty() { return rule; }
    /** Why the chosen rule cannot run with this study's hospitals, shown where the rule is chosen; empty when it can. */
    public javafx.beans.property.ReadOnlyStringProperty ruleFitProperty() { return ruleFit; }
    /** The rules offered, from the catalogue. */
    public List<RobustRuleDescriptor> rules() { return RobustRuleCatalog.all(); }
    /** The chosen rule's parameter fields. */
    public ObservableList<FormField> ruleFields() { return ruleFields; }
    public BooleanProperty normClippingProperty() { return normClipping; }
    public BooleanProperty reproducibleNoiseProperty() { return reproducibleNoise; }
    public FormField targetEpsilon() { return targetEpsilon; }
    public FormField noiseMultiplier() { return noiseMultiplier; }
    public FormField delta() { return delta; }
    public FormField clipNorm() { return clipNorm; }
    public FormField sgdEpsilon() { return sgdEpsilon; }
    public FormField sgdClipNorm() { return sgdClipNorm; }
    public FormField sgdDelta() { return sgdDelta; }
    public FormField clipBound() { return clipBound; }
    /** Combinations of settings that cannot run, in words; empty when the protections fit together. */
    public ObservableList<String> problems() { return problems; }
    /** False while a field of a part that is switched on holds text it cannot accept. */
    public ReadOnlyBooleanProperty valid() { return valid.getReadOnlyProperty(); }
}
