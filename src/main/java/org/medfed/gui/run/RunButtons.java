package org.medfed.gui.run;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.medfed.gui.run.RunViewModel.Phase;

/**
 * Which of Start, Pause, Step and Stop can be pressed, on the Run screen and in the Run menu alike: by the run's
 * phase, and for a new run whether the study is ready. A paused run can always go on, ready or not: its study is
 * the copy it started with.
 */
final class RunButtons {

    private final BooleanBinding canStart;
    private final BooleanBinding canPause;
    private final BooleanBinding canStep;
    private final BooleanBinding canStop;

    RunButtons(ObjectProperty<Phase> phase, ObservableBooleanValue studyReady) {
        canStart = Bindings.createBooleanBinding(() -> phase.get() == Phase.PAUSED
                || (!phase.get().active() && studyReady.get()), phase, studyReady);
        canPause = Bindings.createBooleanBinding(() -> phase.get() == Phase.RUNNING, phase);
        canStep = Bindings.createBooleanBinding(() -> phase.get() == Phase.PAUSED
                || (!phase.get().active() && studyReady.get()), phase, studyReady);
        canStop = Bindings.createBooleanBinding(() -> phase.get().active(), phase);
    }

    BooleanBinding canStart() { return canStart; }
    BooleanBinding canPause() { return canPause; }
    BooleanBinding canStep() { return canStep; }
    BooleanBinding canStop() { return canStop; }
}
