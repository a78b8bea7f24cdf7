package org.medfed.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.medfed.engine.BadInputException;
import org.medfed.network.coordinator.CoordinatorServer;
import org.medfed.project.CoordinatorSection;
import org.medfed.project.Study;
import org.medfed.study.CoordinatorListening;
import picocli.CommandLine.Option;

/**
 * How {@code run} and {@code gwas} coordinate hospitals behind nodes: where to listen and which study kit proves who
 * it is.
 */
final class CoordinatorOptions {

    @Option(names = "--listen", paramLabel = "PORT",
            description = "coordinate hospitals behind nodes: listen on PORT for their connections (mutual TLS); "
                    + "default: the study's \"coordinator\" section")
    Integer listen;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "address to listen on (default: the study's, else every interface)")
    String bind;

    @Option(names = "--tls", paramLabel = "DIR",
            description = "the coordinator's folder of the study kit (coordinator.crt, coordinator.key, ca.crt); "
                    + "default: the study's, else the 'coordinator' folder beside the study file")
    Path tls;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "600",
            description = "how long to wait for every node to connect (default 600)")
    int waitSeconds;

    /** Whether anything was said about listening here or in the study. */
    boolean listening(Study study) {
        return listen != null || (study.coordinator() != null && study.coordinator().listen() != null);
    }

    /** Starts listening, the options given here over the study's settings; the server uses {@code executor}. */
    CoordinatorServer start(Study study, Path studyFile, List<String> nodes, ExecutorService executor) {
        CoordinatorSection saved = study.coordinator() != null ? study.coordinator()
                : new CoordinatorSection(null, null, null);
        CoordinatorSection where;
        try {
            where = new CoordinatorSection(listen != null ? listen : saved.listen(), bind != null ? bind : saved.bind(),
                    tls != null ? tls.toAbsolutePath().toString() : saved.tls());
        } catch (BadInputException e) {
            throw new BadInputException("--listen: the port must be between 1 and 65535, was " + listen);
        }
        return CoordinatorListening.start(where, studyFile, nodes, executor);
    }
}
