package org.medfed.engine.strategy.robust;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.medfed.engine.strategy.ParameterSpec;

/**
 * Every robust aggregation rule a study can choose. The study file, the command line ({@code --defence}) and the
 * workbench's rule list and parameter fields all read this list: a new rule is its class plus one entry here.
 */
public final class RobustRuleCatalog {

    public static final String NONE = "none";

    private static final ParameterSpec ATTACKERS = ParameterSpec.count("f", "Attackers assumed (f)", 1, 0,
            "how many hospitals may be attackers; Krum needs more than 2f + 2 updates per round");

    private static final List<RobustRuleDescriptor> ALL = List.of(
            new RobustRuleDescriptor(NONE, "None", "every update is averaged as sent", List.of(), 0,
                    (p, base) -> base),
            new RobustRuleDescriptor("median", "Coordinate-wise median", "each number of the model is the middle "
                    + "value of the hospitals': one extreme hospital cannot drag it", List.of(), 0,
                    (p, base) -> new Median(base)),
            new RobustRuleDescriptor("trimmed-mean", "Trimmed mean", "drops the highest and lowest share beta of the "
                    + "values in each number of the model, then averages the rest",
                    List.of(new ParameterSpec("beta", "Beta", 0.2, 0, true, 0.5, false,
                            "share trimmed at each end, from 0 up to (not including) 0.5")), 1,
                    (p, base) -> new TrimmedMean(p.get("beta"), base)),
            new RobustRuleDescriptor("krum", "Krum", "keeps the one update closest to its neighbours, assuming up to "
                    + "f attackers", List.of(ATTACKERS), 1,
                    (p, base) -> new Krum(whole(p.get("f")), base)),
            new RobustRuleDescriptor("multi-krum", "Multi-Krum", "keeps the n - f updates closest to their neighbours "
                    + "and averages them", List.of(ATTACKERS, ParameterSpec.count("m", "Updates kept (m)",
                    MultiKrum.HONEST_COUNT, 0, "how many updates to average; 0 keeps n - f")), 1,
                    (p, base) -> new MultiKrum(whole(p.get("f")), whole(p.get("m")), base)));

    private RobustRuleCatalog() {
    }

    public static List<RobustRuleDescriptor> all() {
        return ALL;
    }

    public static Optional<RobustRuleDescriptor> find(String id) {
        return ALL.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Every written form, for messages: "none, median, trimmed-mean:&lt;beta&gt;, ...". */
    public static String syntaxes() {
        return ALL.stream().map(RobustRuleDescriptor::syntax).collect(Collectors.joining(", "));
    }

    private static int whole(double v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
}
