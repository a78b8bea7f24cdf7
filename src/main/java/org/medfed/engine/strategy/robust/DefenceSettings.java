package org.medfed.engine.strategy.robust;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.medfed.engine.BadInputException;
import org.medfed.engine.Strategy;
import org.medfed.engine.strategy.ParameterSpec;

/**
 * The defence a study asks for, as it is stored in a study file or given on the command line, and the one place
 * that turns it into a strategy: {@code settings.apply(fedAvg)}.
 *
 * <p>Text form of the rule: its id, then its parameters in {@link RobustRuleCatalog} order after colons
 * ({@code trimmed-mean:0.2}, {@code krum:1}, {@code multi-krum:1:3}); trailing parameters left at their default
 * may be left out. Clipping is separate, a norm bound, 0 for none; when set, updates are clipped before the rule
 * sees them.
 *
 * @param rule      the aggregation rule
 * @param values    every parameter of the rule, defaults filled in, in the rule's order
 * @param clipBound norm bound on each update's change, 0 for no clipping
 */
public record DefenceSettings(RobustRuleDescriptor rule, Map<String, Double> values, double clipBound) {

    public DefenceSettings {
        Objects.requireNonNull(rule, "rule");
        if (!(clipBound >= 0) || !Double.isFinite(clipBound)) {
            throw new BadInputException("norm clipping: the norm bound must be 0 (no clipping) or a positive number, "
                    + "was " + clipBound);
        }
        Map<String, Double> resolved = new LinkedHashMap<>();
        rule.parameters().forEach(p -> resolved.put(p.name(), p.defaultValue()));
        for (Map.Entry<String, Double> e : values.entrySet()) {
            if (!resolved.containsKey(e.getKey())) {
                throw new BadInputException("rule '" + rule.id() + "' has no parameter '" + e.getKey() + "'; it takes "
                        + (rule.parameters().isEmpty() ? "none" : rule.syntax()));
            }
            resolved.put(e.getKey(), e.getValue());
        }
        values = java.util.Collections.unmodifiableMap(resolved);
        // build once so that every setting is checked now, not when the run starts
        build(rule, values, clipBound, null);
    }

    /** The rule with id {@code ruleId} from the catalogue, with {@code values} over its defaults. */
    public static DefenceSettings of(String ruleId, Map<String, Double> values, double clipBound) {
        RobustRuleDescriptor rule = RobustRuleCatalog.find(ruleId).orElseThrow(() -> new BadInputException(
                "defence '" + ruleId + "' is unknown; expected one of: " + RobustRuleCatalog.syntaxes()));
        return new DefenceSettings(rule, values, clipBound);
    }

    public static DefenceSettings none() {
        return of(RobustRuleCatalog.NONE, Map.of(), 0);
    }

    /** Reads the rule's text form, with {@code clipBound} (0 for none) given separately. */
    public static DefenceSettings parse(String ruleText, double clipBound) {
        if (ruleText == null || ruleText.isBlank()) {
            throw new BadInputException("no defence given; expected one of: " + RobustRuleCatalog.syntaxes());
        }
        String text = ruleText.strip();
        String[] parts = text.toLowerCase(Locale.ROOT).split(":", -1);
        String id = parts[0].strip();
        RobustRuleDescriptor rule = RobustRuleCatalog.find(id).orElseThrow(() -> new BadInputException(
                "defence '" + text + "' is unknown; expected one of: " + RobustRuleCatalog.syntaxes()));
        int given = parts.length - 1;
        if (given < rule.written() || given > rule.parameters().size()) {
            throw new BadInputException("defence '" + text + "' is not written as expected; expected " + rule.syntax()
                    + " (one of: " + RobustRuleCatalog.syntaxes() + ")");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < given; i++) {
            ParameterSpec p = rule.parameters().get(i);
            values.put(p.name(), number(text, parts[i + 1].strip(), p.whole()));
        }
        return new DefenceSettings(rule, values, clipBound);
    }

    private static double number(String text, String part, boolean whole) {
        try {
            return whole ? Long.parseLong(part) : Double.parseDouble(part);
        } catch (NumberFormatException e) {
            throw new BadInputException("defence '" + text + "': '" + part + "' is not a "
                    + (whole ? "whole number" : "number"));
        }
    }

    /** The value of parameter {@code name}. */
    public double value(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("rule " + rule.id() + " has no parameter " + name);
        }
        return v;
    }

    /** The rule's text form; {@code parse(s.ruleText(), s.clipBound())} gives {@code s} back. */
    public String ruleText() {
        int last = rule.written();
        for (int i = 0; i < rule.parameters().size(); i++) {
            ParameterSpec p = rule.parameters().get(i);
            if (values.get(p.name()) != p.defaultValue()) {
                last = Math.max(last, i + 1);
            }
        }
        StringBuilder sb = new StringBuilder(rule.id());
        for (int i = 0; i < last; i++) {
            ParameterSpec p = rule.parameters().get(i);
            double v = values.get(p.name());
            sb.append(':').append(p.whole() ? String.valueOf((long) v) : String.valueOf(v));
        }
        return sb.toString();
    }

    public boolean isNone() {
        return rule.id().equals(RobustRuleCatalog.NONE) && clipBound == 0;
    }

    /**
     * {@code base} with this defence around it: the rule replaces base's aggregation (base still selects
     * participants, sets their local procedure and takes its server step on what the rule kept), and clipping,
     * if any, comes first. Returns {@code base} itself when there is no defence.
     */
    public Strategy apply(Strategy base) {
        return build(rule, values, clipBound, Objects.requireNonNull(base, "base strategy"));
    }

    /**
     * Checks before a run that the defence can work with this many updates per round.
     *
     * @throws BadInputException naming the setting and what it needs
     */
    public void checkParticipants(int updatesPerRound) {
        if (build(rule, values, clipBound, null) instanceof RobustDefence d) {
            d.checkParticipants(updatesPerRound);
        }
    }

    private static Strategy build(RobustRuleDescriptor rule, Map<String, Double> values, double clip, Strategy base) {
        Strategy ruled = rule.factory().apply(values, base);
        if (clip > 0) {
            return ruled == null ? null : new NormClipping(ruled, clip);
        }
        return ruled;
    }

    @Override
    public String toString() {
        return ruleText() + (clipBound > 0 ? " with norm clipping at " + clipBound : "");
    }
}
