package org.medfed.gui.shell;

/** The workbench's screens, in the order a study is set up and run. */
public enum Screen {
    START("Start"),
    PARTICIPANTS("Participants"),
    TASK("Task and model"),
    ALGORITHM("Algorithm"),
    RUN("Run"),
    RESULTS("Results");

    private final String title;

    Screen(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
