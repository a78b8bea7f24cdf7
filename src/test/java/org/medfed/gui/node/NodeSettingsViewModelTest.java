package org.medfed.gui.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.project.NodeConfig;
import org.medfed.project.NodeConfigFile;
import org.medfed.project.NodePolicySection;

class NodeSettingsViewModelTest {

    @TempDir
    Path dir;

    private final StubDialogs dialogs = new StubDialogs();
    private final NodeSettingsViewModel vm = new NodeSettingsViewModel(dialogs);

    @Test
    void importingAHospitalsKitReadsItsIdentityAndCertificate() {
        Path kit = NodeKits.provision(dir.resolve("kit"), "heart-study", 7443, "hospital-a", "hospital-b");
        dialogs.folders.add(NodeKits.hospital(kit, "hospital-b"));
        vm.importKitFromDialog();

        NodeConfig c = vm.config();
        assertThat(c.node()).isEqualTo("hospital-b");
        assertThat(c.study()).isEqualTo("heart-study");
        assertThat(c.coordinator().toString()).isEqualTo("127.0.0.1:7443");
        KitIdentity id = vm.identityProperty().get();
        assertThat(id.certifiedTo()).isEqualTo("hospital-b");
        assertThat(id.certifiedStudy()).isEqualTo("heart-study");
        assertThat(id.problem()).isNull();
        assertThat(id.summary()).startsWith("Hospital 'hospital-b' in study 'heart-study', coordinator 127.0.0.1:7443; "
                + "certificate valid until ");
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void theWholeKitOrTheCoordinatorsPartIsExplainedNotRead() {
        Path kit = NodeKits.provision(dir.resolve("kit"), "heart-study", 7443, "hospital-a");
        assertThat(vm.importKit(kit)).isFalse();
        assertThat(vm.problemProperty().get()).isEqualTo(kit + " is the whole study kit. Choose your own hospital's "
                + "folder inside it: hospitals/<your hospital>/ (the researcher sends each hospital only that folder).");
        assertThat(vm.importKit(kit.resolve("coordinator"))).isFalse();
        assertThat(vm.problemProperty().get()).contains("is the coordinator's part of the kit");
        assertThat(vm.importKit(dir)).isFalse();
        assertThat(vm.problemProperty().get()).endsWith("is not a hospital's start-up kit: it has no node.json. The "
                + "kit folder holds node.json, node.crt, node.key and ca.crt.");
        assertThat(vm.config()).isNull();
    }

    @Test
    void aBadNodeFileIsReportedInWordsAndNothingIsOpened() throws Exception {
        Path kit = NodeKits.provision(dir.resolve("kit"), "heart-study", 7443, "hospital-a");
        Path file = NodeKits.hospital(kit, "hospital-a").resolve("node.json");
        Files.writeString(file, Files.readString(file).replace("\"minimumCount\" : 10", "\"minimumCount\" : \"10\""));
        assertThat(vm.open(file)).isFalse();
        assertThat(vm.problemProperty().get()).isEqualTo("node.json line 21: field 'policy.minimumCount' has the "
                + "wrong kind of value, expected a whole number");
        assertThat(vm.config()).isNull();
    }

    @Test
    void aCertificateOfAnotherHospitalIsSaidAtImport() throws Exception {
        Path kit = NodeKits.provision(dir.resolve("kit"), "heart-study", 7443, "hospital-a", "hospital-b");
        Path file = NodeKits.hospital(kit, "hospital-a").resolve("node.json");
        Files.writeString(file, Files.readString(file).replace("\"node\" : \"hospital-a\"", "\"node\" : \"hospital-z\""));
        assertThat(vm.open(file)).isTrue();
        assertThat(vm.identityProperty().get().problem()).isEqualTo("node.json names the hospital 'hospital-z' but "
                + "its certificate is issued to 'hospital-a': use the name and certificate of the same start-up kit.");
    }

    @Test
    void editsAreSavedAtomicallyAndLoadAgain() throws Exception {
        Path kit = NodeKits.provision(dir.resolve("kit"), "heart-study", 7443, "hospital-a");
        Path folder = NodeKits.hospital(kit, "hospital-a");
        assertThat(vm.importKit(folder)).isTrue();
        NodePolicySection p = vm.config().policy();
        vm.setPolicy(new NodePolicySection(p.dataKinds(), p.procedures(), 7, true, p.maxEpsilon(), OptionalInt.of(12)));
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.save()).isTrue();
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved " + folder.resolve("node.json").toAbsolutePath());

        NodeConfig again = NodeConfigFile.read(folder.resolve("node.json"));
        assertThat(again).isEqualTo(vm.config());
        assertThat(again.policy().minimumCount()).isEqualTo(7);
        assertThat(again.policy().maxRounds()).hasValue(12);
        String text = Files.readString(folder.resolve("node.json"));
        // paths stay relative to the kit folder, so that the folder can be moved; "every procedure" stays null
        assertThat(text).contains("\"certificate\" : \"node.crt\"").contains("\"procedures\" : null")
                .contains("\"stateFolder\" : \"state/\"");
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList())
                    .as("no temporary file is left beside it").allMatch(n -> !n.contains("tmp"));
        }
    }

    @Test
    void settingsThatWouldNotLoadAreNotSaved() throws Exception {
        Path folder = NodeKits.hospital(NodeKits.provision(dir.resolve("kit"), "s", 7443, "hospital-a"), "hospital-a");
        vm.importKit(folder);
        String before = Files.readString(folder.resolve("node.json"));
        vm.setDatasets(List.of());
        assertThat(vm.save()).isFalse();
        assertThat(vm.problemProperty().get())
                .isEqualTo("Not saved: node.json: field 'datasets' is empty: the node needs at least one dataset to serve");
        assertThat(Files.readString(folder.resolve("node.json"))).isEqualTo(before);
        assertThat(vm.dirtyProperty().get()).isTrue();
    }

    @Test
    void closingWithUnsavedChangesAsks() {
        vm.importKit(NodeKits.hospital(NodeKits.provision(dir.resolve("kit"), "s", 7443, "hospital-a"), "hospital-a"));
        assertThat(vm.confirmClose()).isTrue();
        NodePolicySection p = vm.config().policy();
        vm.setPolicy(new NodePolicySection(p.dataKinds(), p.procedures(), 3, false, p.maxEpsilon(), p.maxRounds()));
        dialogs.unsavedAnswers.add(org.medfed.gui.common.UserDialogs.UnsavedChoice.CANCEL);
        assertThat(vm.confirmClose()).isFalse();
        dialogs.unsavedAnswers.add(org.medfed.gui.common.UserDialogs.UnsavedChoice.SAVE);
        assertThat(vm.confirmClose()).isTrue();
        assertThat(NodeConfigFile.read(vm.config().file()).policy().minimumCount()).isEqualTo(3);
    }
}
