package org.medfed.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.RunStatus;
import org.medfed.model.ModelSpec;
import org.medfed.project.DefenceSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.study.SiteData;

/**
 * What simulated attackers do to federated averaging and to each robust rule: mean test accuracy over the
 * hospitals for 0, 1 and 2 attackers of each kind. The attackers are the largest hospitals (the worst case for
 * sample-weighted averaging).
 */
public final class AttackBenchmark {

    /** The attacks of the table, in the study file's text form. */
    public static final List<String> ATTACKS = List.of("label-flip", "sign-flip", "scale:10", "noise:1", "free-ride");

    /** The defences of the table; with four hospitals Krum can only assume f = 0 attackers (it needs n > 2f + 2). */
    public static final List<String> DEFENCES = List.of("none", "median", "trimmed-mean:0.25", "krum:0", "clip:1");

    /** One federation to attack: its hospitals, model and training. */
    public record Setting(String name, List<SiteData> sites, ModelSpec spec, String strategy, LocalTraining training,
                          int rounds) {
    }

    /** A row: an attack with a number of attackers, and the mean accuracy under each defence (NaN: diverged). */
    public record Row(String attack, int attackers, Map<String, Double> accuracy) {
    }

    private AttackBenchmark() {
    }

    public static List<Row> run(Setting setting, List<Long> seeds, Consumer<String> progress) {
        List<String> largest = setting.sites().stream()
                .sorted(Comparator.comparingInt((SiteData s) -> s.train().size()).reversed()
                        .thenComparing(SiteData::name))
                .map(SiteData::name).toList();
        List<Row> rows = new ArrayList<>();
        rows.add(row(setting, "none", List.of(), seeds));
        progress.accept(setting.name() + ": no attack done");
        for (String attack : ATTACKS) {
            for (int k = 1; k <= 2; k++) {
                rows.add(row(setting, attack, largest.subList(0, k), seeds));
            }
            progress.accept(setting.name() + ": " + attack + " done");
        }
        return rows;
    }

    private static Row row(Setting setting, String attack, List<String> attackers, List<Long> seeds) {
        Map<String, Double> byDefence = new LinkedHashMap<>();
        for (String defence : DEFENCES) {
            double sum = 0;
            boolean diverged = false;
            for (long seed : seeds) {
                ProtectedFederation.Result r = ProtectedFederation.run(setting.sites(), setting.spec(), setting.strategy(),
                        Map.of(), setting.training(), setting.rounds(), seed, s -> protect(s, attack, attackers, defence));
                if (r.history().status() != RunStatus.FINISHED) {
                    diverged = true;
                    break;
                }
                sum += r.mean();
            }
            byDefence.put(defence, diverged ? Double.NaN : sum / seeds.size());
        }
        return new Row(attack, attackers.size(), byDefence);
    }

    static Study protect(Study study, String attack, List<String> attackers, String defence) {
        List<ParticipantEntry> entries = new ArrayList<>();
        for (ParticipantEntry e : study.participants()) {
            entries.add(attackers.contains(e.name())
                    ? new ParticipantEntry(e.name(), e.data(), e.weight(), e.enabled(), attack) : e);
        }
        Study s = study.withParticipants(entries);
        if (defence.startsWith("clip:")) {
            return s.withDefence(new DefenceSection("none", Double.parseDouble(defence.substring(5))));
        }
        return defence.equals("none") ? s : s.withDefence(new DefenceSection(defence, null));
    }

    public static String markdown(String title, String command, List<Row> rows, List<Long> seeds, String settings) {
        StringBuilder sb = new StringBuilder("### ").append(title).append("\n\n");
        sb.append("Command: `").append(command).append("`  \n");
        sb.append(settings).append("; mean test accuracy over the hospitals, averaged over seeds ").append(seeds)
                .append(". Attackers are the largest hospitals.\n\n");
        sb.append("| attack | attackers |");
        DEFENCES.forEach(d -> sb.append(' ').append(d.equals("none") ? "FedAvg (no defence)" : d).append(" |"));
        sb.append("\n|---|---|").append("---|".repeat(DEFENCES.size())).append('\n');
        for (Row r : rows) {
            sb.append("| ").append(r.attack()).append(" | ").append(r.attackers()).append(" |");
            for (String d : DEFENCES) {
                double v = r.accuracy().get(d);
                sb.append(' ').append(Double.isNaN(v) ? "diverged" : String.format(Locale.ROOT, "%.3f", v)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
