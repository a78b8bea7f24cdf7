package org.medfed.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.testsupport.SharedData;

/** One-seed versions of the attack and privacy benchmarks on the real Fed-Heart-Disease data. */
class ProtectionBenchmarksTest {

    private static final FedHeartDiseaseBenchmark.Data HEART =
            FedHeartDiseaseBenchmark.Data.load(SharedData.data("uci-heart-disease"));

    private static double accuracy(String attack, List<String> attackers, String defence) {
        return ProtectedFederation.run(FedHeartDiseaseBenchmark.sites(HEART.pooled()), HEART.spec(), "weighted-fedavg",
                Map.of(), FedHeartDiseaseBenchmark.ourTraining(), FedHeartDiseaseBenchmark.FLAMBY_ROUNDS, 42,
                s -> AttackBenchmark.protect(s, attack, attackers, defence)).mean();
    }

    @Test
    void theMedianUndoesOneSignFlippingHospitalThatFedAvgFollows() {
        double clean = accuracy("none", List.of(), "none");
        double attacked = accuracy("sign-flip", List.of("0-cleveland"), "none");
        double defended = accuracy("sign-flip", List.of("0-cleveland"), "median");
        assertThat(attacked).isLessThan(clean - 0.1);
        assertThat(defended).isGreaterThan(attacked + 0.1).isGreaterThan(clean - 0.03);
    }

    @Test
    void privacyCostsAccuracyAsEpsilonShrinksAndTheAccountantKeepsToTheTarget() {
        List<PrivacyBenchmark.Method> methods = PrivacyBenchmark.methods().stream()
                .filter(m -> m.name().equals("no privacy") || m.name().contains("epsilon 0.1")
                        || m.name().equals("DP-FedAvg (client level), epsilon 1, delta 1e-3")).toList();
        List<PrivacyBenchmark.Row> rows = PrivacyBenchmark.run(HEART, methods, List.of(42L), line -> { });
        PrivacyBenchmark.Row none = rows.get(0);
        PrivacyBenchmark.Row strict = rows.get(1);
        PrivacyBenchmark.Row clientLevel = rows.get(2);
        assertThat(strict.mean()).isLessThan(none.mean() - 0.05);
        assertThat(strict.epsilonSpent()).isLessThanOrEqualTo(0.1);
        assertThat(clientLevel.epsilonSpent()).isLessThanOrEqualTo(1.0);
    }
}
