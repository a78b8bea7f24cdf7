package org.medfed.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.medfed.concurrency.Workers;
import org.medfed.engine.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code medfed} command and its subcommands. Exit codes: 0 done, 2 bad input, 1 internal error. */
@Command(name = "medfed", mixinStandardHelpOptions = true, versionProvider = MedFedCommand.VersionProvider.class,
        description = "MedFed Workbench: federated learning across hospitals without moving patient data.",
        footer = {"", "With no command, or with 'gui [STUDY.json]', medfed opens the workbench window."})
public final class MedFedCommand implements Runnable {

    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(RunCommand.class, GwasCommand.class, PredictCommand.class,
            CompactCommand.class, InspectCommand.class, SplitCommand.class, ProvisionCommand.class, ReportCommand.class,
            NodeCommand.class, BenchmarkCommand.class);

    /**
     * Runs the command {@code args} name, with the node's window for {@code medfed node --gui}.
     *
     * @param workers the program's threads, closed by the caller when the command returns
     */
    public static int execute(Workers workers, String[] args, NodeCommand.WindowOpener nodeWindow) {
        return commandLine(workers, nodeWindow, args).execute(args);
    }

    static CommandLine commandLine(Workers workers, String... arguments) {
        return commandLine(workers, null, arguments);
    }

    /**
     * The command line for {@code arguments}. Picocli reflects over every option of every command it is given
     * (about an eighth of the CPU of {@code medfed --help}); so only the commands named in {@code arguments} are
     * given in full, and the others as their name and description (all that the overview help and a mistyped
     * command's suggestions need), read from their annotation.
     */
    static CommandLine commandLine(Workers workers, NodeCommand.WindowOpener nodeWindow, String... arguments) {
        // Picocli looks for Groovy's Closure class when it starts; not finding it means opening and indexing every
        // jar of the class path (about a hundred, a quarter of the CPU of --help). We have no Groovy closures.
        System.setProperty("picocli.disable.closures", "true");
        Set<String> words = new HashSet<>(Arrays.asList(arguments));
        CommandLine cl = new CommandLine(new MedFedCommand());
        for (Class<?> command : COMMANDS) {
            Command about = command.getAnnotation(Command.class);
            if (words.contains(about.name()) || Arrays.stream(about.aliases()).anyMatch(words::contains)) {
                cl.addSubcommand(about.name(), instance(command, workers, nodeWindow));
            } else {
                CommandSpec summary = CommandSpec.create().name(about.name()).aliases(about.aliases());
                summary.usageMessage().description(about.description());
                cl.addSubcommand(about.name(), summary);
            }
        }
        cl.addSubcommand("help", CommandLine.HelpCommand.class);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            RuntimeException bad = badInput(e);
            if (bad != null) {
                err.println("medfed: " + bad.getMessage());
                err.flush();
                return BAD_INPUT;
            }
            // the logger only here: starting logging costs CPU that --help and every clean run would pay for nothing
            Logger log = LoggerFactory.getLogger(MedFedCommand.class);
            log.error("internal error", e);
            err.println("medfed: internal error: " + e + " (this is a bug; the details are in the log above)");
            err.flush();
            return INTERNAL_ERROR;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("medfed: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            err.flush();
            return BAD_INPUT;
        });
        return cl;
    }

    /** The commands that start threads are given the program's workers; the node command also its window. */
    private static Object instance(Class<?> command, Workers workers, NodeCommand.WindowOpener nodeWindow) {
        if (command == NodeCommand.class) {
            return new NodeCommand(workers, nodeWindow);
        }
        if (command == RunCommand.class) {
            return new RunCommand(workers);
        }
        if (command == GwasCommand.class) {
            return new GwasCommand(workers);
        }
        if (command == BenchmarkCommand.class) {
            return new BenchmarkCommand(workers);
        }
        if (command == InspectCommand.class) {
            return new InspectCommand(workers);
        }
        return command;
    }

    /**
     * The error that explains itself to the user: bad input here, or a hospital's own answer (a refusal, a problem
     * with its data, a dataset its node does not have), which the researcher must act on like bad input.
     */
    private static RuntimeException badInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BadInputException || t instanceof org.medfed.engine.SiteFailure
                    || t instanceof org.medfed.engine.protocol.ProtocolException) {
                return (RuntimeException) t;
            }
        }
        return environment(e);
    }

    /**
     * A failing environment that no reader turned into words (a full disk while a library wrote, a file gone
     * while it was read) or a path that cannot exist (a NUL in a study file's data path): the user's to fix, so
     * exit 2 with the reason, not a bug report.
     */
    private static RuntimeException environment(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.file.InvalidPathException p) {
                return new BadInputException("'" + p.getInput().replace("\0", "\\0")
                        + "' is not a possible path: " + p.getReason(), p);
            }
            if (t instanceof java.io.IOException io) {
                java.nio.file.Path file = io instanceof java.nio.file.FileSystemException f && f.getFile() != null
                        ? java.nio.file.Path.of(f.getFile().replace("\u0000", "")) : null;
                return new BadInputException(file, null, "could not be read or written: "
                        + org.medfed.io.FileProblem.reason(file, io), io);
            }
        }
        return null;
    }

    /** The version from the jar's manifest. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            java.util.List<String> lines = new java.util.ArrayList<>();
            lines.add("MedFed Workbench " + org.medfed.study.Version.current());
            org.medfed.study.Version.components().forEach((name, version) -> lines.add(name + " " + version));
            return lines.toArray(String[]::new);
        }
    }
}
