package org.medfed.gui.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.medfed.gui.common.UserDialogs;

/** Dialogs that answer from queues and record what was shown, so tests act as a person choosing files would. */
public final class StubDialogs implements UserDialogs {

    public final Deque<UnsavedChoice> unsavedAnswers = new ArrayDeque<>();
    public final Deque<List<Path>> dataFiles = new ArrayDeque<>();
    public final Deque<Path> studiesToOpen = new ArrayDeque<>();
    public final Deque<Path> saveLocations = new ArrayDeque<>();
    public final Deque<Path> folders = new ArrayDeque<>();
    public final Deque<Path> saveFiles = new ArrayDeque<>();
    public final Deque<Path> tableFiles = new ArrayDeque<>();
    public final List<String> errors = new ArrayList<>();
    public final List<Throwable> errorCauses = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    public final List<String> helps = new ArrayList<>();
    public int unsavedQuestions;
    /** Answers to yes-or-no questions (no when empty), and the questions asked. */
    public final Deque<Boolean> confirmAnswers = new ArrayDeque<>();
    public final List<String> questions = new ArrayList<>();
    /**
     * What happens while a folder or file chooser is open: a modal dialog keeps the FX thread's events going, so a
     * run can end and be shown meanwhile.
     */
    public Runnable whileChoosing = () -> { };

    @Override
    public synchronized UnsavedChoice askUnsavedChanges(String studyName) {
        unsavedQuestions++;
        return unsavedAnswers.isEmpty() ? UnsavedChoice.CANCEL : unsavedAnswers.pop();
    }

    @Override
    public synchronized boolean confirm(String title, String question, String detail, String yes, String no) {
        questions.add(question);
        return !confirmAnswers.isEmpty() && confirmAnswers.pop();
    }

    @Override
    public synchronized void showError(String title, Throwable error) {
        errors.add(title + ": " + org.medfed.gui.common.ErrorText.plain(error));
        errorCauses.add(error);
    }

    @Override
    public synchronized void showInfo(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public synchronized void showHelp(String title, String text) {
        helps.add(title + ": " + text);
    }

    /**
     * Answers to {@link #chooseOne} (the preselected choice when empty; an empty answer cancels), and the choices
     * offered with the one preselected, as "choices -> preselected".
     */
    public final Deque<Optional<String>> choiceAnswers = new ArrayDeque<>();
    public final List<String> choicesOffered = new ArrayList<>();

    @Override
    public synchronized Optional<String> chooseOne(String title, String question, String detail, List<String> choices,
                                                   String preselected) {
        choicesOffered.add(choices + " -> " + preselected);
        return choiceAnswers.isEmpty() ? Optional.of(preselected) : choiceAnswers.pop();
    }

    @Override
    public synchronized Optional<Path> chooseStudyToOpen() {
        return Optional.ofNullable(studiesToOpen.poll());
    }

    @Override
    public synchronized Optional<Path> chooseStudySaveLocation(String suggestedName) {
        return Optional.ofNullable(saveLocations.poll());
    }

    @Override
    public synchronized List<Path> chooseDataFiles() {
        List<Path> next = dataFiles.poll();
        return next == null ? List.of() : next;
    }

    @Override
    public synchronized Optional<Path> chooseTableFile(String title) {
        return Optional.ofNullable(tableFiles.poll());
    }

    @Override
    public synchronized Optional<Path> chooseFolder(String title) {
        whileChoosing.run();
        return Optional.ofNullable(folders.poll());
    }

    @Override
    public synchronized Optional<Path> chooseSaveFile(String title, String suggestedName, String extension) {
        whileChoosing.run();
        return Optional.ofNullable(saveFiles.poll());
    }
}
