package org.medfed.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Keeps the network's info lines ("node 'hospital-007' connected") off the console while a benchmark starts
 * hundreds of loopback nodes: they would bury its progress lines. Warnings and errors still show.
 */
final class QuietNodeLog {

    private static final String NETWORK = "org.medfed.network";

    private QuietNodeLog() {
    }

    static <T> T during(Supplier<T> work) {
        if (!(LoggerFactory.getLogger(NETWORK) instanceof Logger logger)) {
            return work.get(); // another SLF4J binding: leave its levels alone
        }
        Level before = logger.getLevel();
        logger.setLevel(Level.WARN);
        try {
            return work.get();
        } finally {
            logger.setLevel(before);
        }
    }
}
