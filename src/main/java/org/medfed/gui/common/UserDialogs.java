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

    /** An error in plain words; the stack trace, if any, only behind a Details button. */
    void showError(String title, Throwable error);

    void showInfo(String title, String message);

    Optional<Path> chooseStudyToOpen();

    Optional<Path> chooseStudySaveLocation(String suggestedName);

    List<Path> chooseDataFiles();

    /** A hospital's VCF file and/or phenotype sheet, for a genotype study. */
    default List<Path> chooseGenotypeFiles() {
        return chooseDataFiles();
    }

    Optional<Path> chooseFolder(String title);

    Optional<Path> chooseSaveFile(String title, String suggestedName, String extension);
}
