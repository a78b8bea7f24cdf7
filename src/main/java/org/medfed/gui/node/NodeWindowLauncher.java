package org.medfed.gui.node;

import java.io.PrintStream;
import java.nio.file.Path;
import javafx.application.Application;
import org.medfed.concurrency.Workers;
import org.medfed.gui.WorkbenchLauncher;
import org.medfed.gui.common.JavaFxStartupLog;

/**
 * Opens the hospital node's window ({@code medfed node --gui [--config node.json]}): on that node.json, or empty
 * with "Import start-up kit…". Blocks until the window is closed.
 */
public final class NodeWindowLauncher {

    private NodeWindowLauncher() {
    }

    /** @return the exit code: 0 when the window was closed, 2 when there is no graphical desktop */
    public static int launch(Workers workers, Path nodeJson, PrintStream err) {
        if (!WorkbenchLauncher.hasDisplay()) {
            err.println("medfed node --gui: the node window needs a graphical desktop, and none was found (DISPLAY "
                    + "is not set).\nOn a server, run the node with: medfed node --config node.json");
            return 2;
        }
        NodeApp.prepare(workers, nodeJson);
        JavaFxStartupLog.quietClassPathWarning();
        Application.launch(NodeApp.class);
        return 0;
    }
}
