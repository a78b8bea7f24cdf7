package org.medfed.node;

import org.medfed.network.node.NodeClient;
import org.medfed.project.AuditEntry;

/**
 * What a running node tells whoever started it: the command line prints the log lines; the node's window also
 * shows the connection state and the audit log as it grows. Called on the node's own threads, so an
 * implementation must hand the work over and return (the window moves it to the FX thread).
 */
@FunctionalInterface
public interface NodeEvents {

    /** One line worth showing to the hospital (connected, lost, refused, what it serves). */
    void log(String line);

    /** The connection changed state; the detail says why in words when there is a reason. */
    default void status(NodeClient.Status status) {
    }

    /** An entry was written to the audit log: a request served, refused or failed. */
    default void audited(AuditEntry entry) {
    }
}
