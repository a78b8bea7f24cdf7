package org.medfed.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The start-up warning about JavaFX on the class path is dropped, as JavaFX logs it (through the System.Logger named
 * "javafx", which is java.util.logging's "javafx" logger); JavaFX's other messages pass.
 */
class JavaFxStartupLogTest {

    @Test
    void onlyTheClassPathWarningIsDropped() {
        List<String> seen = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                seen.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger javafx = Logger.getLogger("javafx");
        javafx.addHandler(capture);
        try {
            JavaFxStartupLog.quietClassPathWarning();
            System.Logger asJavaFxLogs = System.getLogger("javafx");
            asJavaFxLogs.log(System.Logger.Level.WARNING,
                    "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @69eee410'");
            asJavaFxLogs.log(System.Logger.Level.WARNING, "Could not find stylesheet: medfed.css");
            javafx.log(Level.SEVERE, "a JavaFX error");
            assertThat(seen).containsExactly("Could not find stylesheet: medfed.css", "a JavaFX error");
        } finally {
            javafx.removeHandler(capture);
            javafx.setFilter(null);
        }
    }
}
