package org.medfed.engine.strategy.robust;

import java.util.List;
import org.medfed.engine.Strategy;

/**
 * A strategy that defends the aggregation against poisoned updates and says, round by round, what it did with
 * each one. The GUI reads {@link #lastReports()}; charts and the run history read the flat
 * {@link #roundDiagnostics()}.
 */
public interface RobustDefence extends Strategy {

    /**
     * What each defence layer did in the last aggregated round, outermost first (a clipping wrapper around a
     * median gives two reports); empty before the first round.
     */
    List<RobustReport> lastReports();

    /**
     * Checks, before a run starts, that the rule can work with this many updates per round, so that a study
     * screen can refuse impossible settings instead of failing in round 1.
     *
     * @throws org.medfed.engine.BadInputException naming the setting and what it needs
     */
    default void checkParticipants(int updatesPerRound) {
    }
}
