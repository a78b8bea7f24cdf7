package org.medfed.engine.strategy.robust;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.medfed.engine.BadInputException;
import org.medfed.engine.Strategy;

/**
 * The defence a study asks for, as it is stored in a study file or given on the command line, and the one place
 * that turns it into a strategy: {@code settings.apply(fedAvg)}.
 *
 * <p>Text form of the rule: {@code none}, {@code median}, {@code trimmed-mean:<beta>}, {@code krum:<f>},
 * {@code multi-krum:<f>} (keeps n - f) or {@code multi-krum:<f>:<m>}. Clipping is separate, a norm bound, 0 for
 * none; when set, updates are clipped before the rule sees them.
 *
 * @param rule      the aggregation rule
 * @param beta      trimmed mean: share trimmed at each end; 0 otherwise
 * @param f         Krum and Multi-Krum: attackers assumed; 0 otherwise
 * @param m         Multi-Krum: updates kept, 0 for n - f; 0 otherwise
 * @param clipBound norm bound on each update's change, 0 for no clipping
 */
public record DefenceSettings(Rule rule, double beta, int f, int m, double clipBound) {

    /** The aggregation rules a study can choose. */
    public enum Rule {
        NONE("none"), MEDIAN("median"), TRIMMED_MEAN("trimmed-mean"), KRUM("krum"), MULTI_KRUM("multi-krum");

        private final String id;

        Rule(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private static final String FORMS = "none, median, trimmed-mean:<beta>, krum:<f>, multi-krum:<f> or "
            + "multi-krum:<f>:<m>";

    public DefenceSettings {
        Objects.requireNonNull(rule, "rule");
        if (!(clipBound >= 0) || !Double.isFinite(clipBound)) {
            throw new BadInputException("norm clipping: the norm bound must be 0 (no clipping) or a positive number, "
                    + "was " + clipBound);
        }
        if (beta != 0 && rule != Rule.TRIMMED_MEAN) {
            throw new BadInputException("beta applies to trimmed-mean only, not to " + rule.id);
        }
        if (f != 0 && rule != Rule.KRUM && rule != Rule.MULTI_KRUM) {
            throw new BadInputException("f, the number of attackers assumed, applies to krum and multi-krum only, "
                    + "not to " + rule.id);
        }
        if (m != 0 && rule != Rule.MULTI_KRUM) {
            throw new BadInputException("m, the number of updates kept, applies to multi-krum only, not to " + rule.id);
        }
        // build once so that every setting is checked now, not when the run starts
        build(rule, beta, f, m, clipBound, null);
    }

    public static DefenceSettings none() {
        return new DefenceSettings(Rule.NONE, 0, 0, 0, 0);
    }

    /** Reads the rule's text form, with {@code clipBound} (0 for none) given separately. */
    public static DefenceSettings parse(String ruleText, double clipBound) {
        if (ruleText == null || ruleText.isBlank()) {
            throw new BadInputException("no defence given; expected one of: " + FORMS);
        }
        String text = ruleText.strip();
        String[] parts = text.toLowerCase(Locale.ROOT).split(":", -1);
        String id = parts[0].strip();
        Rule rule = Arrays.stream(Rule.values()).filter(r -> r.id.equals(id)).findFirst()
                .orElseThrow(() -> new BadInputException("defence '" + text + "' is unknown; expected one of: " + FORMS));
        int expectedMin = switch (rule) {
            case NONE, MEDIAN -> 1;
            case TRIMMED_MEAN, KRUM, MULTI_KRUM -> 2;
        };
        int expectedMax = rule == Rule.MULTI_KRUM ? 3 : expectedMin;
        if (parts.length < expectedMin || parts.length > expectedMax) {
            throw new BadInputException("defence '" + text + "' is not written as expected; expected one of: " + FORMS);
        }
        return switch (rule) {
            case NONE -> new DefenceSettings(Rule.NONE, 0, 0, 0, clipBound);
            case MEDIAN -> new DefenceSettings(Rule.MEDIAN, 0, 0, 0, clipBound);
            case TRIMMED_MEAN -> new DefenceSettings(rule, number(text, parts[1]), 0, 0, clipBound);
            case KRUM -> new DefenceSettings(rule, 0, count(text, parts[1]), 0, clipBound);
            case MULTI_KRUM -> new DefenceSettings(rule, 0, count(text, parts[1]),
                    parts.length == 3 ? count(text, parts[2]) : MultiKrum.HONEST_COUNT, clipBound);
        };
    }

    private static double number(String text, String part) {
        try {
            return Double.parseDouble(part.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("defence '" + text + "': '" + part.strip() + "' is not a number");
        }
    }

    private static int count(String text, String part) {
        try {
            return Integer.parseInt(part.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("defence '" + text + "': '" + part.strip() + "' is not a whole number");
        }
    }

    /** The rule's text form; {@code parse(s.ruleText(), s.clipBound())} gives {@code s} back. */
    public String ruleText() {
        return switch (rule) {
            case NONE, MEDIAN -> rule.id;
            case TRIMMED_MEAN -> rule.id + ":" + beta;
            case KRUM -> rule.id + ":" + f;
            case MULTI_KRUM -> rule.id + ":" + f + (m == MultiKrum.HONEST_COUNT ? "" : ":" + m);
        };
    }

    public boolean isNone() {
        return rule == Rule.NONE && clipBound == 0;
    }

    /**
     * {@code base} with this defence around it: the rule replaces base's aggregation (base still selects
     * participants, sets their local procedure and takes its server step on what the rule kept), and clipping,
     * if any, comes first. Returns {@code base} itself when there is no defence.
     */
    public Strategy apply(Strategy base) {
        return build(rule, beta, f, m, clipBound, Objects.requireNonNull(base, "base strategy"));
    }

    /**
     * Checks before a run that the defence can work with this many updates per round.
     *
     * @throws BadInputException naming the setting and what it needs
     */
    public void checkParticipants(int updatesPerRound) {
        Strategy s = build(rule, beta, f, m, clipBound, null);
        if (s instanceof RobustDefence d) {
            d.checkParticipants(updatesPerRound);
        }
    }

    private static Strategy build(Rule rule, double beta, int f, int m, double clip, Strategy base) {
        Strategy ruled = switch (rule) {
            case NONE -> base;
            case MEDIAN -> new Median(base);
            case TRIMMED_MEAN -> new TrimmedMean(beta, base);
            case KRUM -> new Krum(f, base);
            case MULTI_KRUM -> new MultiKrum(f, m, base);
        };
        if (clip > 0) {
            return ruled == null ? null : new NormClipping(ruled, clip);
        }
        return ruled;
    }

    @Override
    public String toString() {
        return ruleText() + (clipBound > 0 ? " with norm clipping at " + clipBound : "");
    }

    /** Every rule id, for help texts. */
    public static String ruleIds() {
        return Arrays.stream(Rule.values()).map(Rule::id).collect(Collectors.joining(", "));
    }
}
