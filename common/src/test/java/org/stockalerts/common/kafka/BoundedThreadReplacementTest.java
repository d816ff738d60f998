package org.stockalerts.common.kafka;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.MutableClock;
import org.stockalerts.testsupport.SettingsBinding;

class BoundedThreadReplacementTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final RuntimeException FAULT = new IllegalStateException("poisoned state");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T15:00:00Z"));

    @Test
    void replacesThreadsUpToTheBudgetThenShutsTheClientDown() {
        // Given a budget of three replacements in ten minutes
        BoundedThreadReplacement handler = new BoundedThreadReplacement(clock, 3, WINDOW);

        // When four threads die a minute apart
        List<StreamThreadExceptionResponse> answers = new ArrayList<>();
        for (int death = 0; death < 4; death++) {
            answers.add(handler.handle(FAULT));
            clock.advance(Duration.ofMinutes(1));
        }

        // Then the first three are replaced and the fourth shuts the client down
        assertThat(answers).containsExactly(REPLACE_THREAD, REPLACE_THREAD, REPLACE_THREAD, SHUTDOWN_CLIENT);
        assertThat(handler.replacedThreads()).isEqualTo(3);
    }

    @Test
    void aReplacementOlderThanTheWindowNoLongerCounts() {
        // Given a budget of two, spent at 15:00 and 15:05
        BoundedThreadReplacement handler = new BoundedThreadReplacement(clock, 2, WINDOW);
        handler.handle(FAULT);
        clock.advance(Duration.ofMinutes(5));
        handler.handle(FAULT);

        // When a thread dies at 15:09:59 (both still in the window), and again at 15:10 (the first one has left it)
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        StreamThreadExceptionResponse inWindow = handler.handle(FAULT);
        clock.advance(Duration.ofSeconds(1));
        StreamThreadExceptionResponse afterFirstLeft = handler.handle(FAULT);

        // Then the first is refused and the second replaced
        assertThat(inWindow).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(afterFirstLeft).isEqualTo(REPLACE_THREAD);
        assertThat(handler.replacedThreads()).isEqualTo(3);
    }

    @Test
    void aBudgetOfZeroShutsTheClientDownAtTheFirstDeath() {
        BoundedThreadReplacement handler = new BoundedThreadReplacement(clock, 0, WINDOW);

        assertThat(handler.handle(FAULT)).isEqualTo(SHUTDOWN_CLIENT);
        assertThat(handler.replacedThreads()).isZero();
    }

    @Test
    void refusesANegativeBudgetAndAnEmptyWindow() {
        assertThatThrownBy(() -> new BoundedThreadReplacement(clock, -1, WINDOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoundedThreadReplacement(clock, 1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bindsTheSettingsWithTheirDefaultsAndRefusesNonsense() {
        StreamsClientSettings defaults = SettingsBinding.bind(StreamsClientSettings.class);

        assertThat(defaults.maxThreadReplacements()).isEqualTo(5);
        assertThat(defaults.replacementWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.closeTimeout()).isEqualTo(Duration.ofSeconds(10));
        SettingsBinding.assertRefused(StreamsClientSettings.class, "max-thread-replacements", "-1");
        SettingsBinding.assertRefused(StreamsClientSettings.class, "replacement-window", "0s");
        SettingsBinding.assertRefused(StreamsClientSettings.class, "close-timeout", "500ms");
    }
}
