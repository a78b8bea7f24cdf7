package org.medfed.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A hospital node's settings, read from {@code node.json} by {@link NodeConfigFile#read(Path)} and checked: who the
 * node is, which study and coordinator it serves, its TLS files, its datasets, its policy, and where it keeps its
 * audit log and state. Paths are absolute, resolved against the folder of {@code node.json}.
 *
 * @param file the {@code node.json} these settings came from, for messages
 */
public record NodeConfig(Path file, String node, String study, CoordinatorAddress coordinator, Path certificate,
                         Path key, Path ca, List<NodeDataset> datasets, NodePolicySection policy, Path auditLog,
                         Path stateFolder) {

    public NodeConfig {
        datasets = List.copyOf(datasets);
    }

    public Optional<NodeDataset> dataset(String id) {
        return datasets.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
