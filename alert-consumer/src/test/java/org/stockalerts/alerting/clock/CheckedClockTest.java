package org.stockalerts.alerting.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.stockalerts.testsupport.MutableClock;

class CheckedClockTest {

    private static final Instant REFERENCE = Instant.parse("2026-12-04T06:00:00Z");
    private static final Duration AHEAD = Duration.ofMinutes(6);

    private final MutableClock host = new MutableClock(REFERENCE.plus(AHEAD));
    private final CheckedClock clock = new CheckedClock(new HostClock(host), CheckedClocks.SETTINGS);

    @Test
    void isTheHostClockButUncheckedBeforeTheFirstReading() {
        assertThat(clock.instant()).isEqualTo(host.instant());
        assertThat(clock.status()).isEqualTo(ClockStatus.UNCHECKED);
        assertThatThrownBy(clock::checkedInstant)
                .isInstanceOf(ClockUncheckedException.class)
                .hasMessageContaining("not been checked");
    }

    @Test
    void correctsTheHostClockByTheMeasuredSkew() {
        // Given the host measured six minutes ahead
        clock.record(new ClockReading("postgresql", AHEAD, Duration.ofMillis(1), host.instant()));

        // Then its time is the reference's, and stays so as both move on
        assertThat(clock.checkedInstant()).isEqualTo(REFERENCE);
        host.advance(Duration.ofSeconds(90));
        assertThat(clock.instant()).isEqualTo(REFERENCE.plusSeconds(90));
        assertThat(clock.status()).isEqualTo(ClockStatus.FRESH);
    }

    @Test
    void aLargeSkewNoLongerMeasuredPausesWhatNeedsACheckedTime() {
        // Given six minutes ahead, measured just over max-age (2 min) ago
        clock.record(new ClockReading("postgresql", AHEAD, Duration.ofMillis(1), host.instant()));
        host.advance(Duration.ofMinutes(2).plusMillis(1));

        // Then it is unchecked, though still corrected for what needs no checked time
        assertThat(clock.status()).isEqualTo(ClockStatus.UNCHECKED);
        assertThatThrownBy(clock::checkedInstant).hasMessageContaining("PT6M").hasMessageContaining("PT30S");
        assertThat(clock.instant())
                .isEqualTo(REFERENCE.plus(Duration.ofMinutes(2).plusMillis(1)));

        // And a fresh reading checks it again
        clock.record(new ClockReading("postgresql", AHEAD, Duration.ofMillis(1), host.instant()));
        assertThat(clock.status()).isEqualTo(ClockStatus.FRESH);
    }

    @Test
    void aSmallSkewNoLongerMeasuredIsStillTrusted() {
        clock.record(new ClockReading("postgresql", Duration.ofSeconds(-30), Duration.ofMillis(1), host.instant()));
        host.advance(Duration.ofHours(1));

        assertThat(clock.status()).isEqualTo(ClockStatus.STALE);
        assertThat(clock.checkedInstant()).isEqualTo(host.instant().plusSeconds(30));
    }

    @Test
    void aReadingDatedAfterNowIsNotFresh() {
        // the host clock was stepped back since the reading
        clock.record(new ClockReading("postgresql", AHEAD, Duration.ofMillis(1), host.instant()));
        host.set(REFERENCE);

        assertThat(clock.status()).isEqualTo(ClockStatus.UNCHECKED);
    }

    @Test
    void settingsRefuseAMaxAgeNotLongerThanTheRefresh() {
        assertThat(new ClockSettings(Duration.ofSeconds(30), 3, Duration.ofSeconds(30), Duration.ZERO)
                        .isMaxAgeLongerThanRefreshInterval())
                .isFalse();
        assertThat(CheckedClocks.SETTINGS.isMaxAgeLongerThanRefreshInterval()).isTrue();
    }
}
