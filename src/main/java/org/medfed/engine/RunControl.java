package org.medfed.engine;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Stop, pause and step for a running study, shared by the loop and every local trainer.
 *
 * <p>Trainers call {@link #checkpoint()} between training steps, so pausing and stopping take effect
 * within one step. The loop calls {@link #beforeRound()} so that "step" runs exactly one round.
 * Thread-safe; any thread (the GUI's included) may call the commands.
 */
public final class RunControl {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean cancelled;
    private boolean paused;
    private int roundsGranted;
    private boolean inSteppedRound;
    private boolean roundUnderWay;

    /** A control that never pauses and is never cancelled unless told to. */
    public static RunControl free() {
        return new RunControl();
    }

    public void cancel() {
        lock.lock();
        try {
            cancelled = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void pause() {
        lock.lock();
        try {
            paused = true;
            roundsGranted = 0;
            inSteppedRound = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public void resume() {
        lock.lock();
        try {
            paused = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Let exactly one more round run, then hold. Between rounds that is the next round; in the middle of a round
     * (running, or paused mid-round) it is the round under way, which then finishes instead of staying held.
     */
    public void step() {
        lock.lock();
        try {
            paused = true;
            if (roundUnderWay && !inSteppedRound) {
                inSteppedRound = true;
            } else {
                roundsGranted++;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isCancelled() {
        lock.lock();
        try {
            return cancelled;
        } finally {
            lock.unlock();
        }
    }

    public boolean isPaused() {
        lock.lock();
        try {
            return paused && !cancelled;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks while paused, unless a stepped round is under way; throws once cancelled. Called between
     * training steps.
     */
    public void checkpoint() {
        lock.lock();
        try {
            while (paused && !cancelled && !inSteppedRound) {
                changed.awaitUninterruptibly();
            }
            if (cancelled) {
                throw new RunCancelledException();
            }
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread().isInterrupted()) {
            // a participant past its time limit is interrupted by the transport: stop its training here
            throw new RunCancelledException();
        }
    }

    /**
     * Called by the loop before a round: waits while paused, and in step mode consumes one granted round so
     * that the round's training steps are not held by {@link #checkpoint()}.
     */
    public void beforeRound() {
        lock.lock();
        try {
            inSteppedRound = false;
            roundUnderWay = false;
            while (paused && !cancelled && roundsGranted == 0) {
                changed.awaitUninterruptibly();
            }
            if (cancelled) {
                throw new RunCancelledException();
            }
            if (paused) {
                roundsGranted--;
                inSteppedRound = true;
            }
            roundUnderWay = true;
        } finally {
            lock.unlock();
        }
    }
}
