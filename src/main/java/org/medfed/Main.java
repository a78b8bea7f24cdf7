package org.medfed;

/** Entry point of {@code java -jar medfed.jar}: the command line, or the workbench when no command is given. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(org.medfed.cli.MedFedCommand.execute(args));
    }
}
