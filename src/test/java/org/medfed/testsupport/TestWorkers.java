package org.medfed.testsupport;

import org.medfed.concurrency.Workers;

/**
 * The test run's workers, for tests that run studies, transports or benchmarks: what the program's entry point
 * makes once. Never closed: its threads are daemons and end with the test JVM; a test about closing makes its own.
 */
public final class TestWorkers {

    private static final Workers SHARED = new Workers();

    private TestWorkers() {
    }

    public static Workers shared() {
        return SHARED;
    }
}
