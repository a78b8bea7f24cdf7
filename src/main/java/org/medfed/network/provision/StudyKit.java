package org.medfed.network.provision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.medfed.io.AtomicFiles;
import org.medfed.project.CoordinatorAddress;
import org.medfed.project.NodeConfigFile;
import org.medfed.network.pki.CertifiedKey;
import org.medfed.network.pki.OwnerOnlyFiles;
import org.medfed.network.pki.PemFiles;
import org.medfed.network.pki.StudyAuthority;
import org.medfed.network.pki.Validity;

/**
 * Everything a multi-site study needs to start: a new study CA, the coordinator's certificate and one folder per
 * hospital, written as {@link KitLayout} says. The caller checks the names; this class only writes.
 */
public record StudyKit(String study, CoordinatorAddress coordinator, List<String> hospitals, Validity validity) {

    public StudyKit {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(coordinator, "coordinator");
        Objects.requireNonNull(validity, "validity");
        hospitals = List.copyOf(hospitals);
    }

    /** The top-level entries of a kit already in {@code folder}; empty when a kit may be written there. */
    public static List<String> existingKitEntries(Path folder) {
        List<String> found = new ArrayList<>();
        for (String entry : KitLayout.topLevel()) {
            if (Files.exists(folder.resolve(entry))) {
                found.add(entry);
            }
        }
        return found;
    }

    /**
     * Writes the kit into {@code out}. Everything goes to a hidden folder inside {@code out} first and is moved
     * into place at the end, so a failure half-way leaves no half kit that a later run would refuse to replace.
     */
    public void writeTo(Path out, Instant now) throws IOException {
        Files.createDirectories(out);
        Path staging = out.resolve(".provisioning-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.createDirectory(staging);
            writeKit(staging, now);
            for (String entry : KitLayout.topLevel()) {
                move(staging.resolve(entry), out.resolve(entry));
            }
        } finally {
            org.medfed.io.FileTrees.delete(staging);
        }
    }

    private void writeKit(Path kit, Instant now) throws IOException {
        StudyAuthority ca = StudyAuthority.create(study, validity);

        OwnerOnlyFiles.createPrivateDirectory(KitLayout.caFolder(kit));
        ca.certifiedKey().write(KitLayout.caFolder(kit).resolve(KitLayout.CA_CERTIFICATE),
                KitLayout.caFolder(kit).resolve(KitLayout.CA_KEY));

        Path coordinatorFolder = KitLayout.coordinatorFolder(kit);
        ca.issueCoordinator(coordinator, validity).write(coordinatorFolder.resolve(KitLayout.COORDINATOR_CERTIFICATE),
                coordinatorFolder.resolve(KitLayout.COORDINATOR_KEY));
        PemFiles.writeCertificate(coordinatorFolder.resolve(KitLayout.CA_CERTIFICATE), ca.certificate());

        for (String hospital : hospitals) {
            Path folder = KitLayout.hospitalFolder(kit, hospital);
            CertifiedKey node = ca.issueHospital(hospital, validity);
            node.write(folder.resolve(KitLayout.NODE_CERTIFICATE), folder.resolve(KitLayout.NODE_KEY));
            PemFiles.writeCertificate(folder.resolve(KitLayout.CA_CERTIFICATE), ca.certificate());
            // the node's own settings file, in the schema the node reads (it is checked before it is written)
            NodeConfigFile.template(folder.resolve(KitLayout.NODE_CONFIG), hospital, study, coordinator);
            writeText(folder.resolve(KitLayout.README), KitReadmes.forHospital(hospital, study, coordinator,
                    validity.notBefore(), validity.notAfter()));
        }
        Files.createDirectories(kit.resolve(KitLayout.HOSPITALS_DIR));
        writeText(kit.resolve(KitLayout.README),
                KitReadmes.forResearcher(study, coordinator, hospitals, now, validity.notAfter()));
    }

    private static void writeText(Path file, String text) throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

}
