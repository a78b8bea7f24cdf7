package org.medfed.network.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.BadInputException;

/** Certificates and keys round-trip through PEM files; keys are PKCS#8 and owner-only. */
class PemFilesTest {

    @TempDir
    Path dir;

    private static StudyAuthority ca;
    private static CertifiedKey hospital;

    @BeforeAll
    static void makeCertificates() {
        ca = StudyAuthority.create("Heart 2027", Validity.days(30, Instant.now()));
        hospital = ca.issueHospital("hospital-a", Validity.days(30, Instant.now()));
    }

    @Test
    void aCertificateAndItsKeyRoundTrip() throws Exception {
        hospital.write(dir.resolve("node.crt"), dir.resolve("node.key"));

        CertifiedKey read = CertifiedKey.read(dir.resolve("node.crt"), dir.resolve("node.key"));

        assertThat(read.certificate()).isEqualTo(hospital.certificate());
        assertThat(read.privateKey().getEncoded()).isEqualTo(hospital.privateKey().getEncoded());
        assertThat(Files.readString(dir.resolve("node.crt"))).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(Files.readString(dir.resolve("node.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void theKeyIsReadableByItsOwnerOnly() throws Exception {
        PemFiles.writePrivateKey(dir.resolve("node.key"), hospital.privateKey());
        PemFiles.writeCertificate(dir.resolve("node.crt"), hospital.certificate());

        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("node.key"))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("node.crt"))))
                    .startsWith("rw-");
        }
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("node.key", "node.crt");
        }
    }

    @Test
    void theStudyCaLoadsBackFromItsFiles() throws Exception {
        ca.certifiedKey().write(dir.resolve("ca.crt"), dir.resolve("ca.key"));

        StudyAuthority loaded = StudyAuthority.load(dir.resolve("ca.crt"), dir.resolve("ca.key"));

        assertThat(loaded.study()).isEqualTo("Heart 2027");
        CertifiedKey later = loaded.issueHospital("hospital-c", Validity.days(1, Instant.now()));
        later.certificate().verify(ca.certificate().getPublicKey());
    }

    @Test
    void aKeyOfAnotherKitIsNamed() throws Exception {
        hospital.write(dir.resolve("node.crt"), dir.resolve("node.key"));
        CertifiedKey other = ca.issueHospital("hospital-b", Validity.days(30, Instant.now()));
        PemFiles.writePrivateKey(dir.resolve("node.key"), other.privateKey());

        assertThatThrownBy(() -> CertifiedKey.read(dir.resolve("node.crt"), dir.resolve("node.key")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("node.key: is not the private key of node.crt: the two files come from different kits");
    }

    @Test
    void aMissingOrWrongFileIsNamed() throws Exception {
        assertThatThrownBy(() -> PemFiles.readCertificate(dir.resolve("absent.crt")))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("absent.crt: not found");
        Files.writeString(dir.resolve("data.csv"), "age,sex\n63,1\n");
        assertThatThrownBy(() -> PemFiles.readCertificate(dir.resolve("data.csv")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("holds no certificate");
        PemFiles.writeCertificate(dir.resolve("node.crt"), hospital.certificate());
        assertThatThrownBy(() -> PemFiles.readPrivateKey(dir.resolve("node.crt")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("holds no private key");
    }

    @Test
    void aDamagedKeyIsToldSoWithoutTheParsersInsides() throws Exception {
        PemFiles.writePrivateKey(dir.resolve("node.key"), hospital.privateKey());
        String pem = Files.readString(dir.resolve("node.key"));
        String[] lines = pem.split("\n");
        // one character of the key's body changed, as a bad copy or an edit would: the PEM frame is intact
        char c = lines[1].charAt(4);
        lines[1] = lines[1].substring(0, 4) + (c == 'A' ? 'B' : 'A') + lines[1].substring(5);
        Files.writeString(dir.resolve("damaged.key"), String.join("\n", lines) + "\n");
        assertThatThrownBy(() -> PemFiles.readPrivateKey(dir.resolve("damaged.key")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("damaged.key: is damaged: its private key cannot be decoded; copy the file again, "
                        + "unchanged, from the kit made by medfed provision");
    }
}
