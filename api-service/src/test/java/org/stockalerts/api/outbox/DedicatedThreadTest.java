package org.stockalerts.api.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DedicatedThreadTest {

    private final DedicatedThread thread = new DedicatedThread("test-loop", Duration.ofSeconds(5));

    @Test
    void runsItsTasksOneAfterAnotherOnTheOneNamedThread() {
        // Given a started thread, which a second start leaves as it is
        assertThat(thread.start()).isTrue();
        assertThat(thread.start()).isFalse();
        var names = new CopyOnWriteArrayList<String>();

        // When tasks are handed in now and later
        thread.execute(() -> names.add(Thread.currentThread().getName()));
        thread.schedule(() -> names.add(Thread.currentThread().getName()), Duration.ofMillis(20));

        // Then both run there
        await().atMost(Duration.ofSeconds(5)).until(() -> names.size() == 2);
        assertThat(names).containsOnly("test-loop");
        thread.stop();
    }

    @Test
    void dropsTasksHandedInWhileStopped() {
        // Given a thread that repeats a task, then stops
        var runs = new AtomicInteger();
        thread.start();
        thread.repeat(runs::incrementAndGet, Duration.ofMillis(5));
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 2);
        assertThat(thread.stop()).isTrue();
        int stoppedAt = runs.get();

        // When tasks are handed in after the stop
        boolean accepted = thread.execute(runs::incrementAndGet);
        thread.schedule(runs::incrementAndGet, Duration.ZERO);

        // Then none runs, and the repeated one has ended
        assertThat(accepted).isFalse();
        assertThat(runs.get()).isEqualTo(stoppedAt);
        assertThat(thread.isRunning()).isFalse();
        assertThat(thread.stop()).as("a second stop").isFalse();
    }
}
