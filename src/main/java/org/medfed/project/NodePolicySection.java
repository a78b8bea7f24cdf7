package org.medfed.project;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.medfed.engine.protocol.Procedure;

/**
 * The policy section of {@code node.json}, checked: what a hospital agrees to serve. The rules that apply it to
 * requests are {@code org.medfed.node.policy.NodePolicy}; this is only the hospital's settings.
 *
 * @param dataKinds                  the kinds of data the hospital serves
 * @param procedures                 the catalogue procedures it serves (filters included); already resolved when
 *                                   the file said {@code null}: then all those its data kinds allow
 * @param minimumCount               the fewest examples a released figure or update may rest on (0: no minimum)
 * @param requireDifferentialPrivacy whether anything trained on the hospital's rows must leave with DP noise
 * @param maxEpsilon                 the largest epsilon the hospital accepts, or empty for no limit; a limit also
 *                                   asks for DP, since without it there is no bound at all
 * @param maxRounds                  the last round the hospital takes part in, or empty for no limit
 */
public record NodePolicySection(Set<DataKind> dataKinds, Set<Procedure> procedures, int minimumCount,
                                boolean requireDifferentialPrivacy, OptionalDouble maxEpsilon, OptionalInt maxRounds) {

    public NodePolicySection {
        // enum sets keep the catalogue's order, so that messages list procedures the same way every time
        dataKinds = Collections.unmodifiableSet(dataKinds.isEmpty() ? EnumSet.noneOf(DataKind.class)
                : EnumSet.copyOf(dataKinds));
        procedures = Collections.unmodifiableSet(procedures.isEmpty() ? EnumSet.noneOf(Procedure.class)
                : EnumSet.copyOf(procedures));
        Objects.requireNonNull(maxEpsilon, "maxEpsilon");
        Objects.requireNonNull(maxRounds, "maxRounds");
    }

    /** All the catalogue procedures that data of {@code kinds} allows: what {@code "procedures": null} means. */
    public static Set<Procedure> allAllowedBy(Set<DataKind> kinds) {
        EnumSet<Procedure> all = EnumSet.noneOf(Procedure.class);
        kinds.forEach(k -> all.addAll(k.procedures()));
        return all;
    }
}
