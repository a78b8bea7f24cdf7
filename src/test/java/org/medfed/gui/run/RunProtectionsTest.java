package org.medfed.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.RoundRecord;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.StudyReadiness;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.Samples;
import org.medfed.privacy.dp.EpsilonConversion;
import org.medfed.privacy.dp.RdpAccountant;
import org.medfed.project.DefenceSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.PrivacySection;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/** The Run screen's protection panes, fed by real runs of the sample study. */
class RunProtectionsTest {

    @TempDir
    Path dir;
    private int runs;

    /** The sample with {@code rounds} rounds, changed by {@code change}, run to the end without baselines. */
    private RunViewModel run(int rounds, UnaryOperator<Study> change) {
        Path file = Samples.copy(dir.resolve("run-" + (++runs)), rounds);
        StudyFile.save(change.apply(StudyFile.load(file)), file);
        StudyDocument doc = new StudyDocument();
        doc.replace(StudyFile.load(file), file);
        QueuedUi ui = QueuedUi.sameThread();
        RunViewModel vm = new RunViewModel(doc, ui, new StudyReadiness(doc), () -> LocalTime.NOON);
        vm.compareWithBaselinesProperty().set(false);
        vm.start();
        ui.drain();
        assertThat(vm.phaseProperty().get()).as(vm.statusTextProperty().get()).isEqualTo(RunViewModel.Phase.FINISHED);
        return vm;
    }

    static Study withAttacker(Study s, String hospital, String attack) {
        List<ParticipantEntry> ps = new ArrayList<>();
        for (ParticipantEntry p : s.participants()) {
            ps.add(p.name().equals(hospital) ? new ParticipantEntry(p.name(), p.data(), p.weight(), p.enabled(), attack) : p);
        }
        return s.withParticipants(ps);
    }

    @Test
    void aRunWithDifferentialPrivacySpendsEpsilonRoundByRoundAsTheAccountantComputes() {
        double z = 1.2;
        double delta = 1e-5;
        RunViewModel vm = run(6, s -> s.withPrivacy(new PrivacySection(new PrivacySection.DpSection(1.0, z, delta,
                null, null, null), null, null, "seeded")));
        ProtectionMonitor m = vm.protections();
        assertThat(m.privacyAccountedProperty().get()).isTrue();
        assertThat(m.epsilon()).hasSize(6);

        // an accountant of our own, composing one sampled Gaussian per round (every hospital takes part: q = 1)
        RdpAccountant accountant = new RdpAccountant();
        List<RoundRecord> rounds = vm.resultProperty().get().history().rounds();
        double previous = 0;
        for (int i = 0; i < 6; i++) {
            accountant.compose(1.0, z, 1);
            double expected = accountant.spent(delta, EpsilonConversion.BALLE_2020).epsilon();
            EpsilonPoint p = m.epsilon().get(i);
            assertThat(p.round()).isEqualTo(i + 1);
            assertThat(p.epsilon()).isEqualTo(expected).isEqualTo(rounds.get(i).diagnostics().get("dp.epsilon"))
                    .isGreaterThan(previous);
            assertThat(p.delta()).isEqualTo(delta);
            previous = p.epsilon();
        }
        assertThat(m.verdicts()).as("no robust rule").isEmpty();
        assertThat(vm.log()).anyMatch(l -> l.contains("Round 6: accuracy") && l.contains("epsilon spent"));
    }

    @Test
    void aMedianRejectsAScalingAttackerAndTheGridSaysSo() {
        RunViewModel vm = run(4, s -> withAttacker(s, "rural-clinic", "scale:50").withDefence(new DefenceSection("median", 0.0)));
        ProtectionMonitor m = vm.protections();
        assertThat(m.robustProperty().get()).isTrue();
        assertThat(m.verdicts()).hasSize(4);
        for (RoundVerdicts r : m.verdicts()) {
            assertThat(r.rules()).containsExactly("median");
            assertThat(r.verdicts()).containsOnlyKeys("city-general", "heart-centre", "mountain-hospital", "rural-clinic");
            HospitalVerdict attacker = r.verdict("rural-clinic");
            // the median leaves out the attacker's extreme values: at most a coordinate here and there is used
            assertThat(attacker.decision()).as("round %d: %s", r.round(), attacker.detail())
                    .isIn(HospitalVerdict.Decision.REJECTED, HospitalVerdict.Decision.DOWN_WEIGHTED);
            assertThat(attacker.weight()).isLessThan(0.2);
            r.verdicts().forEach((name, v) -> {
                if (!name.equals("rural-clinic")) {
                    assertThat(v.weight()).as(name).isGreaterThan(attacker.weight());
                }
            });
        }
        assertThat(m.verdicts().get(0).rejected()).as("round 1: every value of the attacker is extreme")
                .containsExactly("rural-clinic");
        assertThat(vm.attackerWarningProperty().get()).startsWith("SIMULATED ATTACK (teaching only): rural-clinic sends "
                + "its trained change multiplied by 50");
        assertThat(vm.log()).anyMatch(l -> l.contains("rejected: rural-clinic"));
    }

    @Test
    void krumWithFiveHospitalsKeepsOneHonestUpdateAndRejectsTheAttacker() {
        RunViewModel vm = run(3, s -> {
            List<ParticipantEntry> ps = new ArrayList<>(s.participants());
            ps.add(new ParticipantEntry("valley-hospital", "data/city-general.csv"));
            return withAttacker(s.withParticipants(ps), "heart-centre", "sign-flip:20")
                    .withDefence(new DefenceSection("krum:1", 0.0));
        });
        for (RoundVerdicts r : vm.protections().verdicts()) {
            assertThat(r.rules()).containsExactly("krum");
            assertThat(r.verdict("heart-centre").decision()).isEqualTo(HospitalVerdict.Decision.REJECTED);
            assertThat(r.verdict("heart-centre").detail()).startsWith("Krum score");
            // Krum keeps exactly one update
            assertThat(r.verdicts().values().stream().filter(v -> v.decision() == HospitalVerdict.Decision.ACCEPTED))
                    .hasSize(1);
        }
    }

    @Test
    void eachRoundsCostIsShownNextToPlainAggregation() {
        RunViewModel plain = run(3, s -> s);
        assertThat(plain.protections().costs()).hasSize(3).allSatisfy(c -> {
            assertThat(c.bytes()).isEqualTo(c.plainBytes()).isPositive();
            assertThat(c.aggregationNanos()).isPositive();
        });
        assertThat(plain.protections().summary()).startsWith("Mean of 3 rounds: aggregation ").contains("1.00×");

        RunViewModel secure = run(3, s -> s.withPrivacy(new PrivacySection(null,
                new PrivacySection.SecureAggregationSection(null, null), null, "seeded")));
        assertThat(secure.protections().costs()).hasSize(3).allSatisfy(c ->
                assertThat(c.byteRatio()).as("masked updates and key shares cost more than plain floats").isGreaterThan(1));
        assertThat(secure.protections().epsilon()).isEmpty();
        assertThat(secure.protections().verdicts()).isEmpty();
    }
}
