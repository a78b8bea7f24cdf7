package org.medfed.gui.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.medfed.engine.strategy.robust.DefenceSettings;
import org.medfed.engine.strategy.robust.RobustRuleCatalog;
import org.medfed.engine.strategy.robust.RobustRuleDescriptor;
import org.medfed.gui.common.FormField;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.StudyReadiness;
import org.medfed.gui.testing.Samples;
import org.medfed.project.DefenceSection;
import org.medfed.project.PrivacySection;
import org.medfed.project.StudyFile;

class ProtectionsViewModelTest {

    @TempDir
    Path dir;

    private StudyDocument sample() {
        Path study = Samples.copy(dir, 5);
        StudyDocument doc = new StudyDocument();
        doc.replace(StudyFile.load(study), study);
        return doc;
    }

    @Test
    void switchingDifferentialPrivacyOnWritesItsSettingsAndOffRemovesThem() {
        StudyDocument doc = sample();
        ProtectionsViewModel vm = new ProtectionsViewModel(doc);
        assertThat(doc.study().privacy()).isNull();

        vm.dpProperty().set(true);
        PrivacySection.DpSection dp = doc.study().privacy().dp();
        assertThat(dp.targetEpsilon()).isEqualTo(5.0);
        assertThat(dp.noiseMultiplier()).isNull();
        assertThat(dp.delta()).isEqualTo(1e-5);
        assertThat(dp.clipNorm()).isEqualTo(1.0);
        assertThat(doc.study().privacy().randomness()).isEqualTo("secure");

        vm.targetEpsilon().textProperty().set("2.5");
        vm.clipNorm().textProperty().set("0.5");
        vm.adaptiveClippingProperty().set(true);
        assertThat(doc.study().privacy().dp()).isEqualTo(new PrivacySection.DpSection(0.5, null, 1e-5, 2.5,
                "aggregator", true));

        vm.dpBudgetProperty().set(ProtectionsViewModel.DpBudget.NOISE_MULTIPLIER);
        vm.noiseMultiplier().textProperty().set("1.3");
        assertThat(doc.study().privacy().dp().noiseMultiplier()).isEqualTo(1.3);
        assertThat(doc.study().privacy().dp().targetEpsilon()).isNull();

        vm.dpProperty().set(false);
        assertThat(doc.study().privacy()).as("nothing switched on: no privacy section").isNull();
    }

    @Test
    void anInvalidEpsilonOrDeltaIsExplainedKeepsTheStudyAndBlocksTheRun() {
        StudyDocument doc = sample();
        AlgorithmViewModel algorithm = new AlgorithmViewModel(doc);
        StudyReadiness readiness = new StudyReadiness(doc);
        readiness.addForm("Algorithm", algorithm.valid());
        ProtectionsViewModel vm = algorithm.protections();
        vm.dpProperty().set(true);
        assertThat(readiness.ready().get()).isTrue();

        vm.targetEpsilon().textProperty().set("0");
        assertThat(vm.targetEpsilon().errorProperty().get()).isEqualTo("Epsilon must be above 0");
        assertThat(vm.valid().get()).isFalse();
        assertThat(algorithm.valid().get()).isFalse();
        assertThat(readiness.ready().get()).isFalse();
        assertThat(doc.study().privacy().dp().targetEpsilon()).as("the bad value never reaches the study").isEqualTo(5.0);

        vm.targetEpsilon().textProperty().set("3");
        assertThat(readiness.ready().get()).isTrue();

        vm.delta().textProperty().set("1");
        assertThat(vm.delta().errorProperty().get()).isEqualTo("Delta must be above 0 and below 1");
        vm.delta().textProperty().set("0.3");
        assertThat(vm.delta().errorProperty().get()).isEqualTo("Delta must be below 1/4 for 4 hospitals; 1e-5 is usual");
        assertThat(readiness.ready().get()).isFalse();

        // a bad value in a part that is switched off does not block
        vm.dpProperty().set(false);
        assertThat(vm.valid().get()).isTrue();
        assertThat(readiness.ready().get()).isTrue();
    }

    @Test
    void robustRulesAndTheirParametersAreWrittenAsTheEngineReadsThem() {
        StudyDocument doc = sample();
        ProtectionsViewModel vm = new ProtectionsViewModel(doc);
        vm.ruleProperty().set(rule("trimmed-mean"));
        field(vm, "beta").textProperty().set("0.25");
        assertThat(doc.study().defence()).isEqualTo(new DefenceSection("trimmed-mean:0.25", 0.0));
        field(vm, "beta").textProperty().set("0.5");
        assertThat(field(vm, "beta").errorProperty().get()).isEqualTo("Beta must be in [0, 0.5), was 0.5");
        assertThat(vm.valid().get()).isFalse();

        vm.ruleProperty().set(rule("median"));
        assertThat(vm.valid().get()).isTrue();
        vm.normClippingProperty().set(true);
        vm.clipBound().textProperty().set("2");
        assertThat(doc.study().defence()).isEqualTo(new DefenceSection("median", 2.0));

        // Krum with f = 1 needs more than 4 updates a round: the sample has 4 hospitals
        vm.ruleProperty().set(rule("krum"));
        assertThat(doc.study().defence().rule()).isEqualTo("krum:1");
        assertThat(vm.problems()).singleElement().asString().contains("more than 2f + 2 = 4 updates per round");
        // said where the rule is chosen, with the way out
        assertThat(vm.ruleFitProperty().get()).isEqualTo("Krum cannot be used here: it compares every update with its "
                + "nearest neighbours and, assuming up to f = 1 attacker, needs at least 2f + 3 = 5 hospitals per "
                + "round; this study has 4. Lower f to 0, add hospitals, or choose the median or the trimmed mean, "
                + "which work with 4.");
        field(vm, "f").textProperty().set("0");
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.ruleFitProperty().get()).isEmpty();

        vm.ruleProperty().set(rule("none"));
        vm.normClippingProperty().set(false);
        assertThat(doc.study().defence()).isNull();
    }

    @Test
    void combinationsTheEngineRefusesAreNamed() {
        StudyDocument doc = sample();
        ProtectionsViewModel vm = new ProtectionsViewModel(doc);
        vm.paillierProperty().set(true);
        assertThat(doc.study().privacy().paillier().modulusBits()).isEqualTo(2048);
        vm.keySizeProperty().set(1024);
        assertThat(doc.study().privacy().paillier().modulusBits()).isEqualTo(1024);
        assertThat(vm.problems()).isEmpty();

        vm.ruleProperty().set(rule("median"));
        assertThat(vm.problems()).containsExactly("A robust rule must see each hospital's update, which Paillier "
                + "encryption hides: switch one of them off (Algorithm).");
        vm.secureAggregationProperty().set(true);
        assertThat(vm.problems()).anyMatch(p -> p.startsWith("Choose secure aggregation or Paillier aggregation"));

        vm.paillierProperty().set(false);
        vm.secureAggregationProperty().set(false);
        vm.dpProperty().set(true);
        assertThat(vm.problems()).singleElement().asString()
                .startsWith("A robust rule cannot be combined with client-level differential privacy");
        vm.ruleProperty().set(rule("none"));
        assertThat(vm.problems()).isEmpty();
    }

    @Test
    void aStudyWithProtectionsOpensWithThemShown() {
        StudyDocument doc = sample();
        ProtectionsViewModel vm = new ProtectionsViewModel(doc);
        doc.replace(doc.study().withPrivacy(new PrivacySection(new PrivacySection.DpSection(0.8, 1.1, 1e-6, null,
                null, null), null, null, "seeded")).withDefence(new DefenceSection("multi-krum:1", 0.0)), doc.file());
        assertThat(vm.dpProperty().get()).isTrue();
        assertThat(vm.dpBudgetProperty().get()).isEqualTo(ProtectionsViewModel.DpBudget.NOISE_MULTIPLIER);
        assertThat(vm.noiseMultiplier().textProperty().get()).isEqualTo("1.1");
        assertThat(vm.delta().textProperty().get()).isEqualTo(org.medfed.gui.common.NumberFields.format(1e-6));
        assertThat(vm.clipNorm().textProperty().get()).isEqualTo("0.8");
        assertThat(vm.reproducibleNoiseProperty().get()).isTrue();
        assertThat(vm.ruleProperty().get()).isEqualTo(rule("multi-krum"));
        assertThat(field(vm, "f").textProperty().get()).isEqualTo("1");
        assertThat(doc.isDirty()).as("showing is not editing").isFalse();
    }

    /** Every rule of the catalogue is offered with its own fields, so a new rule needs no GUI code. */
    @Test
    void offersEveryRuleOfTheCatalogueWithItsParameters() {
        StudyDocument doc = sample();
        ProtectionsViewModel vm = new ProtectionsViewModel(doc);
        assertThat(vm.rules()).containsExactlyElementsOf(RobustRuleCatalog.all());
        for (RobustRuleDescriptor r : RobustRuleCatalog.all()) {
            vm.ruleProperty().set(r);
            assertThat(vm.ruleFields()).extracting(FormField::id)
                    .containsExactlyElementsOf(r.parameters().stream().map(p -> "robust-" + p.name()).toList());
            for (int i = 0; i < r.parameters().size(); i++) {
                assertThat(org.medfed.gui.common.NumberFields.parseDouble(vm.ruleFields().get(i).textProperty().get()))
                        .isEqualTo(r.parameters().get(i).defaultValue());
            }
            String written = doc.study().defence() == null ? RobustRuleCatalog.NONE : doc.study().defence().rule();
            assertThat(DefenceSettings.parse(written, 0).rule()).isSameAs(r);
        }
    }

    private static RobustRuleDescriptor rule(String id) {
        return RobustRuleCatalog.find(id).orElseThrow();
    }

    private static FormField field(ProtectionsViewModel vm, String parameter) {
        return vm.ruleFields().stream().filter(f -> f.id().equals("robust-" + parameter)).findFirst().orElseThrow();
    }
}
