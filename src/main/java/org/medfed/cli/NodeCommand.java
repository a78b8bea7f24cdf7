package org.medfed.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import org.medfed.concurrency.Workers;
import org.medfed.network.node.NodeClient;
import org.medfed.node.NodeRuntime;
import org.medfed.project.NodeConfigFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medfed node}: a hospital's node, serving its registered datasets to the study's coordinator. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Runs a hospital's node beside its data: dials out to the study's coordinator over mutual TLS "
                        + "and answers its requests within the hospital's policy, writing each to the audit log.",
                "Runs until stopped (Ctrl+C); exits 2 when the coordinator refuses the node.",
                "With --gui, opens the node's window instead: import the start-up kit, register datasets, edit the "
                        + "policy, start and stop the node, and read its audit log."})
final class NodeCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Option(names = "--config", paramLabel = "node.json",
            description = "the node's settings (from the hospital's start-up kit); optional with --gui")
    Path config;

    @Option(names = "--gui", description = "open the node's window (needs a graphical desktop)")
    boolean gui;

    /** Opens the node's window; given by the program's entry point, since the command line never imports the GUI. */
    @FunctionalInterface
    public interface WindowOpener {
        /** @param config the node.json to open, or null for an empty window; returns the exit code */
        int open(Path config);
    }

    private final Workers workers;
    private final WindowOpener window;

    NodeCommand(Workers workers, WindowOpener window) {
        this.workers = workers;
        this.window = window;
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (gui) {
            if (window == null) {
                err.println("medfed node: --gui is not available in this program; run the node with --config");
                return MedFedCommand.BAD_INPUT;
            }
            return window.open(config);
        }
        if (config == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required option: '--config=node.json' (or --gui to open the node's window)");
        }
        ScheduledExecutorService executor = workers.scheduled("node", 4);
        NodeRuntime node = NodeRuntime.start(NodeConfigFile.read(config), workers, executor, line -> {
            err.println(LocalTime.now().format(TIME) + " " + line);
            err.flush();
        });
        Runnable stop = () -> {
            node.close();
            executor.shutdownNow();
        };
        // Ctrl+C ends the program without returning here: the node says goodbye on the way out, and says so
        try (Workers.ExitAction atExit = workers.atExit("node-shutdown", () -> {
            stop.run();
            err.println(LocalTime.now().format(TIME) + " node stopped: it left the study; start it again to serve");
            err.flush();
        })) {
            while (node.state() != NodeClient.State.REFUSED && node.state() != NodeClient.State.CLOSED) {
                Thread.sleep(200);
            }
        }
        // read before stopping: a stopped node is CLOSED whatever ended it
        boolean refused = node.state() == NodeClient.State.REFUSED;
        stop.run();
        if (refused) {
            err.println("medfed node: the coordinator refused this node: " + node.refusal());
            return MedFedCommand.BAD_INPUT;
        }
        return MedFedCommand.OK;
    }
}
