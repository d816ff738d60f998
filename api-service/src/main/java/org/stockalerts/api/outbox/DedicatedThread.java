package org.stockalerts.api.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one daemon thread of a background loop that starts and stops with the application context
 * (the outbox relay, the market-data poller): tasks run one at a time, so the loop's state needs no
 * locking, and a slow loop never holds up other scheduled work. Tasks handed in while it is
 * stopped are dropped.
 */
public final class DedicatedThread {

    private final String name;
    private final Duration stopWait;
    private ScheduledExecutorService executor;

    /** {@code stopWait}: how long {@link #stop()} waits for the running task to end. */
    public DedicatedThread(String name, Duration stopWait) {
        this.name = name;
        this.stopWait = stopWait;
    }

    /** Starts the thread; false when it runs already. */
    public synchronized boolean start() {
        if (executor != null) {
            return false;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name).daemon().factory());
        return true;
    }

    /** Interrupts the running task and waits for it; false when the thread was not running. */
    public synchronized boolean stop() {
        if (executor == null) {
            return false;
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
        return true;
    }

    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Runs {@code task} next; false (and dropped) when the thread is stopped. */
    public synchronized boolean execute(Runnable task) {
        if (!accepting()) {
            return false;
        }
        executor.execute(task);
        return true;
    }

    /** Runs {@code task} once after {@code delay}, unless the thread is stopped. */
    public synchronized void schedule(Runnable task, Duration delay) {
        if (accepting()) {
            executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Runs {@code task} now and then {@code delay} after each run ends, until the thread stops. */
    public synchronized void repeat(Runnable task, Duration delay) {
        if (accepting()) {
            executor.scheduleWithFixedDelay(task, 0, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private boolean accepting() {
        return executor != null && !executor.isShutdown();
    }
}
