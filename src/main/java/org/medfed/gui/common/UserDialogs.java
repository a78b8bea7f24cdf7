package org.medfed.gui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every question and message the workbench puts to the user, behind one interface so that view-models decide
 * when to ask and tests answer without windows.
 */
public interface UserDialogs {

    enum UnsavedChoice {
        SAVE,
        DISCARD,
        CANCEL
    }

    UnsavedChoice askUnsavedChanges(String studyName);

    /**
     * A yes-or-no question before something that cannot be taken back ("A run is going on: stop it and close?");
     * true only for {@code yes}. {@code detail} says what happens either way.
     */
    boolean confirm(String title, String question, String detail, String yes, String no);

    /** An error in plain words; the stack trace, if any, only behind a Details button. */
    void showError(String title, Throwable error);

    void showInfo(String title, String message);

    /** A help text in a window of its own that stays open beside the screen it explains (one at a time). */
    void showHelp(String title, String text);

    /**
     * One of {@code choices}, {@code preselected} selected at first; empty when the user cancels. {@code detail} says
     * what the choice changes.
     */
    Optional<String> chooseOne(String title, String question, String detail, List<String> choices, String preselected);

    Optional<Path> chooseStudyToOpen();

    Optional<Path> chooseStudySaveLocation(String suggestedName);

    List<Path> chooseDataFiles();

    /** A hospital's VCF file and/or phenotype sheet, for a genotype study. */
    default List<Path> chooseGenotypeFiles() {
        return chooseDataFiles();
    }

    Optional<Path> chooseFolder(String title);

    /** One table file to open (CSV and the like), for {@code title}. */
    Optional<Path> chooseTableFile(String title);

    Optional<Path> chooseSaveFile(String title, String suggestedName, String extension);
}
