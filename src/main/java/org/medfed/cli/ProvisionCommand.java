package org.medfed.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medfed.engine.BadInputException;
import org.medfed.project.CoordinatorAddress;
import org.medfed.project.HospitalNames;
import org.medfed.network.pki.StudyAuthority;
import org.medfed.network.pki.Validity;
import org.medfed.network.provision.KitLayout;
import org.medfed.network.provision.StudyKit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medfed provision}: the certificates and folders of a multi-site study. */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = {"Makes the certificates of a multi-site study: a study CA, the coordinator's certificate and "
                + "one folder per hospital (certificate, key, node.json to fill in, README for its IT).",
                "Send each hospital its own folder; never send ca/ca.key."})
final class ProvisionCommand implements Callable<Integer> {

    /** Ten years: past that a study should make new keys anyway. */
    static final int MAX_DAYS = 3650;

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
        StudyAuthority.studyNameProblem(study).ifPresent(problem -> {
            throw new BadInputException("--study: " + problem);
        });
        CoordinatorAddress address = parseCoordinator();
        checkHospitals();
        if (days < 1 || days > MAX_DAYS) {
            throw new BadInputException("--days " + days + ": must be between 1 and " + MAX_DAYS);
        }
        checkOut();

        PrintWriter err = spec.commandLine().getErr();
        err.printf("making the study CA and %d certificates...%n", hospitals.size() + 1);
        Instant now = Instant.now();
        new StudyKit(study, address, hospitals, Validity.days(days, now)).writeTo(out, now);

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

    private CoordinatorAddress parseCoordinator() {
        try {
            return CoordinatorAddress.parse(coordinator);
        } catch (BadInputException e) {
            throw new BadInputException("--coordinator: " + e.getMessage());
        }
    }

    private void checkHospitals() {
        Map<String, String> byFolder = new HashMap<>();
        for (String h : hospitals) {
            HospitalNames.problem(h).ifPresent(problem -> {
                throw new BadInputException("--hospital: " + problem);
            });
            String earlier = byFolder.putIfAbsent(HospitalNames.folderKey(h), h);
            if (earlier != null) {
                throw new BadInputException("--hospital: '" + h + "' is given twice"
                        + (earlier.equals(h) ? "" : " (as '" + earlier + "'; names differing only in capitals would share"
                        + " a folder on Windows and macOS)"));
            }
        }
    }

    private void checkOut() {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException("--out " + out + ": is a file, not a folder");
        }
        List<String> existing = StudyKit.existingKitEntries(out);
        if (!existing.isEmpty()) {
            throw new BadInputException("--out " + out + ": already holds a kit (" + String.join(", ", existing)
                    + "); choose a new folder, so that no key of an existing kit is overwritten");
        }
    }
}
