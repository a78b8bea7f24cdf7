package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a run through nodes must share with the simulation of the same files. */
final class SameRun {

    private SameRun() {
    }

    /**
     * The same final model and global figures every round, and each hospital alone (trained at its node) equal to
     * the simulation's; the simulation's pooled row has no counterpart over nodes.
     */
    static void assertNodesEqualSimulation(StudyResult network, StudyResult local) {
        assertThat(network.history().model().toArray()).isEqualTo(local.history().model().toArray());
        for (int r = 0; r < local.history().rounds().size(); r++) {
            assertThat(network.history().rounds().get(r).global())
                    .isEqualTo(local.history().rounds().get(r).global());
        }
        Map<String, Object> localRows = new LinkedHashMap<>();
        local.baselines().stream().filter(b -> !b.row().equals(BaselineResult.POOLED))
                .forEach(b -> localRows.put(b.row(), List.of(b.model(), b.test())));
        Map<String, Object> networkRows = new LinkedHashMap<>();
        network.baselines().forEach(b -> networkRows.put(b.row(), List.of(b.model(), b.test())));
        assertThat(networkRows).isEqualTo(localRows);
    }
}
