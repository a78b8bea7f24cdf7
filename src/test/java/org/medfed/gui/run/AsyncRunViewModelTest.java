package org.medfed.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.RoundRecord;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.StudyReadiness;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.Samples;
import org.medfed.project.SimulationSection;
import org.medfed.project.StrategySection;
import org.medfed.project.StudyFile;

/**
 * The Run screen's figures of asynchronous runs on the simulated clock, checked against the engine's records of
 * the same run: the charts' positions along each axis, each hospital's model version, staleness and bytes, the
 * staleness histogram, and the previous run kept beside the next for one time axis.
 */
class AsyncRunViewModelTest {

    @TempDir
    Path dir;

    private RunViewModel viewModel(QueuedUi ui, StudyDocument doc) {
        return new RunViewModel(doc, ui, new StudyReadiness(doc), () -> LocalTime.NOON);
    }

    private StudyDocument document(int rounds, String strategy) {
        Path file = Samples.copy(dir, rounds);
        StudyDocument doc = new StudyDocument();
        doc.replace(StudyFile.load(file).withStrategy(new StrategySection(strategy, Map.of()))
                .withSimulation(SimulationSection.oneSlowHospital()), file);
        return doc;
    }

    @Test
    void anAsynchronousRunShowsEachHospitalsVersionStalenessAndBytesAsTheEngineRecordedThem() {
        QueuedUi ui = QueuedUi.sameThread();
        StudyDocument doc = document(12, "fedasync-polynomial");
        RunViewModel vm = viewModel(ui, doc);
        vm.compareWithBaselinesProperty().set(false);
        vm.start();
        ui.drain();
        assertThat(vm.phaseProperty().get()).isEqualTo(RunViewModel.Phase.FINISHED);
        assertThat(vm.series().asynchronous().get()).isTrue();
        var rounds = vm.resultProperty().get().history().rounds();
        assertThat(vm.points()).hasSize(12);

        Map<String, Long> up = new TreeMap<>();
        Map<String, Long> down = new TreeMap<>();
        Map<Integer, Integer> histogram = new TreeMap<>();
        for (int i = 0; i < rounds.size(); i++) {
            RoundRecord.Progress p = rounds.get(i).progress();
            p.bytesUp().forEach((n, b) -> up.merge(n, b, Long::sum));
            p.bytesDown().forEach((n, b) -> down.merge(n, b, Long::sum));
            p.staleness().values().forEach(s -> histogram.merge(s, 1, Integer::sum));
            RoundPoint point = vm.points().get(i);
            assertThat(point.x(XAxis.ROUND)).isEqualTo(i + 1);
            assertThat(point.x(XAxis.CLOCK)).isEqualTo(p.clockSeconds());
            assertThat(point.x(XAxis.UPDATES)).isEqualTo(p.updatesApplied());
            assertThat(point.bytesUpSoFar()).isEqualTo(up);
            assertThat(point.bytesDownSoFar()).isEqualTo(down);
        }
        // FedAsync merges one update at a time, and the slow hospital's arrive behind the fast ones'
        assertThat(vm.points().get(11).updatesApplied()).isEqualTo(12);
        assertThat(histogram.keySet()).anyMatch(s -> s > 0);
        for (int s = 0; s < vm.series().staleness().size(); s++) {
            assertThat(vm.series().staleness().get(s)).as("updates %d versions behind", s).isEqualTo(histogram.getOrDefault(s, 0));
        }
        assertThat(vm.series().staleness().stream().mapToInt(Integer::intValue).sum()).isEqualTo(12);

        // each hospital's version as of the last merge; its staleness as of its last merged update
        RoundRecord.Progress last = rounds.get(11).progress();
        for (HospitalStatus h : vm.hospitals()) {
            assertThat(h.versionProperty().get()).isEqualTo(String.valueOf(last.modelVersion().get(h.name())));
            Integer lastStale = null;
            for (RoundRecord r : rounds) {
                Integer s = r.progress().staleness().get(h.name());
                lastStale = s != null ? s : lastStale;
            }
            assertThat(h.stalenessProperty().get()).isEqualTo(lastStale == null ? "" : String.valueOf(lastStale));
            // bytes are counted when a job's update arrives: the slow hospital may have none yet
            assertThat(h.trafficProperty().get()).isEqualTo(!up.containsKey(h.name()) ? ""
                    : ProtectionMonitor.bytes(up.get(h.name())) + " up, " + ProtectionMonitor.bytes(down.get(h.name()))
                    + " down");
        }
        assertThat(vm.progressTextProperty().get()).isEqualTo("Finished: 12 merges");
        assertThat(vm.log()).anyMatch(l -> l.contains("Merge 12 (") && l.contains("versions behind): accuracy"));
    }

    @Test
    void theAxisSaysWhatItCountsAndTheClockIsSimulatedForHospitalsInThisWorkbench() {
        QueuedUi ui = QueuedUi.sameThread();
        RunViewModel vm = viewModel(ui, document(2, "weighted-fedavg"));
        assertThat(vm.series().xAxisLabel().get()).isEqualTo("Round");
        vm.xAxisProperty().set(XAxis.UPDATES);
        assertThat(vm.series().xAxisLabel().get()).isEqualTo("Hospital updates applied");
        vm.xAxisProperty().set(XAxis.CLOCK);
        assertThat(vm.series().xAxisLabel().get()).isEqualTo("Simulated time (s)");
        vm.compareWithBaselinesProperty().set(false);
        vm.start();
        ui.drain();
        // a synchronous round waits for the slow hospital and merges all four updates, none of them stale
        RoundRecord first = vm.resultProperty().get().history().rounds().get(0);
        assertThat(vm.points().get(0).x(XAxis.CLOCK)).isEqualTo(first.progress().clockSeconds()).isPositive();
        assertThat(vm.points().get(1).x(XAxis.UPDATES)).isEqualTo(8);
        assertThat(vm.series().staleness()).containsExactly(8);
        assertThat(vm.hospitals()).allSatisfy(h -> assertThat(h.stalenessProperty().get()).isEqualTo("0"));
        assertThat(vm.progressTextProperty().get()).isEqualTo("Finished: 2 rounds");
    }

    @Test
    void aSynchronousAndAnAsynchronousRunOfTheStudyShareOneTimeAxis() {
        QueuedUi ui = QueuedUi.sameThread();
        StudyDocument doc = document(3, "weighted-fedavg");
        RunViewModel vm = viewModel(ui, doc);
        vm.compareWithBaselinesProperty().set(false);
        vm.start();
        ui.drain();
        var sync = java.util.List.copyOf(vm.points());
        assertThat(vm.previousPoints()).isEmpty();

        doc.edit(s -> s.withStrategy(new StrategySection("fedbuff", Map.of())));
        vm.start();
        ui.drain();
        assertThat(vm.previousPoints()).containsExactlyElementsOf(sync);
        assertThat(vm.previousLabelProperty().get()).isEqualTo("run 1: FedAvg (weighted by patients)");
        assertThat(vm.series().asynchronous().get()).isTrue();
        // FedBuff merges two updates at a time without waiting for the slow hospital
        assertThat(vm.points()).hasSize(3);
        assertThat(vm.points().get(2).updatesApplied()).isEqualTo(6);
        assertThat(vm.points().get(2).clockSeconds()).isLessThan(sync.get(2).clockSeconds());
    }
}
