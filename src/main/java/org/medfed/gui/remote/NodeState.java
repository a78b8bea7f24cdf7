package org.medfed.gui.remote;

/** Where a hospital's node stands with the workbench's coordinator, as its row shows it. */
public enum NodeState {
    /** The workbench is not listening (no port or kit set, or listening failed). */
    NOT_LISTENING("not listening"),
    /** Listening; the node has not connected since. */
    WAITING("waiting"),
    CONNECTED("connected"),
    /** Connected, and a run is using it. */
    TRAINING("training"),
    /** It was connected and its connection ended; it reconnects by itself when it can. */
    LOST("lost"),
    /** Its hello was refused (certificate of another hospital, another study): it says why. */
    REFUSED("refused"),
    /** It could not start (a file of its datasets missing or unreadable) and said why; it comes once restarted. */
    CANNOT_SERVE("cannot serve");

    private final String words;

    NodeState(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
