package org.medfed.concurrency;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The owner of every thread the application makes. Created once where the program starts (the command line's
 * entry point, the workbench's and the node window's application) and handed down by constructor; closed on exit,
 * which stops every pool it handed out and waits a moment for their threads to end. Nothing else in
 * {@code org.medfed} makes threads or executors (an ArchUnit rule checks it), so a thread seen in a dump is always
 * one of these, named for its job, and none outlives the program's own end.
 *
 * <p>It hands out executors rather than being one shared pool because the jobs need different shapes: a run's
 * participants a bounded pool (the number of cores decides how many train at once), a node a scheduler (heartbeats
 * and redialling), the live charts one low-priority thread (drawings in order). A user of an executor may shut it
 * down early (a node stopped, a run finished); whatever is still running at {@link #close()} is stopped there.
 *
 * <p>Threads are daemons, as before: a forgotten pool never keeps the program alive, and {@link #close()} is what
 * makes sure none is left running.
 */
public final class Workers implements AutoCloseable {

    /** How long {@link #close()} waits for interrupted work to let go of its threads. */
    static final long CLOSE_WAIT_MILLIS = 5_000;

    private final Set<ExecutorService> open = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private final int cores;

    /** Workers for this machine's cores. */
    public Workers() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /** Workers that share out {@code cores} cores (tests pretend other machines). */
    public Workers(int cores) {
        if (cores < 1) {
            throw new IllegalArgumentException("cores must be at least 1");
        }
        this.cores = cores;
    }

    /** The cores the jobs share. */
    public int cores() {
        return cores;
    }

    /**
     * Threads each of {@code parallelJobs} CPU-bound jobs running at once may use for its own arithmetic (a DL4J
     * trainer's native math): the cores shared out evenly, at least one. Jobs beyond the cores queue rather than
     * run at once, so they do not divide the share further.
     */
    public int computeThreads(int parallelJobs) {
        if (parallelJobs < 1) {
            throw new IllegalArgumentException("parallelJobs must be at least 1");
        }
        return Math.max(1, cores / Math.min(parallelJobs, cores));
    }

    /** Threads named {@code name-1}, {@code name-2}... at {@code priority}, remembered until they end. */
    private ThreadFactory named(String name, int priority) {
        AtomicInteger n = new AtomicInteger();
        return work -> {
            Thread t = new Thread(() -> {
                try {
                    work.run();
                } finally {
                    threads.remove(Thread.currentThread());
                }
            }, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(priority);
            threads.add(t);
            return t;
        };
    }

    /** Threads made when needed and ended after a minute idle, for work that mostly waits (calls, files). */
    public ExecutorService pool(String name) {
        return track(new Tracked(0, Integer.MAX_VALUE, 60, new SynchronousQueue<>(), named(name, Thread.NORM_PRIORITY)));
    }

    /** At most {@code threads} jobs at once, the rest queued in order: for work that keeps a core busy. */
    public ExecutorService fixed(String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        return track(new Tracked(threads, threads, 0, new LinkedBlockingQueue<>(), named(name, Thread.NORM_PRIORITY)));
    }

    /** One thread below normal priority, jobs in order: for work the screen may wait for but must not stall. */
    public ExecutorService background(String name) {
        return track(new Tracked(1, 1, 0, new LinkedBlockingQueue<>(), named(name, Thread.NORM_PRIORITY - 1)));
    }

    /** {@code threads} threads that also run delayed and periodic jobs (heartbeats, redialling). */
    public ScheduledExecutorService scheduled(String name, int threads) {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, named(name, Thread.NORM_PRIORITY)) {
            @Override
            protected void terminated() {
                open.remove(this);
            }
        };
        return track(pool);
    }

    /**
     * Runs {@code action} when the program is stopped from outside (Ctrl+C, a signal) before it returns; the
     * returned handle withdraws that. The JVM takes such an action as an unstarted thread: made here, like every
     * other.
     */
    public ExitAction atExit(String name, Runnable action) {
        Thread hook = new Thread(action, name);
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran: nothing to withdraw
            }
        };
    }

    /** The handle of an {@link #atExit} action: closing it withdraws the action, and throws nothing. */
    public interface ExitAction extends AutoCloseable {
        @Override
        void close();
    }

    private <E extends ExecutorService> E track(E pool) {
        if (closed) {
            pool.shutdownNow();
            throw new RejectedExecutionException("the application is shutting down");
        }
        open.add(pool);
        return pool;
    }

    /** The threads made here that have not ended yet (for tests and for the exit check). */
    public List<Thread> alive() {
        return threads.stream().filter(Thread::isAlive).toList();
    }

    /**
     * Stops every executor still open (running jobs are interrupted, queued ones dropped) and waits up to a few
     * seconds for their threads to end. Later requests for executors are refused.
     */
    @Override
    public void close() {
        closed = true;
        open.forEach(ExecutorService::shutdownNow);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        for (ExecutorService pool : List.copyOf(open)) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0 || !pool.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                    break; // a job ignores interruption: the threads are daemons and end with the program
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Thread t : List.copyOf(threads)) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || t == Thread.currentThread()) {
                continue;
            }
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    /** A pool that leaves the list of open ones when it has ended. */
    private final class Tracked extends ThreadPoolExecutor {
        Tracked(int core, int max, long idleSeconds, java.util.concurrent.BlockingQueue<Runnable> queue,
                ThreadFactory factory) {
            super(core, max, idleSeconds, TimeUnit.SECONDS, queue, factory);
        }

        @Override
        protected void terminated() {
            open.remove(this);
        }
    }
}
