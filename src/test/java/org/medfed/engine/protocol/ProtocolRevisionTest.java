package org.medfed.engine.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProtocolRevisionTest {

    @Test
    void theSameRevisionWorksTogether() {
        assertThat(ProtocolRevision.mismatch("the coordinator", "1.0", ProtocolRevision.CURRENT, "this node", "1.0"))
                .isEmpty();
    }

    @Test
    void aNodeMeetingAnOlderCoordinatorSaysWhichSideRunsWhat() {
        assertThat(ProtocolRevision.mismatch("the coordinator", "0.9", ProtocolRevision.CURRENT - 1, "this node", "1.0"))
                .hasValue("the coordinator runs MedFed 0.9 with participant protocol revision "
                        + (ProtocolRevision.CURRENT - 1) + ", but this node runs MedFed 1.0 with revision "
                        + ProtocolRevision.CURRENT + ": install the same MedFed version at the hospitals' nodes and at "
                        + "the coordinator");
    }

    @Test
    void aSideThatSendsNoRevisionIsFromBeforeRevisions() {
        assertThat(ProtocolRevision.mismatch("the coordinator", "0.8", 0, "this node", "1.0")).get().asString()
                .contains("no participant protocol revision (a version from before revisions were exchanged)");
    }

    @Test
    void aNewerRevisionIsRefusedToo() {
        assertThat(ProtocolRevision.mismatch("node 'a'", "2.0", ProtocolRevision.CURRENT + 1, "this coordinator",
                "1.0")).isPresent();
    }
}
