package org.medfed.gui;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import org.medfed.concurrency.Workers;
import org.medfed.gui.common.JavaFxStartupLog;
import org.medfed.gui.common.SampleStudies;

/**
 * Starts the workbench from {@code medfed} with no command or {@code medfed gui [STUDY.json]}. Without a study
 * it opens the built-in sample when the {@code sample-projects} folder is found (see {@link SampleStudies}), else
 * the Start screen.
 */
public final class WorkbenchLauncher {

    public static final String USAGE = "Usage: medfed gui [STUDY.json]\n"
            + "Opens the MedFed Workbench window, on STUDY.json or on the built-in sample study.";

    private WorkbenchLauncher() {
    }

    /**
     * @param workers the program's threads; the caller closes them when this returns (the window is closed)
     * @param args what follows {@code gui} on the command line
     */
    public static int launch(Workers workers, List<String> args, PrintStream err) {
        if (args.contains("-h") || args.contains("--help")) {
            System.out.println(USAGE);
            return 0;
        }
        if (args.size() > 1 || (args.size() == 1 && args.get(0).startsWith("-"))) {
            err.println("medfed gui: expected at most one study file, got " + String.join(" ", args));
            err.println(USAGE);
            return 2;
        }
        if (!hasDisplay()) {
            err.println("medfed: the workbench needs a graphical desktop, and none was found (DISPLAY is not set).\n"
                    + "On a server, run a study with: medfed run STUDY.json (see medfed --help).");
            return 2;
        }
        Path study = args.isEmpty() ? SampleStudies.defaultSample().orElse(null) : Path.of(args.get(0));
        App.prepare(workers, study);
        JavaFxStartupLog.quietClassPathWarning();
        Application.launch(App.class);
        return 0;
    }

    public static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || "Monocle".equals(System.getProperty("glass.platform"))) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }
}
