package org.medfed.project;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import org.medfed.engine.BadInputException;

/**
 * Where the researcher's machine listens for the hospitals' nodes in a study with hospitals behind nodes, and
 * which folder of the study kit proves who it is: what {@code medfed run --listen --bind --tls} say on the command
 * line, kept in the study so that the workbench and a plain {@code medfed run study.json} need nothing more.
 *
 * @param listen the port the nodes dial (the one given to {@code medfed provision --coordinator HOST:PORT})
 * @param bind   the address to listen on, every interface when null
 * @param tls    the coordinator's folder of the kit (coordinator.crt, coordinator.key, ca.crt), relative to the
 *               study file; the {@code coordinator} folder beside the study file when null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CoordinatorSection(Integer listen, String bind, String tls) {

    public static final String EVERY_INTERFACE = "0.0.0.0";
    public static final String DEFAULT_TLS_FOLDER = "coordinator";

    public CoordinatorSection {
        if (listen != null && (listen < 1 || listen > 65535)) {
            throw new BadInputException("coordinator.listen: the port must be between 1 and 65535, was " + listen);
        }
        bind = bind == null || bind.isBlank() ? null : bind.strip();
        tls = tls == null || tls.isBlank() ? null : tls.strip();
    }

    /** The address to listen on. */
    @JsonIgnore
    public String bindAddress() {
        return bind == null ? EVERY_INTERFACE : bind;
    }

    /** The coordinator's folder of the kit, resolved against the study file. */
    public Path tlsFolder(Path studyFile) {
        return StudyFile.resolve(studyFile.toAbsolutePath(), tls == null ? DEFAULT_TLS_FOLDER : tls);
    }
}
