package org.medfed.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.data.ExampleSet;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.metrics.Estimate;
import org.medfed.model.ModelSpec;
import org.medfed.testsupport.SharedData;

/** The personalisation benchmark's verdict on hand-made figures, and one seed of Fed-Heart-Disease beside FLamby. */
class PersonalisationBenchmarkTest {

    private static PersonalisationBenchmark.Hospital hospital(String name, int testSize) {
        ExampleSet test = ExampleSet.classification(new int[] {1}, new float[testSize][1], new int[testSize], 2);
        return new PersonalisationBenchmark.Hospital(name, test, test);
    }

    /** Two hospitals, A with 4 test patients and B with 10, and one seed's accuracies per column. */
    private static PersonalisationBenchmark.Result result(double[] shared, double[] alone, double[] fineTuned,
                                                          double[] ditto) {
        LocalTraining plan = new LocalTraining(1, 0, 1, LocalOptimizer.SGD, 0.1, 0);
        Map<String, PersonalisationBenchmark.Method> methods = new LinkedHashMap<>();
        methods.put("Fine-tuned", new PersonalisationBenchmark.Method("fedavg-finetune", Map.of()));
        methods.put("Ditto", new PersonalisationBenchmark.Method("ditto", Map.of()));
        var setting = new PersonalisationBenchmark.Setting("hand-made", "", ModelSpec.logistic(1, 2),
                List.of(hospital("A", 4), hospital("B", 10)), 1, plan, plan, methods);
        Map<String, Map<String, List<Double>>> acc = new LinkedHashMap<>();
        acc.put(PersonalisationBenchmark.SHARED, Map.of("A", List.of(shared[0]), "B", List.of(shared[1])));
        acc.put(PersonalisationBenchmark.ALONE, Map.of("A", List.of(alone[0]), "B", List.of(alone[1])));
        acc.put("Fine-tuned", Map.of("A", List.of(fineTuned[0]), "B", List.of(fineTuned[1])));
        acc.put("Ditto", Map.of("A", List.of(ditto[0]), "B", List.of(ditto[1])));
        return new PersonalisationBenchmark.Result(setting, List.of(42L), acc, Map.of());
    }

    @Test
    void theTargetIsMetWhenTheBestMethodMatchesTheBetterOfSharedAndAloneEverywhereAndBeatsThemOnAverage() {
        // best = Ditto (mean 0.8); at A 0.75 = max(0.5, 0.75), at B 0.85 > max(0.8, 0.6); 0.8 > max(0.65, 0.675)
        var met = result(new double[] {0.5, 0.8}, new double[] {0.75, 0.6}, new double[] {0.5, 0.9},
                new double[] {0.75, 0.85});
        assertThat(met.bestPersonalised()).isEqualTo("Ditto");
        assertThat(met.missedAt()).isEmpty();
        assertThat(met.betterOnAverage()).isTrue();
        assertThat(met.targetMet()).isTrue();
        // 3 of A's 4 test patients: Wilson 95% [0.3006, 0.9544] (worked out by hand from the score formula)
        Estimate e = met.estimate("Ditto", "A");
        assertThat(e.low()).isCloseTo(0.3006, within(1e-3));
        assertThat(e.high()).isCloseTo(0.9544, within(1e-3));

        // the same best method below A's own model (0.75 against 1.0): missed at A, though better on average
        var missed = result(new double[] {0.5, 0.6}, new double[] {1.0, 0.2}, new double[] {0.5, 0.6},
                new double[] {0.75, 1.0});
        assertThat(missed.missedAt()).containsExactly("A");
        // the same patients right, their accuracies summed in another order: equal, not below
        var same = result(new double[] {0.5, 0.1 + 0.2}, new double[] {0.25, 0.2}, new double[] {0.5, 0.3},
                new double[] {0.5, 0.3});
        assertThat(0.3).isLessThan(0.1 + 0.2);
        assertThat(same.missedAt()).isEmpty();
        assertThat(missed.betterOnAverage()).isTrue();
        assertThat(missed.targetMet()).isFalse();
        assertThat(PersonalisationBenchmark.markdown("cmd", List.of(missed))).contains("Target MISSED",
                "below the better of shared and alone at A", "| A | 4 | 0.500 [");
    }

    @Test
    void onlyTheAskedMethodsRunBesideFineTuningWhoseRoundsGiveTheSharedModel() {
        LocalTraining plan = new LocalTraining(1, 0, 1, LocalOptimizer.SGD, 0.1, 0);
        Map<String, PersonalisationBenchmark.Method> methods = new LinkedHashMap<>();
        methods.put("Fine-tuned", new PersonalisationBenchmark.Method("fedavg-finetune", Map.of()));
        methods.put("Ditto", new PersonalisationBenchmark.Method("ditto", Map.of()));
        methods.put("FedBN", new PersonalisationBenchmark.Method("fedbn", Map.of(), true));
        var setting = new PersonalisationBenchmark.Setting("hand-made", "", ModelSpec.cnn(new int[] {1, 8, 8}, 2,
                new int[] {2}), List.of(hospital("A", 4)), 1, plan, plan, methods);
        assertThat(PersonalisationBenchmark.only(setting, java.util.Set.of("fedbn")).orElseThrow().methods())
                .containsOnlyKeys("Fine-tuned", "FedBN");
        assertThat(PersonalisationBenchmark.only(setting, java.util.Set.of("fedper"))).isEmpty();
        assertThat(methods.get("FedBN").spec(setting.spec()).batchNorm()).isTrue();
        assertThat(methods.get("Ditto").spec(setting.spec()).batchNorm()).isFalse();
    }

    @Test
    void fineTuningOnFedHeartDiseaseStandsBesideFlambysFigure() {
        Path data = SharedData.data("uci-heart-disease");
        var setting = PersonalisationBenchmark.heart(data);
        var r = PersonalisationBenchmark.run(setting, List.of(42L), line -> { });
        assertThat(r.columns()).containsExactly("Shared (FedAvg)", "Alone", "Fine-tuned", "Ditto", "Chosen");
        assertThat(r.overHospitals("Fine-tuned")).isCloseTo(PersonalisationBenchmark.FLAMBY_AFTER, within(0.06));
        assertThat(r.overHospitals("Fine-tuned")).isGreaterThan(r.overHospitals("Shared (FedAvg)"));
        assertThat(PersonalisationBenchmark.csv(List.of(r))).startsWith("setting,model,hospital,n,accuracy_mean")
                .contains(",Fine-tuned,3-va,45,");
    }
}
