package org.medfed.network.tls;

import java.time.Duration;
import java.time.Instant;
import org.medfed.project.CoordinatorAddress;
import org.medfed.network.pki.StudyAuthority;
import org.medfed.network.pki.Validity;

/** A study CA with a coordinator on loopback, and hospital identities made on demand, all in memory. */
final class TestStudy {

    final StudyAuthority ca;
    final Validity validity;

    private TestStudy(StudyAuthority ca, Validity validity) {
        this.ca = ca;
        this.validity = validity;
    }

    /** A CA valid from 30 days ago, so that it can also sign certificates that have already expired. */
    static TestStudy create(String study) {
        Instant now = Instant.now();
        Validity validity = new Validity(now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(30)));
        return new TestStudy(StudyAuthority.create(study, validity), validity);
    }

    TlsIdentity coordinator() {
        return coordinator("coordinator.example.org");
    }

    TlsIdentity coordinator(String host) {
        return new TlsIdentity(ca.issueCoordinator(new CoordinatorAddress(host, 7443), validity), ca.certificate());
    }

    TlsIdentity hospital(String name) {
        return new TlsIdentity(ca.issueHospital(name, validity), ca.certificate());
    }

    TlsIdentity expiredHospital(String name) {
        Instant now = Instant.now();
        Validity past = new Validity(now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(1)));
        return new TlsIdentity(ca.issueHospital(name, past), ca.certificate());
    }
}
