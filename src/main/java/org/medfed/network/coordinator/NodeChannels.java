package org.medfed.network.coordinator;

import java.util.Optional;

/** The channels of nodes by name: the connected nodes ({@link NodeRegistry}), or one hospital served here. */
@FunctionalInterface
public interface NodeChannels {

    /** The channel to {@code node} now, or empty when it is not connected. */
    Optional<? extends NodeChannel> channel(String node);
}
