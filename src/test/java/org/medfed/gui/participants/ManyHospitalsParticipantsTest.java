package org.medfed.gui.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.concurrency.Workers;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.Samples;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.project.StudyFile;

/**
 * A study of many hospitals on the Participants screen: the files are read a share per background task and the
 * rows refreshed once per share, not once per file (which made opening a thousand hospitals quadratic).
 */
class ManyHospitalsParticipantsTest {

    @TempDir
    Path dir;

    /** Counts the background jobs and keeps their results queued until the test lets them through. */
    private static final class CountingTasks implements BackgroundTasks {
        final QueuedUi ui = QueuedUi.sameThread();
        final List<Integer> jobs = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onDone, Consumer<Throwable> onFailure) {
            jobs.add(jobs.size());
            ui.run(work, onDone, onFailure);
        }

        @Override
        public Executor ui() {
            return ui.ui();
        }

        @Override
        public Workers workers() {
            return ui.workers();
        }
    }

    @Test
    void seventyHospitalsAreReadInThreeSharesAndEveryRowShowsItsFile() {
        Path study = Samples.manyHospitals(dir, 70, 2);
        CountingTasks tasks = new CountingTasks();
        StudyDocument doc = new StudyDocument();
        ParticipantsViewModel vm = new ParticipantsViewModel(doc, tasks, new StubDialogs());
        doc.replace(StudyFile.load(study), study);
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.rows()).hasSize(70).allSatisfy(r -> assertThat(r.samplesProperty().get()).isEqualTo("reading…"));

        // 70 files, at least FILES_PER_TASK (32) a task: three tasks (and the schema check's)
        int reads = (70 + HospitalFiles.FILES_PER_TASK - 1) / HospitalFiles.FILES_PER_TASK;
        tasks.ui.drain();
        assertThat(tasks.jobs.size()).isLessThanOrEqualTo(reads + 3);
        assertThat(vm.busyProperty().get()).isFalse();
        // the sample's files in turn: city-general 400 rows, rural-clinic 150, heart-centre 260, mountain 90
        assertThat(vm.rows().get(0).samplesProperty().get()).isEqualTo("400");
        assertThat(vm.rows().get(69).samplesProperty().get()).isEqualTo("150");
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.checkProperty().get()).isEqualTo("✔ ok"));
        assertThat(vm.blockingProblems()).isEmpty();
    }

    /** Past a dozen hospitals a hospital is found by part of its name; Enter goes on to the next, round to the first. */
    @Test
    void aHospitalIsFoundByPartOfItsName() {
        StudyDocument doc = new StudyDocument();
        ParticipantsViewModel vm = new ParticipantsViewModel(doc, new CountingTasks(), new StubDialogs());
        Path few = Samples.manyHospitals(dir.resolve("few"), 12, 2);
        doc.replace(StudyFile.load(few), few);
        assertThat(vm.manyHospitals().get()).isFalse();
        Path study = Samples.manyHospitals(dir.resolve("many"), 70, 2);
        doc.replace(StudyFile.load(study), study);
        assertThat(vm.manyHospitals().get()).isTrue();

        // hospital-05, -15, -25, -35, -45, -50 to -59 and -65 hold "5": sixteen of them
        vm.find("5", false);
        assertThat(vm.selectedProperty().get()).isEqualTo(4);
        assertThat(vm.findStatusProperty().get()).isEqualTo("1 of 16 matches (Enter: the next)");
        vm.find("5", true);
        assertThat(vm.rows().get(vm.selectedProperty().get()).nameProperty().get()).isEqualTo("hospital-15");
        assertThat(vm.findStatusProperty().get()).startsWith("2 of 16 ");
        vm.select(66);
        vm.find("5", true);
        assertThat(vm.selectedProperty().get()).as("round to the first").isEqualTo(4);

        vm.find("HOSPITAL-42", false);
        assertThat(vm.selectedProperty().get()).isEqualTo(41);
        assertThat(vm.findStatusProperty().get()).isEqualTo("The only match");
        vm.find("clinic", false);
        assertThat(vm.selectedProperty().get()).as("kept when nothing matches").isEqualTo(41);
        assertThat(vm.findStatusProperty().get()).isEqualTo("No hospital's name holds \"clinic\"");
        vm.find("  ", false);
        assertThat(vm.findStatusProperty().get()).isEmpty();
    }
}
