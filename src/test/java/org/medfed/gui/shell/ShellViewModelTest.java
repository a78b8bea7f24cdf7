package org.medfed.gui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.common.RecentStudies;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.UserDialogs.UnsavedChoice;
import org.medfed.gui.testing.Samples;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

class ShellViewModelTest {

    @TempDir
    Path dir;

    private final StubDialogs dialogs = new StubDialogs();
    private final StudyDocument doc = new StudyDocument();

    private ShellViewModel shell() {
        return new ShellViewModel(doc, new RecentStudies(dir.resolve("home/recent.txt")), dialogs);
    }

    @Test
    void unsavedChangesAreNeverLostWithoutAsking() {
        ShellViewModel shell = shell();
        Path study = Samples.copy(dir, 3);
        assertThat(shell.load(study)).isTrue();
        assertThat(shell.screenProperty().get()).isEqualTo(Screen.PARTICIPANTS);
        doc.edit(s -> s.withName("Changed"));
        assertThat(shell.titleProperty().get()).startsWith("• Changed (study.json)");

        dialogs.unsavedAnswers.add(UnsavedChoice.CANCEL);
        shell.newStudy();
        assertThat(doc.study().name()).isEqualTo("Changed");
        assertThat(shell.requestClose()).isFalse();

        dialogs.unsavedAnswers.add(UnsavedChoice.SAVE);
        shell.newStudy();
        assertThat(StudyFile.load(study).name()).isEqualTo("Changed");
        assertThat(doc.study().name()).isEqualTo("New study");
        assertThat(doc.file()).isNull();
        assertThat(dialogs.unsavedQuestions).isEqualTo(3);

        doc.edit(s -> s.withName("Scratch"));
        dialogs.unsavedAnswers.add(UnsavedChoice.DISCARD);
        assertThat(shell.requestClose()).isTrue();
    }

    @Test
    void saveAsWritesDataPathsRelativeToTheNewPlaceAndRemembersTheStudy() throws Exception {
        ShellViewModel shell = shell();
        Path study = Samples.copy(dir, 3);
        shell.load(study);
        Path elsewhere = dir.resolve("elsewhere/my study");
        dialogs.saveLocations.add(elsewhere);
        assertThat(shell.saveAs()).isTrue();
        Path saved = dir.resolve("elsewhere/my study.json");
        Study reloaded = StudyFile.load(saved);
        // outside the new study's folder the data keep their absolute place; they are never copied
        assertThat(reloaded.participants().get(0).data())
                .containsExactly(dir.resolve("heart/data/city-general.csv").toAbsolutePath().toString());
        assertThat(StudyFile.resolve(saved, reloaded.participants().get(0).data().get(0))).exists();
        assertThat(doc.isDirty()).isFalse();
        assertThat(shell.recent()).first().isEqualTo(saved.toAbsolutePath().normalize());
        assertThat(Files.list(saved.getParent())).extracting(p -> p.getFileName().toString()).containsExactly("my study.json");

        dialogs.saveLocations.add(dir.resolve("heart/second.json"));
        assertThat(shell.saveAs()).isTrue();
        assertThat(StudyFile.load(dir.resolve("heart/second.json")).participants().get(0).data())
                .containsExactly("data/city-general.csv");
    }

    @Test
    void aNewStudyIsSavedWhereTheUserSaysAndABrokenStudyGetsAPlainMessage() throws Exception {
        ShellViewModel shell = shell();
        shell.newStudy();
        assertThat(doc.file()).isNull();
        dialogs.saveLocations.add(dir.resolve("new.json"));
        assertThat(shell.save()).isTrue();
        assertThat(doc.file()).isEqualTo(dir.resolve("new.json").toAbsolutePath());

        Path broken = Files.writeString(dir.resolve("broken.json"), "{ \"schemaVersion\": 1, \"name\": ");
        dialogs.studiesToOpen.add(broken);
        shell.open();
        assertThat(dialogs.errors).singleElement().satisfies(e -> assertThat(e).startsWith("Could not open the study: broken.json"));
        assertThat(doc.file()).isEqualTo(dir.resolve("new.json").toAbsolutePath());
    }

    @Test
    void fileNamesFollowTheStudyName() {
        assertThat(ShellViewModel.fileNameFor("Coronary disease (synthetic)")).isEqualTo("coronary-disease-synthetic.json");
        assertThat(ShellViewModel.fileNameFor("???")).isEqualTo("study.json");
    }

    /** A run that ends only when the test says so, as a real one ends within a training step after Stop. */
    private static final class FakeRun implements RunningWork {
        boolean running = true;
        int stops;
        Runnable then;

        @Override
        public boolean isRunning() {
            return running;
        }

        @Override
        public void stopThen(Runnable after) {
            stops++;
            then = after;
        }

        void ends() {
            running = false;
            then.run();
        }
    }

    @Test
    void closingDuringARunAsksStopsTheRunThenAsksAboutUnsavedChangesThenCloses() {
        ShellViewModel shell = shell();
        shell.load(Samples.copy(dir, 3));
        doc.edit(s -> s.withName("Changed"));
        FakeRun run = new FakeRun();
        int[] exits = new int[1];
        shell.setRunningWork(run);
        shell.setExit(() -> exits[0]++);

        dialogs.confirmAnswers.add(false);
        assertThat(shell.requestClose()).isFalse();
        assertThat(dialogs.questions).containsExactly("A run is going on: stop it and close?");
        assertThat(run.stops).as("Keep running").isZero();
        assertThat(dialogs.unsavedQuestions).isZero();

        dialogs.confirmAnswers.add(true);
        assertThat(shell.requestClose()).as("the window waits for the run to stop").isFalse();
        assertThat(run.stops).isEqualTo(1);
        assertThat(shell.noticeProperty().get()).startsWith("Stopping the run");
        assertThat(dialogs.unsavedQuestions).as("asked once the run has stopped").isZero();
        dialogs.unsavedAnswers.add(UnsavedChoice.DISCARD);
        run.ends();
        assertThat(dialogs.unsavedQuestions).isEqualTo(1);
        assertThat(shell.noticeProperty().get()).isEmpty();
        assertThat(exits[0]).isEqualTo(1);
    }

    @Test
    void cancellingTheUnsavedQuestionAfterTheRunStoppedKeepsTheWindowAndAStuckStopCanBeClosedAnyway() {
        ShellViewModel shell = shell();
        shell.load(Samples.copy(dir, 3));
        doc.edit(s -> s.withName("Changed"));
        FakeRun run = new FakeRun();
        int[] exits = new int[1];
        shell.setRunningWork(run);
        shell.setExit(() -> exits[0]++);
        dialogs.confirmAnswers.add(true);
        shell.requestClose();
        dialogs.unsavedAnswers.add(UnsavedChoice.CANCEL);
        run.ends();
        assertThat(exits[0]).isZero();
        assertThat(doc.study().name()).isEqualTo("Changed");

        FakeRun stuck = new FakeRun();
        shell.setRunningWork(stuck);
        dialogs.confirmAnswers.add(true);
        assertThat(shell.requestClose()).isFalse();
        assertThat(shell.requestClose()).as("asked again while the run stops: close now").isTrue();
    }

    @Test
    void newAndOpenDuringARunAskFirstAndGoOnOnceItHasStopped() {
        ShellViewModel shell = shell();
        Path study = Samples.copy(dir, 3);
        shell.load(study);
        FakeRun run = new FakeRun();
        shell.setRunningWork(run);

        shell.newStudy();
        assertThat(dialogs.questions).containsExactly("A run is going on: stop it and begin a new study?");
        assertThat(doc.file()).isEqualTo(study.toAbsolutePath().normalize());

        dialogs.confirmAnswers.add(true);
        shell.newStudy();
        assertThat(doc.file()).as("not before the run has stopped").isNotNull();
        run.ends();
        assertThat(doc.file()).isNull();
        assertThat(doc.study().name()).isEqualTo("New study");

        FakeRun another = new FakeRun();
        shell.setRunningWork(another);
        dialogs.confirmAnswers.add(true);
        shell.open(study);
        assertThat(dialogs.questions).last().isEqualTo("A run is going on: stop it and open another study?");
        another.ends();
        assertThat(doc.file()).isEqualTo(study.toAbsolutePath().normalize());
    }
}
