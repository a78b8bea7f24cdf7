package org.medfed.gui.shell;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/**
 * What the Run menu and the status line act on: the study's kind of run (rounds of training, or an association
 * study) decides which run starts, stops and reports its progress; {@code paused}: a run holds between rounds.
 */
public record StudyRunCommands(Runnable start, Runnable stop, ObservableBooleanValue canStart,
                               ObservableBooleanValue canStop, ObservableBooleanValue paused,
                               ObservableStringValue progress) {
}
