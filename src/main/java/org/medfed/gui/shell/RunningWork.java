package org.medfed.gui.shell;

/**
 * What must end before the study is closed or replaced: a run. The shell asks before stopping it, and goes on
 * only once it has ended, its results shown and kept in the study's run history.
 */
public interface RunningWork {

    /** Nothing runs. */
    RunningWork NONE = new RunningWork() {
        @Override
        public boolean isRunning() {
            return false;
        }

        @Override
        public void stopThen(Runnable then) {
            then.run();
        }
    };

    boolean isRunning();

    /** Stops it as the Stop button does; {@code then} runs later on the UI thread, once it has ended. */
    void stopThen(Runnable then);
}
