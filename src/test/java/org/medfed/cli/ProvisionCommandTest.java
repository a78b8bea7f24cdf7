package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.network.pki.CertificateNames;
import org.medfed.network.pki.CertifiedKey;
import org.medfed.network.pki.PemFiles;

/** {@code medfed provision}: the kit it writes, and the input it refuses. */
class ProvisionCommandTest {

    @TempDir
    Path dir;

    private CliRunner provision(String... extra) {
        String[] base = {"provision", "--study", "Heart \"B\" 2027", "--coordinator", "fl.example.org:7443",
                "--out", dir.resolve("kit").toString()};
        String[] args = Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new);
        return CliRunner.run(args);
    }

    @Test
    void writesTheKit() throws Exception {
        CliRunner r = provision("--hospital", "hospital-a", "--hospital", "hospital-b", "--days", "30");

        assertThat(r.exitCode()).as(r.err()).isZero();
        Path kit = dir.resolve("kit");
        try (Stream<Path> files = Files.walk(kit)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> kit.relativize(p).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrder("README.md", "ca/ca.crt", "ca/ca.key",
                            "coordinator/coordinator.crt", "coordinator/coordinator.key", "coordinator/ca.crt",
                            "hospitals/hospital-a/node.crt", "hospitals/hospital-a/node.key",
                            "hospitals/hospital-a/ca.crt", "hospitals/hospital-a/node.json",
                            "hospitals/hospital-a/README.md",
                            "hospitals/hospital-b/node.crt", "hospitals/hospital-b/node.key",
                            "hospitals/hospital-b/ca.crt", "hospitals/hospital-b/node.json",
                            "hospitals/hospital-b/README.md");
        }
        assertThat(r.out()).contains("hospital-a", "hospital-b", "never send it");
    }

    @Test
    void eachHospitalGetsItsOwnCertificateFromTheStudyCa() throws Exception {
        provision("--hospital", "hospital-a", "--hospital", "hospital-b");
        Path kit = dir.resolve("kit");
        X509Certificate ca = PemFiles.readCertificate(kit.resolve("ca/ca.crt"));

        for (String h : new String[] {"hospital-a", "hospital-b"}) {
            Path folder = kit.resolve("hospitals").resolve(h);
            CertifiedKey node = CertifiedKey.read(folder.resolve("node.crt"), folder.resolve("node.key"));
            node.certificate().verify(ca.getPublicKey());
            assertThat(CertificateNames.hospital(node.certificate())).contains(h);
            assertThat(CertificateNames.study(node.certificate())).contains("Heart \"B\" 2027");
            assertThat(PemFiles.readCertificate(folder.resolve("ca.crt"))).isEqualTo(ca);
        }
        CertifiedKey coordinator = CertifiedKey.read(kit.resolve("coordinator/coordinator.crt"),
                kit.resolve("coordinator/coordinator.key"));
        coordinator.certificate().verify(ca.getPublicKey());
        assertThat(coordinator.certificate().getSubjectAlternativeNames()).anyMatch(n -> n.get(1).equals("fl.example.org"));
    }

    @Test
    void theDefaultValidityIsTwoYears() throws Exception {
        provision("--hospital", "hospital-a");
        X509Certificate node = PemFiles.readCertificate(dir.resolve("kit/hospitals/hospital-a/node.crt"));

        long days = (node.getNotAfter().getTime() - System.currentTimeMillis()) / 86_400_000L;
        assertThat(days).isBetween(729L, 730L);
    }

    @Test
    void keysAreOwnerOnlyAndTheCaFolderIsPrivate() throws Exception {
        provision("--hospital", "hospital-a");
        Path kit = dir.resolve("kit");
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        for (String key : new String[] {"ca/ca.key", "coordinator/coordinator.key", "hospitals/hospital-a/node.key"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kit.resolve(key)))).as(key)
                    .isEqualTo("rw-------");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kit.resolve("ca")))).isEqualTo("rwx------");
        try (Stream<Path> files = Files.list(kit)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void nodeJsonIsATemplateForThatHospital() throws Exception {
        provision("--hospital", "hospital-a");
        JsonNode node = new ObjectMapper().readTree(dir.resolve("kit/hospitals/hospital-a/node.json").toFile());

        assertThat(node.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(node.get("node").asText()).isEqualTo("hospital-a");
        assertThat(node.get("study").asText()).isEqualTo("Heart \"B\" 2027");
        assertThat(node.get("coordinator").asText()).isEqualTo("fl.example.org:7443");
        assertThat(node.get("certificate").asText()).isEqualTo("node.crt");
        assertThat(node.get("key").asText()).isEqualTo("node.key");
        assertThat(node.get("ca").asText()).isEqualTo("ca.crt");
        assertThat(node.get("datasets").get(0).get("file").asText()).isEqualTo("data/table.csv");
        assertThat(node.get("policy").get("minimumCount").asInt()).isEqualTo(10);
        assertThat(node.get("auditLog").asText()).isEqualTo("audit.jsonl");
        // the node reads it as it is: the hospital only points it at its data
        var config = org.medfed.project.NodeConfigFile.read(dir.resolve("kit/hospitals/hospital-a/node.json"));
        assertThat(config.node()).isEqualTo("hospital-a");
        assertThat(config.certificate()).isEqualTo(dir.resolve("kit/hospitals/hospital-a/node.crt").toAbsolutePath());
    }

    @Test
    void aNodeWhoseCertificateIsMissingSaysWhichLineOfNodeJsonNamesIt() throws Exception {
        provision("--hospital", "hospital-a");
        Path hospital = dir.resolve("kit/hospitals/hospital-a");
        Files.delete(hospital.resolve("node.crt"));
        CliRunner r = CliRunner.run("node", "--config", hospital.resolve("node.json").toString());
        assertThat(r.exitCode()).isEqualTo(MedFedCommand.BAD_INPUT);
        assertThat(r.err()).contains("node.json: \"certificate\" names node.crt: not found");
    }

    @Test
    void aNodeWhoseTableHasABrokenRowRefusesToStartNamingTheLine() throws Exception {
        provision("--hospital", "hospital-a");
        Path hospital = dir.resolve("kit/hospitals/hospital-a");
        Files.createDirectories(hospital.resolve("data"));
        Files.writeString(hospital.resolve("data/table.csv"), "age,sex,disease\n63,1,1\n67,0\n41,1,0\n");
        CliRunner r = CliRunner.run("node", "--config", hospital.resolve("node.json").toString());
        assertThat(r.exitCode()).isEqualTo(MedFedCommand.BAD_INPUT);
        assertThat(r.err()).contains("table.csv line 3: dataset 'data': 2 fields where 3 were expected");
    }

    @Test
    void theReadmesSayWhatToSendAndWhatToKeep() throws Exception {
        provision("--hospital", "hospital-a");
        String researcher = Files.readString(dir.resolve("kit/README.md"));
        String hospital = Files.readString(dir.resolve("kit/hospitals/hospital-a/README.md"));

        assertThat(researcher).contains("`hospitals/hospital-a/` to the IT team of hospital-a", "NEVER send `ca/ca.key`");
        assertThat(hospital).contains("`node.key` must stay private", "Only **outbound** connections",
                "fl.example.org:7443", "java -jar medfed.jar node --config node.json",
                "`-Dsun.misc.unsafe.memory.access=allow` before `-jar`");
    }

    @Test
    void refusesTheSameHospitalTwice() {
        CliRunner r = provision("--hospital", "hospital-a", "--hospital", "Hospital-A");

        assertRefused(r, "medfed: --hospital: 'Hospital-A' is given twice (as 'hospital-a'; names differing only in "
                + "capitals would share a folder on Windows and macOS)");
    }

    @Test
    void refusesANameUnsafeForAFolder() {
        CliRunner r = provision("--hospital", "../hospital-a");

        assertRefused(r, "medfed: --hospital: hospital name '../hospital-a' may use only letters, digits");
    }

    @Test
    void refusesACoordinatorThatIsNotHostColonPort() {
        CliRunner r = CliRunner.run("provision", "--study", "Heart", "--coordinator", "fl.example.org",
                "--hospital", "hospital-a", "--out", dir.resolve("kit").toString());

        assertRefused(r, "medfed: --coordinator: 'fl.example.org' is not HOST:PORT");
    }

    @Test
    void refusesAFolderThatAlreadyHoldsAKit() throws Exception {
        assertThat(provision("--hospital", "hospital-a").exitCode()).isZero();
        byte[] caKey = Files.readAllBytes(dir.resolve("kit/ca/ca.key"));

        CliRunner r = provision("--hospital", "hospital-b");

        assertRefused(r, "medfed: --out " + dir.resolve("kit") + ": already holds a kit (ca, coordinator, hospitals, "
                + "README.md)");
        assertThat(Files.readAllBytes(dir.resolve("kit/ca/ca.key"))).isEqualTo(caKey);
        assertThat(dir.resolve("kit/hospitals/hospital-b")).doesNotExist();
    }

    @Test
    void refusesDaysOutOfRange() {
        assertRefused(provision("--hospital", "hospital-a", "--days", "0"), "medfed: --days 0: must be between 1 and 3650");
    }

    @Test
    void refusesAMissingHospital() {
        assertRefused(provision(), "Missing required option: '--hospital=NAME'");
    }

    @Test
    void refusesAnEmptyStudyName() {
        CliRunner r = CliRunner.run("provision", "--study", " ", "--coordinator", "fl.example.org:7443",
                "--hospital", "hospital-a", "--out", dir.resolve("kit").toString());

        assertRefused(r, "medfed: --study: the study name is empty");
    }

    private void assertRefused(CliRunner r, String message) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(MedFedCommand.BAD_INPUT);
        assertThat(r.err()).contains(message);
        if (!message.contains("already holds a kit")) {
            assertThat(dir.resolve("kit")).as("nothing is written on bad input").doesNotExist();
        }
    }
}
