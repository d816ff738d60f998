package org.stockalerts.common.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.preferences.DeliveryPreferences.Hold;
import org.stockalerts.common.preferences.DeliveryPreferences.HoldReason;

class DeliveryPreferencesTest {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final DeliveryPreferences PREFERENCES = new DeliveryPreferences(
            KOLKATA, new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)), Map.of(ChannelType.EMAIL, 3));

    @Test
    void quietHoursHoldEveryChannelUntilTheyEndWithoutCountingTheDay() {
        Instant night = Instant.parse("2026-06-01T18:00:00Z"); // 23:30 in Kolkata
        AtomicInteger counted = new AtomicInteger();

        assertThat(PREFERENCES.hold(ChannelType.WEBHOOK, night, () -> counted.incrementAndGet()))
                .contains(new Hold(HoldReason.QUIET_HOURS, Instant.parse("2026-06-02T01:30:00Z")));
        assertThat(counted).hasValue(0);
    }

    @Test
    void pastTheDailyCapAHoldLastsToTheNextFullHourOfTheUsersClock() {
        Instant noon = Instant.parse("2026-06-01T06:40:00Z"); // 12:10 in Kolkata

        assertThat(PREFERENCES.hold(ChannelType.EMAIL, noon, () -> 2)).isEmpty();
        assertThat(PREFERENCES.hold(ChannelType.EMAIL, noon, () -> 3))
                .contains(new Hold(HoldReason.DAILY_CAP, Instant.parse("2026-06-01T07:30:00Z")));
        assertThat(PREFERENCES.hold(ChannelType.WEBHOOK, noon, () -> 1_000)).isEmpty();
    }

    @Test
    void theDayStartsAtTheUsersMidnight() {
        assertThat(PREFERENCES.dayStart(Instant.parse("2026-06-01T20:00:00Z")))
                .isEqualTo(Instant.parse("2026-06-01T18:30:00Z"));
        assertThat(DeliveryPreferences.NONE.dayStart(Instant.parse("2026-06-01T20:00:00Z")))
                .isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
    }

    @Test
    void readsAndWritesTheStoredForm() {
        DeliveryPreferences stored = DeliveryPreferences.stored(
                "Asia/Kolkata", LocalTime.of(22, 0), LocalTime.of(7, 0), PREFERENCES.storedCaps());

        assertThat(stored).isEqualTo(PREFERENCES);
        assertThat(PREFERENCES.storedCaps()).isEqualTo("{\"EMAIL\":3}");
        assertThat(DeliveryPreferences.stored("UTC", null, null, "{}"))
                .isEqualTo(new DeliveryPreferences(ZoneId.of("UTC"), null, Map.of()));
    }

    @Test
    void aCapIsAtLeastOne() {
        assertThatThrownBy(() -> new DeliveryPreferences(KOLKATA, null, Map.of(ChannelType.EMAIL, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
