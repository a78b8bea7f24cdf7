package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.concurrency.Workers;
import picocli.CommandLine;

/**
 * A command run as the entry point runs it (Main: the program's workers made, the command, the workers closed)
 * leaves no thread of its own behind: none of the workers' threads, and no new non-daemon thread that would keep
 * the program from ending.
 */
class ThreadsClosedOnExitTest {

    @TempDir
    Path tmp;

    @Test
    void aRunLeavesNoThreadBehindOnceTheWorkersAreClosed() {
        Set<Thread> nonDaemonBefore = nonDaemon();
        Workers workers = new Workers();
        StringWriter err = new StringWriter();
        String[] args = {"run", "--participant", "a=" + BadInputTest.DIR.resolve("good.csv"), "--participant",
                "b=" + BadInputTest.DIR.resolve("good.csv"), "--label", "outcome", "--rounds", "2", "--out",
                tmp.resolve("out").toString()};
        CommandLine cl = MedFedCommand.commandLine(workers, args);
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertThat(code).as(err.toString()).isZero();

        workers.close();

        assertThat(workers.alive()).isEmpty();
        assertThat(threadNames()).noneMatch(name -> name.startsWith("participant-"));
        Set<Thread> left = nonDaemon();
        left.removeAll(nonDaemonBefore);
        assertThat(left).as("non-daemon threads the run left").isEmpty();
    }

    private static Set<Thread> nonDaemon() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
