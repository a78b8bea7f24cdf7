package org.medfed.cli;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.medfed.engine.BadInputException;
import org.medfed.network.coordinator.CoordinatorServer;
import org.medfed.network.pki.CertificateNames;
import org.medfed.network.provision.KitLayout;
import org.medfed.network.tls.TlsIdentity;
import org.medfed.study.Version;
import picocli.CommandLine.Option;

/**
 * How {@code run} and {@code gwas} coordinate hospitals behind nodes: where to listen and which study kit proves who
 * it is.
 */
final class CoordinatorOptions {

    @Option(names = "--listen", paramLabel = "PORT",
            description = "coordinate hospitals behind nodes: listen on PORT for their connections (mutual TLS)")
    Integer listen;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "address to listen on with --listen (default: every interface)")
    String bind;

    @Option(names = "--tls", paramLabel = "DIR",
            description = "the coordinator's folder of the study kit (coordinator.crt, coordinator.key, ca.crt); "
                    + "default: the 'coordinator' folder beside the study file")
    Path tls;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "600",
            description = "how long to wait for every node to connect (default 600)")
    int waitSeconds;

    /** Starts listening; the server uses {@code executor} for its calls. */
    CoordinatorServer start(Path studyFile, List<String> nodes, ExecutorService executor) {
        if (listen == null) {
            throw new BadInputException(studyFile, null, "the study's hospitals are behind nodes ("
                    + String.join(", ", nodes) + "): give --listen PORT so that they can connect");
        }
        if (listen < 1 || listen > 65535) {
            throw new BadInputException("--listen: the port must be between 1 and 65535, was " + listen);
        }
        Path dir = tls != null ? tls : studyFile.toAbsolutePath().getParent().resolve(KitLayout.COORDINATOR_DIR);
        Path crt = dir.resolve(KitLayout.COORDINATOR_CERTIFICATE);
        if (!Files.isRegularFile(crt)) {
            throw new BadInputException("--tls: " + dir + " holds no " + KitLayout.COORDINATOR_CERTIFICATE
                    + "; give the coordinator's folder of the kit that 'medfed provision' made");
        }
        TlsIdentity identity = TlsIdentity.load(crt, dir.resolve(KitLayout.COORDINATOR_KEY),
                dir.resolve(KitLayout.CA_CERTIFICATE));
        String study = CertificateNames.study(identity.studyCa()).orElseThrow(() -> new BadInputException(
                "--tls: the study CA in " + dir + " names no study"));
        return CoordinatorServer.start(new InetSocketAddress(bind, listen), identity, study, nodes, Version.current(),
                executor);
    }

    static ExecutorService executor() {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "coordinator");
            t.setDaemon(true);
            return t;
        });
    }
}
