package org.medfed.engine;

/** The part of a participant's data a model is evaluated on. */
public enum DataSplit {
    TRAIN,
    TEST;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
