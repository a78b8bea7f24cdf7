package org.medfed.gui.node;

import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.medfed.engine.BadInputException;
import org.medfed.network.pki.CertificateNames;
import org.medfed.network.tls.TlsIdentity;
import org.medfed.project.NodeConfig;

/**
 * Who the node is, as its start-up kit says: the hospital and study of {@code node.json}, the coordinator it
 * dials, and what its certificate says (the hospital it is issued to, the study, until when it is valid), or why
 * the certificate files cannot be used. Shown before the node is started, so that a wrong kit is seen at once.
 */
public record KitIdentity(String node, String study, String coordinator, String certifiedTo, String certifiedStudy,
                          LocalDate validUntil, String problem) {

    public static KitIdentity of(NodeConfig config) {
        String coordinator = config.coordinator().toString();
        try {
            TlsIdentity tls = TlsIdentity.load(config.certificate(), config.key(), config.ca());
            X509Certificate own = tls.own().certificate();
            String certified = CertificateNames.hospital(own).orElse("?");
            String study = CertificateNames.study(own).orElse("?");
            LocalDate until = own.getNotAfter().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
            String problem = certified.equals(config.node()) ? null : "node.json names the hospital '"
                    + config.node() + "' but its certificate is issued to '" + certified + "': use the name and "
                    + "certificate of the same start-up kit.";
            return new KitIdentity(config.node(), config.study(), coordinator, certified, study, until, problem);
        } catch (BadInputException e) {
            return new KitIdentity(config.node(), config.study(), coordinator, null, null, null, e.getMessage());
        }
    }

    /** One line for the window's header. */
    public String summary() {
        return "Hospital '" + node + "' in study '" + study + "', coordinator " + coordinator
                + (validUntil == null ? "" : "; certificate valid until " + validUntil);
    }
}
