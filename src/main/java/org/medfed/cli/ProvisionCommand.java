package org.medfed.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.medfed.engine.BadInputException;
import org.medfed.project.CoordinatorAddress;
import org.medfed.network.pki.Validity;
import org.medfed.network.provision.KitLayout;
import org.medfed.network.provision.KitRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medfed provision}: the certificates and folders of a multi-site study. */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = {"Makes the certificates of a multi-site study: a study CA, the coordinator's certificate and "
                + "one folder per hospital (certificate, key, node.json to fill in, README for its IT).",
                "Send each hospital its own folder; never send ca/ca.key."})
final class ProvisionCommand implements Callable<Integer> {

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "the study's name")
    String study;

    @Option(names = "--coordinator", required = true, paramLabel = "HOST:PORT",
            description = "where the hospitals' nodes reach the coordinator")
    String coordinator;

    @Option(names = "--hospital", required = true, paramLabel = "NAME",
            description = "a hospital's name (letters, digits, '.', '_', '-'); repeat for each hospital")
    List<String> hospitals;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder for the kit")
    Path out;

    @Option(names = "--days", paramLabel = "N", defaultValue = "" + Validity.DEFAULT_DAYS,
            description = "how long the certificates are valid (default ${DEFAULT-VALUE} days)")
    int days;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        KitRequest request = new KitRequest(study, coordinator, hospitals, days, out);
        request.problem().ifPresent(p -> {
            throw new BadInputException(switch (p.field()) {
                case STUDY -> "--study: ";
                case COORDINATOR -> "--coordinator: ";
                case HOSPITAL -> "--hospital: ";
                case DAYS -> "--days " + days + ": ";
                case OUT -> "--out " + out + ": ";
            } + p.text());
        });
        CoordinatorAddress address = CoordinatorAddress.parse(coordinator);

        PrintWriter err = spec.commandLine().getErr();
        err.printf("making the study CA and %d certificates...%n", hospitals.size() + 1);
        request.write(Instant.now());

        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("kit for study '" + study + "' written to " + out);
        for (String h : hospitals) {
            stdout.println("  send " + KitLayout.hospitalFolder(out, h) + "/ to " + h + " (and nothing else)");
        }
        stdout.println("  install " + KitLayout.coordinatorFolder(out) + "/ on the coordinator at " + address);
        stdout.println("  keep " + KitLayout.caFolder(out).resolve(KitLayout.CA_KEY) + " private: never send it");
        stdout.flush();
        return MedFedCommand.OK;
    }
}
