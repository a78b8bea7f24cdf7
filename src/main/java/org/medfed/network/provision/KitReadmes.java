package org.medfed.network.provision;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.medfed.project.CoordinatorAddress;

/** The two READMEs of a kit: one for the researcher who provisions, one for each hospital's IT. */
final class KitReadmes {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private KitReadmes() {
    }

    static String forResearcher(String study, CoordinatorAddress coordinator, List<String> hospitals, Instant made,
            Instant validUntil) {
        StringBuilder hospitalLines = new StringBuilder();
        for (String h : hospitals) {
            hospitalLines.append("- `hospitals/").append(h).append("/` to the IT team of ").append(h).append('\n');
        }
        return """
                # Study kit: %1$s

                Made by `medfed provision` on %2$s. The certificates are valid until %3$s.
                The coordinator is reached at `%4$s`.

                ## Send to each hospital: its own folder, and nothing else

                %5$s
                Each folder holds that hospital's private key (`node.key`): send it to that hospital only, over a
                channel you trust (the hospital's secure file transfer, or an encrypted archive with the password
                given by phone). Never send a hospital another hospital's folder.

                ## For the coordinator's machine

                `coordinator/` goes to the machine that runs the coordinator at `%4$s`: `coordinator.crt`,
                `coordinator.key` (private: readable only by the account that runs the coordinator) and `ca.crt`.
                That machine must accept incoming connections on port %6$d from the hospitals; the hospitals open
                no port.

                ## NEVER send `ca/ca.key`

                `ca/ca.key` is the private key of the study's certificate authority. Whoever holds it can make
                certificates that the coordinator and every hospital's node accept. Keep it here, or offline, and
                send it to nobody: not to a hospital, not to the coordinator's machine, not by e-mail.
                `ca/ca.crt` is public; every folder already has a copy.

                There is no revocation list: if a hospital's key is lost or leaks, make a new kit for the study
                (a new `--out` folder) and send every hospital and the coordinator its new folder. Once the
                coordinator runs with the new `coordinator/` folder, every certificate of the old kit is refused.
                """.formatted(study, DATE.format(made), DATE.format(validUntil), coordinator, hospitalLines,
                coordinator.port());
    }

    static String forHospital(String hospital, String study, CoordinatorAddress coordinator, Instant validFrom,
            Instant validUntil) {
        return """
                # %1$s: node kit for the study "%2$s"

                This folder lets %1$s take part in the federated study "%2$s". Patient data stays at your site:
                the MedFed node reads it here and sends only model updates or summary statistics to the study's
                coordinator, within the limits set in `node.json`.

                ## What each file is

                | file | what it is | private? |
                |---|---|---|
                | `node.crt` | this hospital's certificate: it proves to the coordinator that the node is %1$s | no |
                | `node.key` | the private key of `node.crt` | **YES** |
                | `ca.crt` | the study's certificate authority: the node talks only to a coordinator it vouches for | no |
                | `node.json` | the node's settings: where your data is and what the node may share | no secrets |
                | `README.md` | this text | no |

                **`node.key` must stay private**: readable only by the account that runs the node, never e-mailed,
                never copied to a shared folder or another machine. Anyone who holds it can act as %1$s in this
                study. If it leaks, tell the study's researcher, who will make new certificates.

                ## Network

                Only **outbound** connections are needed: the node connects to the coordinator at `%3$s`
                (TCP port %4$d, TLS with certificates on both sides). No inbound port has to be opened. If outbound
                traffic is filtered, allow the host `%5$s` on port %4$d.

                ## Set up and start

                1. Install Java 17 or newer, and put `medfed.jar` with its `lib/` folder on this machine (the
                   study's researcher tells you where to get them).
                2. Edit `node.json` (or use the node's window, `java -jar medfed.jar node --gui`): set
                   `datasets[].file` to your data file (a full path is safest) and, in `datasets[].csv`, how it is
                   written when that is not the default (`"separator": ";"`, `"decimalComma": true`, `"header": "no"`
                   with `"columnNames"`, `"encoding"`, `"missingValues"`), and review
                   `policy`: the kinds of data the node may use, the smallest number of patients an answer may
                   describe, whether differential privacy is required and the largest privacy budget, the most
                   rounds. `auditLog` names the file where the node records the requests it answered.
                   `datasets[].id` (`data` in this template) is the name the study uses for your dataset: keep it,
                   or tell the researcher the id you give it.
                3. Start the node from this folder:

                       java -jar medfed.jar node --config node.json

                   On Java 24 and later the JVM first prints four lines that begin `WARNING:` and name
                   `sun.misc.Unsafe`: a library the node uses for its messages reads memory that way, which newer Javas
                   announce before they restrict it. They are harmless; to start without them, add
                   `-Dsun.misc.unsafe.memory.access=allow` before `-jar`.

                ## Validity

                The certificate is valid from %6$s
                until %7$s.
                After that the coordinator refuses it: ask the study's researcher for a new kit.
                """.formatted(hospital, study, coordinator, coordinator.port(), coordinator.host(), DATE.format(validFrom),
                DATE.format(validUntil));
    }
}
