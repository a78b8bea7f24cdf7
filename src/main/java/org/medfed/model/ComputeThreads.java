package org.medfed.model;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads ND4J's native code (its own loops and OpenBLAS) may use for one trainer's arithmetic. ND4J's
 * default is every core for each call: with two hospitals training at once on two cores that made four busy threads
 * fight for two cores, and image training fell from about 900 to 80 images/s. Whoever decides how many hospitals
 * train at once shares the cores out here ({@code Workers.computeThreads}); the DL4J trainers apply the share
 * before they compute.
 *
 * <p>ND4J splits each operation of a step across its threads, which pays only when there is enough work to split:
 * the BreastMNIST CNN (about 30 million multiply-adds per step of 32 images, forward and backward) trained at 292
 * images/s with one thread and 42 with two on the same busy 2-core machine (and 845-920 against 590-684 on an idle
 * one, issue 18). A trainer therefore takes one thread per {@value #WORK_PER_THREAD} multiply-adds of its step (at
 * least one), within its share: a guess at about three times the step that measurably lost, since no larger model
 * of ours was measured to gain.
 *
 * <p>ND4J's setting is one for the whole process, as it is in its native libraries; oneDNN's (an OpenMP setting) is
 * one per calling thread, and is set on each thread that computes: left alone, oneDNN took every core on each
 * trainer's thread, ran 3-4x slower on the busy 2-core machine and gave other results than with one thread. Both are
 * applied lazily: naming a share does not load ND4J, so a study of a dense model never starts it.
 */
public final class ComputeThreads {

    /** Multiply-adds of a training step that justify one more thread. */
    static final long WORK_PER_THREAD = 100_000_000L;
    /** Examples per step assumed when judging a model's work (the usual training batch). */
    private static final int TYPICAL_BATCH = 32;

    /** Until a run shares the cores out, one trainer may use them all. */
    private static volatile int wanted = Runtime.getRuntime().availableProcessors();
    /** When positive, every model uses exactly this many (benchmarks comparing settings). */
    private static volatile int forced;
    private static int applied;
    /** oneDNN's threads as last set on this thread (0: never). */
    private static final ThreadLocal<int[]> appliedHere = ThreadLocal.withInitial(() -> new int[1]);

    private ComputeThreads() {
    }

    /** From now on each trainer's arithmetic uses at most {@code threads} threads. */
    public static void share(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        wanted = threads;
    }

    /** The share last named (every core before any). */
    public static int shared() {
        return wanted;
    }

    /**
     * Makes every model use exactly {@code threads} threads whatever its size and share, or, with 0, returns to the
     * share: for benchmarks that compare thread settings, not for runs.
     */
    public static void force(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative, was " + threads);
        }
        forced = threads;
    }

    /** The threads worth giving a step of {@code spec} (forward and backward, a typical batch), at least one. */
    static int useful(ModelSpec spec) {
        long work = spec.multiplyAddsPerExample() * 3 * TYPICAL_BATCH;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, work / WORK_PER_THREAD));
    }

    /** The threads a trainer of {@code spec} uses: what its step can use, within the share. */
    public static int forModel(ModelSpec spec) {
        int f = forced;
        return f > 0 ? f : Math.min(wanted, useful(spec));
    }

    /**
     * Prepares ND4J for a computation of {@code spec} on the calling thread: its threads and oneDNN's, set when they
     * differ from the last setting (the native calls are not free), and DL4J's oneDNN layers allowed.
     */
    static void apply(ModelSpec spec) {
        OneDnn.allow();
        int w = forModel(spec);
        synchronized (ComputeThreads.class) {
            if (w != applied) {
                // ND4J's own loops run on the "master" threads (its pool only grows: max threads never shrinks)
                Nd4j.getEnvironment().setMaxThreads(Math.max(w, Nd4j.getEnvironment().maxThreads()));
                Nd4j.getEnvironment().setMaxMasterThreads(w);
                Nd4j.factory().blas().setMaxThreads(w);
                applied = w;
            }
        }
        int[] here = appliedHere.get();
        if (here[0] != w) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(w);
            here[0] = w;
        }
    }
}
