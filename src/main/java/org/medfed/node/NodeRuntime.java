package org.medfed.node;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.medfed.concurrency.Workers;
import org.medfed.data.vcf.VcfReader;
import java.util.function.Consumer;
import org.medfed.data.csv.CsvReader;
import org.medfed.engine.BadInputException;
import org.medfed.network.node.NodeClient;
import org.medfed.network.pki.CertificateNames;
import org.medfed.network.tls.TlsIdentity;
import org.medfed.node.policy.NodePolicy;
import org.medfed.project.AuditLogFile;
import org.medfed.project.NodeConfig;
import org.medfed.project.NodeDataset;
import org.medfed.study.Version;

/**
 * A hospital's node, running: its registered datasets, its policy and audit log in front of them, and its
 * connection to the coordinator. Checks what can be checked before dialling (the files, the certificate's name)
 * so that a mistake in {@code node.json} is reported at once, naming the file.
 */
public final class NodeRuntime implements AutoCloseable {

    /** How long a node that cannot serve waits for the coordinator to hear so before it stops. */
    private static final java.time.Duration TELLING_AT_MOST = java.time.Duration.ofSeconds(5);

    private final NodeClient client;
    private final AuditLogFile audit;
    private final ExecutorService inflaters;

    private NodeRuntime(NodeClient client, AuditLogFile audit, ExecutorService inflaters) {
        this.client = client;
        this.audit = audit;
        this.inflaters = inflaters;
    }

    /**
     * Opens the datasets and the audit log and starts dialling the coordinator.
     *
     * @param events told of log lines, connection changes and audit entries, on the node's threads
     */
    public static NodeRuntime start(NodeConfig config, Workers workers, ScheduledExecutorService executor,
                                    NodeEvents events) {
        Consumer<String> log = events::log;
        TlsIdentity tls;
        try {
            tls = TlsIdentity.load(config.certificate(), config.key(), config.ca());
        } catch (BadInputException e) {
            // the file's own problem, and which line of node.json sent the node to it
            String field = config.certificate().equals(e.file()) ? "certificate" : config.key().equals(e.file()) ? "key"
                    : config.ca().equals(e.file()) ? "ca" : null;
            if (field == null) {
                throw e;
            }
            throw new BadInputException(config.file(), null, "\"" + field + "\" names " + e.getMessage(), e);
        }
        String certified = CertificateNames.hospital(tls.own().certificate()).orElse("?");
        if (!certified.equals(config.node())) {
            throw new BadInputException(config.file(), null, "\"node\" is '" + config.node() + "' but "
                    + config.certificate().getFileName() + " is issued to '" + certified
                    + "'; use the name and certificate of the same start-up kit");
        }
        NodePolicy policy = NodePolicy.of(config);
        Map<String, ServedDataset> datasets = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        // a node reads its one VCF on a machine of its own: the other cores inflate its compressed blocks ahead
        ExecutorService inflaters = VcfReader.inflaters(workers);
        AuditLogFile audit;
        try {
            for (NodeDataset d : config.datasets()) {
                d.requireFilesExist();
                if (d instanceof NodeDataset.Table t) {
                    requireReadable(t);
                }
                datasets.put(d.id(), served(d, policy.settings().minimumCount(), config.stateFolder(), inflaters, log));
                kinds.put(d.id(), d.kind().id());
            }
            audit = AuditLogFile.open(config.auditLog(), events::audited);
        } catch (RuntimeException e) {
            inflaters.shutdownNow();
            tellCoordinator(config, tls, e, log);
            throw e;
        }
        PolicedCallHandler handler = new PolicedCallHandler(new DatasetCallHandler(datasets), policy, audit,
                config.study(), config.node(), Clock.systemUTC());
        NodeClient client = new NodeClient(new NodeClient.Identity(config.node(), config.study(), Version.current(),
                kinds), config.coordinator().host(), config.coordinator().port(), tls, handler, executor, log);
        client.watch(events::status);
        client.start();
        log.accept("node '" + config.node() + "' serves " + String.join(", ", kinds.keySet()) + " for study '"
                + config.study() + "'; dialling " + config.coordinator() + "; audit log " + config.auditLog());
        return new NodeRuntime(client, audit, inflaters);
    }

    /**
     * A node that cannot serve says why to the coordinator, whose researcher would otherwise wait for it in vain (by
     * default ten minutes); a coordinator not listening now is not waited for, the hospital has its own error.
     */
    private static void tellCoordinator(NodeConfig config, TlsIdentity tls, RuntimeException why, Consumer<String> log) {
        String reason = why.getMessage() != null ? why.getMessage() : why.getClass().getSimpleName();
        boolean told = NodeClient.tellCannotServe(new NodeClient.Identity(config.node(), config.study(),
                Version.current(), Map.of()), config.coordinator().host(), config.coordinator().port(), tls, reason,
                TELLING_AT_MOST);
        log.accept(told ? "told the coordinator at " + config.coordinator() + " that this node cannot serve study '"
                + config.study() + "', and why"
                : "could not tell the coordinator at " + config.coordinator() + " that this node cannot serve (it "
                + "is not listening, or did not answer within " + TELLING_AT_MOST.toSeconds() + " s)");
    }

    /**
     * Reads the table once, as every study will read it (node.json's options), so that a broken row is told to the
     * hospital when its node starts, not at a study's first call hours later.
     */
    private static void requireReadable(NodeDataset.Table t) {
        try {
            CsvReader.read(t.file(), t.format());
        } catch (BadInputException e) {
            throw new BadInputException(e.file(), e.location(), "dataset '" + t.id() + "': " + e.problem(), e);
        }
    }

    private static ServedDataset served(NodeDataset d, int minimumCount, java.nio.file.Path stateFolder,
                                        Executor inflaters, Consumer<String> log) {
        if (d instanceof NodeDataset.Table t) {
            return new TableDataset(t.id(), t.file(), t.format(), minimumCount,
                    stateFolder.resolve(t.id() + ".session.json"));
        }
        if (d instanceof NodeDataset.Images i) {
            return new ImageDataset(i.id(), i.folder(), i.manifest(), i.masks(), minimumCount,
                    stateFolder.resolve(i.id() + ".session.json"));
        }
        NodeDataset.Genotypes g = (NodeDataset.Genotypes) d;
        // the packed genotype cache lives beside the node's other state, never in the data folder
        return new GenotypeDataset(g.id(), g.vcf(), g.phenotypes(), stateFolder.resolve(g.id() + ".gwas-work"),
                minimumCount, stateFolder.resolve(g.id() + ".session.json"), inflaters, log);
    }

    public NodeClient.State state() {
        return client.state();
    }

    /** Why the coordinator refused this node, once {@link #state()} is REFUSED. */
    public String refusal() {
        return client.refusal();
    }

    @Override
    public void close() {
        client.close();
        audit.close();
        inflaters.shutdownNow();
    }
}
