package org.medfed.gui.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.protocol.Procedure;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.project.DataKind;
import org.medfed.project.NodeConfigFile;
import org.medfed.project.NodePolicySection;

class PolicyViewModelTest {

    @TempDir
    Path dir;

    private NodeSettingsViewModel settings;
    private PolicyViewModel vm;

    @BeforeEach
    void openKit() {
        settings = new NodeSettingsViewModel(new StubDialogs());
        settings.importKit(NodeKits.hospital(NodeKits.provision(dir.resolve("kit"), "heart", 7443, "hospital-a"),
                "hospital-a"));
        vm = new PolicyViewModel(settings);
    }

    @Test
    void theFormShowsTheKitsCautiousPolicy() {
        assertThat(vm.kindProperty(DataKind.TABLE).get()).isTrue();
        assertThat(vm.kindProperty(DataKind.IMAGES).get()).isFalse();
        assertThat(vm.everyProcedureProperty().get()).isTrue();
        assertThat(vm.minimumCountProperty().get()).isEqualTo("10");
        assertThat(vm.requireDpProperty().get()).isFalse();
        assertThat(vm.maxEpsilonProperty().get()).isEmpty();
        assertThat(vm.maxRoundsProperty().get()).isEqualTo("1000");
        assertThat(vm.summaryProperty().get()).isEqualTo("This node serves table data, every procedure of the "
                + "catalogue for it; nothing resting on fewer than 10 patients leaves; no round after round 1000.");
        assertThat(vm.procedures()).extracting(PolicyViewModel.ProcedureChoice::procedure)
                .containsExactly(Procedure.values());
    }

    @Test
    void aValidChangeGoesIntoTheSettingsAndAnInvalidOneSaysWhy() {
        vm.minimumCountProperty().set("25");
        vm.maxEpsilonProperty().set("2.5");
        vm.maxRoundsProperty().set("");
        NodePolicySection p = settings.config().policy();
        assertThat(p.minimumCount()).isEqualTo(25);
        assertThat(p.maxEpsilon()).hasValue(2.5);
        assertThat(p.maxRounds()).isEmpty();
        assertThat(settings.dirtyProperty().get()).isTrue();
        assertThat(vm.summaryProperty().get()).isEqualTo("This node serves table data, every procedure of the "
                + "catalogue for it; nothing resting on fewer than 25 patients leaves; training results leave only "
                + "with differential privacy of epsilon at most 2.5.");

        vm.minimumCountProperty().set("ten");
        vm.maxEpsilonProperty().set("0");
        assertThat(vm.problemProperty().get()).isEqualTo("Minimum count: write a whole number, 0 or more (it is "
                + "'ten').\nLargest epsilon: write a number above 0, or leave it empty for no limit (it is '0').");
        assertThat(settings.config().policy().minimumCount()).as("unchanged").isEqualTo(25);
        vm.minimumCountProperty().set("0");
        vm.maxEpsilonProperty().set("");
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(settings.config().policy().minimumCount()).isZero();

        vm.kindProperty(DataKind.TABLE).set(false);
        assertThat(vm.problemProperty().get()).isEqualTo("Tick at least one kind of data: without one the node "
                + "serves nothing.");
    }

    @Test
    void choosingProceduresStartsFromWhatTheKindsAllowAndIsSavedAsAList() {
        vm.everyProcedureProperty().set(false);
        assertThat(settings.config().policy().procedures())
                .isEqualTo(NodePolicySection.allAllowedBy(java.util.Set.of(DataKind.TABLE)));
        vm.procedures().stream().filter(c -> c.procedure() == Procedure.BASELINE_TRAIN).findFirst().orElseThrow()
                .allowedProperty().set(false);
        assertThat(settings.config().policy().procedures()).doesNotContain(Procedure.BASELINE_TRAIN)
                .contains(Procedure.TRAIN);
        assertThat(settings.save()).isTrue();
        assertThat(NodeConfigFile.read(settings.config().file()).policy().procedures())
                .doesNotContain(Procedure.BASELINE_TRAIN).contains(Procedure.TABLE_SCHEMA);

        vm.procedures().forEach(c -> c.allowedProperty().set(false));
        assertThat(vm.problemProperty().get()).isEqualTo("Tick at least one procedure, or choose every procedure "
                + "the data kinds allow.");
        vm.everyProcedureProperty().set(true);
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(settings.config().policy().procedures()).contains(Procedure.BASELINE_TRAIN);
    }

    @Test
    void everySettingHasItsExplanation() {
        assertThat(PolicyViewModel.MINIMUM_COUNT).contains("0 switches the rule off");
        assertThat(PolicyViewModel.MAX_EPSILON).contains("Empty: no limit");
        assertThat(vm.procedures()).allMatch(c -> !c.description().isBlank());
    }
}
