package org.medfed.gui.run;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.medfed.project.Study;
import org.medfed.study.PreparedStudy;

/** How a run reaches hospitals behind their own nodes: through the workbench's listening coordinator. */
public interface NodeRuns {

    /**
     * Prepares {@code study} through the nodes; until {@link #runEnded} the nodes' connection changes (drop-outs,
     * rejoins, refusals) go to {@code log}. Called on the run's thread.
     *
     * @param run identifies the run, so that a node keeps what it saved for it only for the same run
     */
    PreparedStudy prepare(Study study, Path base, String run, Consumer<String> log);

    void runEnded();
}
