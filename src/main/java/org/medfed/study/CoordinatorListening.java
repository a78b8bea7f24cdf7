package org.medfed.study;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.medfed.engine.BadInputException;
import org.medfed.network.coordinator.CoordinatorServer;
import org.medfed.network.pki.CertificateNames;
import org.medfed.network.provision.KitLayout;
import org.medfed.network.tls.TlsIdentity;
import org.medfed.project.CoordinatorSection;

/**
 * Starts the coordinator's listening side for a study whose hospitals are behind nodes, from its coordinator
 * settings: the one way both {@code medfed run} and the workbench listen.
 */
public final class CoordinatorListening {

    private CoordinatorListening() {
    }

    /**
     * @param where     the port, address and kit folder (its relative folder against {@code studyFile})
     * @param nodes     the node names the study's hospitals run on; other nodes are refused
     * @param executor  runs the server's calls
     */
    public static CoordinatorServer start(CoordinatorSection where, Path studyFile, List<String> nodes,
                                          Executor executor) {
        if (where == null || where.listen() == null) {
            throw new BadInputException(studyFile, null, "the study's hospitals are behind nodes ("
                    + String.join(", ", nodes) + "): give the port to listen on for their connections "
                    + "(--listen PORT, or \"coordinator\": {\"listen\": PORT} in the study)");
        }
        Path dir = where.tlsFolder(studyFile);
        Path crt = dir.resolve(KitLayout.COORDINATOR_CERTIFICATE);
        if (!Files.isRegularFile(crt)) {
            throw new BadInputException(dir + " holds no " + KitLayout.COORDINATOR_CERTIFICATE
                    + ": give the coordinator's folder of the kit that 'medfed provision' made (--tls DIR, or "
                    + "\"coordinator\": {\"tls\": DIR} in the study)");
        }
        TlsIdentity identity = TlsIdentity.load(crt, dir.resolve(KitLayout.COORDINATOR_KEY),
                dir.resolve(KitLayout.CA_CERTIFICATE));
        String study = CertificateNames.study(identity.studyCa()).orElseThrow(() -> new BadInputException(
                "the study CA in " + dir + " names no study"));
        return CoordinatorServer.start(new InetSocketAddress(where.bindAddress(), where.listen()), identity, study,
                nodes, Version.current(), executor);
    }
}
