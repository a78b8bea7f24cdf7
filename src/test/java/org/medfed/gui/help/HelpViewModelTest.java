package org.medfed.gui.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.common.RecentStudies;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.shell.Screen;
import org.medfed.gui.shell.ShellViewModel;
import org.medfed.gui.testing.Samples;
import org.medfed.gui.testing.StubDialogs;

class HelpViewModelTest {

    @TempDir
    Path dir;

    private final StubDialogs dialogs = new StubDialogs();
    private final StudyDocument doc = new StudyDocument();

    private ShellViewModel shell() {
        return new ShellViewModel(doc, new RecentStudies(dir.resolve("home/recent.txt")), dialogs);
    }

    @Test
    void everyScreenHasItsOwnHelpAndF1ShowsTheOneShowing() {
        for (Screen s : Screen.values()) {
            String text = HelpViewModel.text(s);
            assertThat(text).as(s.title()).hasSizeGreaterThan(300).doesNotContain("\n ");
            assertThat(text.lines().findFirst().orElseThrow()).as("says which screen it explains").contains(s.title());
        }
        ShellViewModel shell = shell();
        HelpViewModel help = new HelpViewModel(shell, dialogs, Optional::empty);
        shell.screenProperty().set(Screen.RUN);
        help.helpForScreen();
        assertThat(dialogs.helps).singleElement().asString().startsWith("Help: Run: The Run screen").contains("Pause (F6)");
    }

    @Test
    void theTourOpensTheSampleAndWalksItsScreensOneStepAtATime() {
        ShellViewModel shell = shell();
        Path sample = Samples.copy(dir, 3);
        HelpViewModel help = new HelpViewModel(shell, dialogs, () -> Optional.of(sample));
        assertThat(help.steps()).hasSizeBetween(4, 8);
        assertThat(help.steps()).extracting(TourStep::screen)
                .contains(Screen.PARTICIPANTS, Screen.TASK, Screen.ALGORITHM, Screen.RUN, Screen.RESULTS);

        help.startTour();
        assertThat(doc.file()).isEqualTo(sample.toAbsolutePath().normalize());
        assertThat(help.indexProperty().get()).isZero();
        assertThat(shell.screenProperty().get()).isEqualTo(help.steps().get(0).screen());
        help.back();
        assertThat(help.indexProperty().get()).isZero();
        help.next();
        assertThat(help.stepProperty().get()).isEqualTo(help.steps().get(1));
        assertThat(shell.screenProperty().get()).isEqualTo(help.steps().get(1).screen());
        for (int i = 0; i < 20; i++) {
            help.next();
        }
        assertThat(help.indexProperty().get()).isEqualTo(help.steps().size() - 1);
        help.endTour();
        assertThat(help.stepProperty().get()).isNull();
        assertThat(help.indexProperty().get()).isEqualTo(-1);
    }

    @Test
    void withoutTheSamplesTheTourSaysWhereTheyShouldBe() {
        HelpViewModel help = new HelpViewModel(shell(), dialogs, Optional::empty);
        help.startTour();
        assertThat(help.stepProperty().get()).isNull();
        assertThat(dialogs.infos).singleElement().asString().contains("sample-projects");
    }

    @Test
    void aboutNamesTheVersionsOfWhatRuns() {
        HelpViewModel help = new HelpViewModel(shell(), dialogs, Optional::empty);
        help.about();
        String about = dialogs.infos.get(0);
        assertThat(about).startsWith("About MedFed Workbench: MedFed Workbench ")
                .contains("\nJava: " + Runtime.version())
                .contains("\nJavaFX: 21.").contains("\nDL4J: 1.0.0-M2.1").contains("\ngRPC: 1.").contains("\nONNX Runtime: 1.")
                .doesNotContain("not found");
    }
}
