package org.medfed.cli;

/** The top-level command; subcommands are registered here. */
public final class MedFedCommand {

    private MedFedCommand() {
    }

    public static int execute(String[] args) {
        System.err.println("medfed: no commands yet");
        return 2;
    }
}
