package org.medfed.network.coordinator;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.medfed.engine.RunCancelledException;

/**
 * The nodes connected to this coordinator, by hospital name. A node that reconnects replaces its old link; a
 * node the study does not name is refused.
 */
public final class NodeRegistry implements NodeChannels {

    /** A change worth showing: a node connected, was lost, or was refused, and why. */
    public record Change(String node, Kind kind, String reason) {

        public enum Kind { CONNECTED, LOST, REFUSED, CANNOT_SERVE }

        public boolean connected() {
            return kind == Kind.CONNECTED;
        }

        /** The change in a line for a log: "node X connected", "node X lost: why". */
        public String describe() {
            return switch (kind) {
                case CONNECTED -> "node " + node + " connected";
                case LOST -> "node " + node + " lost: " + reason;
                case REFUSED -> "node " + node + " refused: " + reason;
                case CANNOT_SERVE -> "node " + node + " cannot take part: " + reason;
            };
        }
    }

    private final Set<String> expected;
    private final Map<String, NodeLink> links = new TreeMap<>();
    /** Nodes that said they could not start, or were refused, with the reason, until they connect. */
    private final Map<String, String> cannotServe = new TreeMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

    /** @param expected the node names of the study's remote hospitals; empty to accept any certified node */
    public NodeRegistry(Collection<String> expected) {
        this.expected = Set.copyOf(expected);
    }

    public void onChange(Consumer<Change> listener) {
        listeners.add(listener);
    }

    /** Why {@code node} may not join, or empty when it may. */
    Optional<String> refusal(String node) {
        if (!expected.isEmpty() && !expected.contains(node)) {
            return Optional.of("no hospital of this study runs on node '" + node + "'; the study expects "
                    + String.join(", ", new java.util.TreeSet<>(expected)));
        }
        return Optional.empty();
    }

    /**
     * A node's hello was refused (its certificate names another hospital, another study, an unknown node). It stops
     * dialling: when the refused node is certainly {@code node} ({@code certified}), a study waiting for it is told
     * why at once, as for a node that cannot serve.
     */
    void refused(String node, String reason, boolean certified) {
        if (certified) {
            synchronized (this) {
                cannotServe.put(node, "refused: " + reason);
                notifyAll();
            }
        }
        listeners.forEach(l -> l.accept(new Change(node, Change.Kind.REFUSED, reason)));
    }

    /** A node of the study said it could not start, and why: waiting for it is pointless until it is restarted. */
    void cannotServe(String node, String reason) {
        synchronized (this) {
            cannotServe.put(node, reason);
            notifyAll();
        }
        listeners.forEach(l -> l.accept(new Change(node, Change.Kind.CANNOT_SERVE, reason)));
    }

    /** Why {@code node} cannot take part (it said so, or was refused), if so and it has not connected since. */
    public synchronized Optional<String> cannotServe(String node) {
        return Optional.ofNullable(cannotServe.get(node));
    }

    void connected(NodeLink link) {
        NodeLink old;
        synchronized (this) {
            cannotServe.remove(link.node());
            old = links.put(link.node(), link);
            notifyAll();
        }
        if (old != null && old.isOpen()) {
            old.close("replaced by a new connection from the same node");
        }
        listeners.forEach(l -> l.accept(new Change(link.node(), Change.Kind.CONNECTED, "")));
    }

    void lost(NodeLink link, String reason) {
        link.closed(reason);
        boolean current;
        synchronized (this) {
            current = links.get(link.node()) == link;
            if (current) {
                links.remove(link.node());
            }
        }
        if (current) {
            listeners.forEach(l -> l.accept(new Change(link.node(), Change.Kind.LOST, reason)));
        }
    }

    /** The open link of {@code node}, if it is connected now. */
    public synchronized Optional<NodeLink> link(String node) {
        NodeLink l = links.get(node);
        return l != null && l.isOpen() ? Optional.of(l) : Optional.empty();
    }

    @Override
    public Optional<NodeLink> channel(String node) {
        return link(node);
    }

    public synchronized List<NodeLink> links() {
        return List.copyOf(links.values());
    }

    /**
     * Waits until every one of {@code nodes} is connected, the time runs out, or one of those missing has said it cannot
     * serve (the study needs them all); returns those still missing.
     */
    public synchronized List<String> awaitAll(Collection<String> nodes, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> missing = nodes.stream().filter(n -> link(n).isEmpty()).sorted().toList();
            long left = end - System.nanoTime();
            if (missing.isEmpty() || left <= 0 || missing.stream().anyMatch(cannotServe::containsKey)) {
                return missing;
            }
            try {
                wait(Math.max(1, left / 1_000_000), 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunCancelledException();
            }
        }
    }

    void closeAll(String reason) {
        for (NodeLink l : links()) {
            l.close(reason);
        }
    }
}
