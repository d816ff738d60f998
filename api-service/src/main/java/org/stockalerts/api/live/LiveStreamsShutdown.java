package org.stockalerts.api.live;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ends the open live streams when the instance stops, just before the web server's graceful shutdown. Each stream
 * is an asynchronous request that never ends by itself, so the graceful shutdown used to wait its whole timeout
 * ({@code spring.lifecycle.timeout-per-shutdown-phase}, 30 s) for them, with the live listener already stopped: the
 * clients got nothing for 30 s, then a cut connection. Ended cleanly, they reconnect at once with their
 * {@code Last-Event-ID} to another instance, which resumes them without a gap, and the instance stops in moments.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class LiveStreamsShutdown implements SmartLifecycle {

    /** Stopped just before the graceful shutdown (a higher phase stops earlier). */
    static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;

    private final LiveHub hub;
    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        hub.endStreams();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
