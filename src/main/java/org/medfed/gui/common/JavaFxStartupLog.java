package org.medfed.gui.common;

import java.util.logging.Logger;

/**
 * JavaFX's own log as a user sees it at start. OpenJFX warns at every start that its classes were not loaded as named
 * modules ("Unsupported JavaFX configuration: classes were loaded from 'unnamed module @…'"). That is how MedFed
 * always runs it, from the jar's lib folder as from the installers, and a clinician can do nothing about the
 * warning but worry. Only that message is dropped; every other JavaFX message still reaches the log.
 */
public final class JavaFxStartupLog {

    static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration";

    // held for the program's life: java.util.logging keeps loggers weakly, and a collected one forgets its filter
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private JavaFxStartupLog() {
    }

    /** Before the window opens: JavaFX logs the warning while it starts. */
    public static void quietClassPathWarning() {
        JAVAFX.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith(CLASS_PATH_WARNING));
    }
}
