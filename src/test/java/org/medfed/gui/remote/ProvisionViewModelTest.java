package org.medfed.gui.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.Samples;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.network.pki.CertificateNames;
import org.medfed.network.pki.PemFiles;
import org.medfed.network.provision.KitRequest;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.StudyFile;

/**
 * "Provision hospitals…": the fields filled from the study, problems named by field, the kits written as
 * {@code medfed provision} writes them, the instructions in words, and the study's coordinator settings pointed at
 * the kit's coordinator folder.
 */
class ProvisionViewModelTest {

    @TempDir
    Path dir;

    private final QueuedUi ui = QueuedUi.sameThread();
    private final StudyDocument doc = new StudyDocument();
    private final StubDialogs dialogs = new StubDialogs();
    private StudyCoordinator coordinator;
    private ProvisionViewModel vm;
    private Path studyFile;

    @BeforeEach
    void studyWithTwoRemoteHospitals() {
        studyFile = Samples.copy(dir, 2);
        doc.replace(StudyFile.load(studyFile).withParticipants(List.of(
                ParticipantEntry.remote("city-general", "city-general", "heart"),
                ParticipantEntry.remote("rural", "rural-clinic", "heart"))), studyFile);
        coordinator = new StudyCoordinator(doc, ui);
        vm = new ProvisionViewModel(doc, ui, dialogs, new CoordinatorSettingsViewModel(doc, dialogs, coordinator));
    }

    @AfterEach
    void stop() {
        coordinator.close();
        ui.close();
    }

    @Test
    void fieldsComeFromTheStudyAndProblemsNameTheirField() {
        vm.prefill("workbench.example.org");
        assertThat(vm.studyProperty().get()).isEqualTo(doc.study().name());
        assertThat(vm.coordinatorProperty().get()).isEqualTo("workbench.example.org:7443");
        // the node names: the certificates are issued to them
        assertThat(vm.hospitalsProperty().get()).isEqualTo("city-general, rural-clinic");
        assertThat(vm.folderProperty().get()).isEqualTo(studyFile.getParent().resolve("kit").toString());

        vm.hospitalsProperty().set("city-general, ../rural");
        vm.make();
        assertThat(vm.problemProperty().get()).startsWith("Hospitals: hospital name '../rural' may use only");
        vm.hospitalsProperty().set("city-general  City-General");
        vm.make();
        assertThat(vm.problemProperty().get()).isEqualTo("Hospitals: 'City-General' is given twice (as 'city-general'; "
                + "names differing only in capitals would share a folder on Windows and macOS).");
        vm.hospitalsProperty().set("city-general rural-clinic");
        vm.coordinatorProperty().set("workbench.example.org");
        vm.make();
        assertThat(vm.problemProperty().get()).startsWith("Coordinator (HOST:PORT where the nodes reach this workbench): ");
        vm.coordinatorProperty().set("workbench.example.org:7443");
        vm.daysProperty().set("two years");
        vm.make();
        assertThat(vm.problemProperty().get()).isEqualTo("Valid for: \"two years\" is not a whole number of days.");
        vm.daysProperty().set("0");
        vm.make();
        assertThat(vm.problemProperty().get()).isEqualTo("Valid for: 0 days must be between 1 and 3650.");
        assertThat(studyFile.getParent().resolve("kit")).doesNotExist();
        assertThat(vm.doneProperty().get()).isFalse();
    }

    @Test
    void makesTheKitsSaysWhatToSendWhereAndListensWithTheCoordinatorFolder() throws Exception {
        vm.prefill("127.0.0.1");
        int port = freePort();
        vm.coordinatorProperty().set("127.0.0.1:" + port);
        dialogs.folders.add(dir.resolve("kits"));
        vm.chooseFolder();
        vm.make();
        ui.drain();
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.doneProperty().get()).isTrue();
        Path kit = dir.resolve("kits");

        // the layout of medfed provision, made by the same code: one kit written through the command's request
        Path cli = dir.resolve("cli-kit");
        new KitRequest(vm.studyProperty().get(), "127.0.0.1:" + port, List.of("city-general", "rural-clinic"), 730, cli)
                .write(java.time.Instant.now());
        assertThat(files(kit)).isEqualTo(files(cli));
        assertThat(CertificateNames.hospital(PemFiles.readCertificate(kit.resolve("hospitals/rural-clinic/node.crt"))))
                .contains("rural-clinic");

        assertThat(vm.instructions()).contains(
                "Send each hospital its own folder, and nothing else, over a channel you trust:",
                "    city-general:  " + kit.resolve("hospitals/city-general"),
                "    rural-clinic:  " + kit.resolve("hospitals/rural-clinic"));
        assertThat(vm.instructions()).anyMatch(l -> l.startsWith("Never send " + kit.resolve("ca/ca.key")
                + " (the study's CA key) to anyone"));
        // the study's coordinator settings: the kit's coordinator folder and its port; the workbench listens there
        assertThat(doc.study().coordinator().listen()).isEqualTo(port);
        assertThat(doc.study().coordinator().tls()).isEqualTo(doc.dataPathFor(kit.resolve("coordinator")));
        ui.until(() -> coordinator.listeningProperty().get(), java.time.Duration.ofSeconds(20));
        assertThat(coordinator.port()).isEqualTo(port);

        // a second kit into the same folder would overwrite keys: refused, naming the folder
        vm.prefill("127.0.0.1");
        vm.folderProperty().set(kit.toString());
        vm.make();
        assertThat(vm.problemProperty().get()).startsWith("Kit folder " + kit + ": already holds a kit (");
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
