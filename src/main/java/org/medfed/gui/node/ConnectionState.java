package org.medfed.gui.node;

/** Where the node stands, as the window shows it. */
public enum ConnectionState {
    STOPPED("Stopped"),
    STARTING("Starting"),
    CONNECTING("Connecting"),
    CONNECTED("Connected"),
    LOST("Connection lost"),
    UNREACHABLE("Cannot reach the coordinator"),
    REFUSED("Refused by the coordinator"),
    STOPPING("Stopping"),
    FAILED("Could not start");

    private final String text;

    ConnectionState(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Whether a node is running (or starting) in this state, so that Stop applies rather than Start. */
    public boolean running() {
        return this == STARTING || this == CONNECTING || this == CONNECTED || this == LOST || this == UNREACHABLE;
    }
}
