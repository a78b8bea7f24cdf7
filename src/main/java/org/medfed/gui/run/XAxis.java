package org.medfed.gui.run;

/**
 * What the Run screen's charts draw along: records of the run (rounds, or merges of an asynchronous run), hospital
 * updates merged into the model, or the run's clock. Updates and time put a synchronous and an asynchronous run on
 * one axis: a synchronous round merges every hospital's update, and lasts as long as its slowest hospital.
 */
public enum XAxis {
    ROUND("Rounds"), UPDATES("Updates applied"), CLOCK("Time");

    private final String text;

    XAxis(String text) {
        this.text = text;
    }

    /** The word on the switch. */
    public String text() {
        return text;
    }
}
