package org.medfed.gui.participants;

import org.medfed.data.tabular.TableOverview;
import org.medfed.project.ParticipantEntry;

/**
 * What the Participants screen knows of hospitals behind nodes, from whoever talks to the nodes: the summary a
 * hospital's node sent, and its connection in words.
 */
public interface RemoteTables {

    RemoteTables NONE = new RemoteTables() {
        @Override
        public TableOverview overview(ParticipantEntry p) {
            return null;
        }

        @Override
        public String state(ParticipantEntry p) {
            return "node " + p.node();
        }

        @Override
        public void onChange(Runnable listener) {
        }
    };

    /** The summary the hospital's node sent, or null while there is none. */
    TableOverview overview(ParticipantEntry p);

    /** The hospital's node and its connection, in words, for its row. */
    String state(ParticipantEntry p);

    /**
     * Why the hospital's node cannot take part as things stand (refused by this coordinator, or it said it cannot
     * serve its data), or null. Not connected yet is not such a reason: a run waits for it.
     */
    default String cannotTakePart(ParticipantEntry p) {
        return null;
    }

    /** Called when a summary or a state changed. */
    void onChange(Runnable listener);
}
