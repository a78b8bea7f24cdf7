package org.medfed.network.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.BadInputException;
import org.medfed.network.pki.PemFiles;

/** Loading a side's files names the file that is wrong, before any handshake. */
class TlsIdentityTest {

    @TempDir
    Path dir;

    private static TestStudy study;
    private static TestStudy otherStudy;

    @BeforeAll
    static void makeCertificates() {
        study = TestStudy.create("Heart 2027");
        otherStudy = TestStudy.create("Heart 2027");
    }

    @Test
    void loadsAMatchingSet() throws Exception {
        TlsIdentity written = study.hospital("hospital-a");
        write(written);

        TlsIdentity loaded = load();

        assertThat(loaded.own().certificate()).isEqualTo(written.own().certificate());
        assertThat(loaded.studyCa()).isEqualTo(study.ca.certificate());
    }

    @Test
    void aCertificateOfAnotherCaIsNamed() throws Exception {
        write(study.hospital("hospital-a"));
        PemFiles.writeCertificate(dir.resolve("ca.crt"), otherStudy.ca.certificate());

        assertThatThrownBy(this::load).isInstanceOf(BadInputException.class)
                .hasMessage("node.crt: was not issued by the study CA in ca.crt: the files come from different kits "
                        + "(or studies)");
    }

    @Test
    void anExpiredCertificateIsNamed() throws Exception {
        write(study.expiredHospital("hospital-a"));

        assertThatThrownBy(this::load).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("node.crt: expired on ")
                .hasMessageEndingWith("; ask the study's researcher for a new kit");
    }

    private void write(TlsIdentity identity) throws Exception {
        identity.own().write(dir.resolve("node.crt"), dir.resolve("node.key"));
        PemFiles.writeCertificate(dir.resolve("ca.crt"), identity.studyCa());
    }

    private TlsIdentity load() {
        return TlsIdentity.load(dir.resolve("node.crt"), dir.resolve("node.key"), dir.resolve("ca.crt"));
    }
}
