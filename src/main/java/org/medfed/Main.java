package org.medfed;

import java.util.Arrays;
import java.util.List;
import org.medfed.cli.MedFedCommand;
import org.medfed.concurrency.Workers;
import org.medfed.gui.WorkbenchLauncher;
import org.medfed.gui.node.NodeWindowLauncher;

/**
 * Entry point of {@code java -jar medfed.jar}: no command, or {@code gui [STUDY.json]}, opens the workbench;
 * any other command goes to the command line. Handled here so that the command line and the GUI never import
 * each other. Main does not extend Application: on the class path JavaFX must be started from another class.
 * The program's threads ({@link Workers}) are made here, handed to whichever side runs, and closed before exit.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code;
        try (Workers workers = new Workers()) {
            if (args.length == 0 || args[0].equals("gui")) {
                List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
                code = WorkbenchLauncher.launch(workers, rest, System.err);
            } else {
                code = MedFedCommand.execute(workers, args,
                        config -> NodeWindowLauncher.launch(workers, config, System.err));
            }
        }
        System.exit(code);
    }
}
