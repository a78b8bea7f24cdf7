package org.medfed.gui.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.medfed.engine.ParticipantFailure;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.strategy.robust.RobustAggregation;

/**
 * Which hospitals' updates a robust rule accepted, down-weighted or rejected in one round, read from the
 * figures the rules write into the round's diagnostics ({@code robust.rejected.<hospital>},
 * {@code robust.used.<hospital>}, {@code robust.clipped.<hospital>}, {@code robust.score.<hospital>}). Those
 * figures survive wrappers around the rule, so the grid needs nothing beyond the engine's round record.
 *
 * @param round    1-based round number
 * @param rules    the rules that judged the round, such as {@code [krum, norm-clipping]}
 * @param verdicts one per selected hospital, by name
 */
public record RoundVerdicts(int round, List<String> rules, Map<String, HospitalVerdict> verdicts) {

    private static final String P = RobustAggregation.KEY_PREFIX;
    /** The per-hospital figures, never a rule's name. */
    private static final Set<String> PER_HOSPITAL = Set.of("rejected", "used", "clipped", "score", "norm");

    public RoundVerdicts {
        rules = List.copyOf(rules);
        verdicts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(verdicts));
    }

    /** The round's verdicts, or empty when no robust rule ran. */
    public static Optional<RoundVerdicts> of(RoundRecord r) {
        Map<String, Double> d = r.diagnostics();
        Set<String> rules = new TreeSet<>();
        for (String key : d.keySet()) {
            // a rule's own count: robust.<rule>.rejected or robust.<rule>.clipped
            if (key.startsWith(P) && (key.endsWith(".rejected") || key.endsWith(".clipped"))) {
                String rule = key.substring(P.length(), key.lastIndexOf('.'));
                if (!rule.isEmpty() && !rule.contains(".") && !PER_HOSPITAL.contains(rule)) {
                    rules.add(rule);
                }
            }
        }
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        Set<String> failed = new TreeSet<>();
        for (ParticipantFailure f : r.failures()) {
            if (f.phase() == ParticipantFailure.Phase.FIT) {
                failed.add(f.participant());
            }
        }
        Map<String, HospitalVerdict> verdicts = new LinkedHashMap<>();
        for (String name : r.selected()) {
            verdicts.put(name, failed.contains(name)
                    ? new HospitalVerdict(HospitalVerdict.Decision.NO_UPDATE, 0, "sent no update this round")
                    : verdict(d, name));
        }
        return Optional.of(new RoundVerdicts(r.round(), List.copyOf(rules), verdicts));
    }

    private static HospitalVerdict verdict(Map<String, Double> d, String name) {
        Double score = d.get(P + "score." + name);
        String scoreText = score == null ? "" : "Krum score " + figure(score) + "; ";
        Double norm = d.get(P + "norm." + name);
        String normText = norm == null ? "" : "change of norm " + figure(norm) + "; ";
        if (d.containsKey(P + "rejected." + name)) {
            return new HospitalVerdict(HospitalVerdict.Decision.REJECTED, 0,
                    scoreText + normText + "left out of this round's model");
        }
        double weight = 1;
        StringBuilder why = new StringBuilder(scoreText).append(normText);
        Double clipped = d.get(P + "clipped." + name);
        if (clipped != null && clipped < 1) {
            weight *= clipped;
            why.append("scaled by ").append(figure(clipped)).append(" to the norm bound; ");
        }
        Double used = d.get(P + "used." + name);
        if (used != null && used < 1) {
            weight *= used;
            why.append("its value used in ").append(figure(100 * used)).append("% of the coordinates; ");
        }
        if (weight < 1) {
            return new HospitalVerdict(HospitalVerdict.Decision.DOWN_WEIGHTED, weight, trim(why));
        }
        return new HospitalVerdict(HospitalVerdict.Decision.ACCEPTED, 1, trim(why.append("used as sent")));
    }

    private static String trim(StringBuilder s) {
        String t = s.toString().strip();
        return t.endsWith(";") ? t.substring(0, t.length() - 1) : t;
    }

    private static String figure(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** Hospitals whose update was left out, in name order. */
    public List<String> rejected() {
        return verdicts.entrySet().stream().filter(e -> e.getValue().decision() == HospitalVerdict.Decision.REJECTED)
                .map(Map.Entry::getKey).toList();
    }

    public HospitalVerdict verdict(String hospital) {
        return verdicts.get(hospital);
    }
}
