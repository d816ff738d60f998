package org.stockalerts.alerting.clock;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code clock} component of {@code /actuator/health}: UP while the host's clock is checked
 * ({@link ClockStatus#FRESH} or {@link ClockStatus#STALE}), DOWN while it is {@link ClockStatus#UNCHECKED}
 * (webhook signing pauses then), with the details {@code skew} (ISO duration, how far the host is
 * ahead), {@code reference}, {@code measuredAt} (host time), {@code roundTrip} and {@code status}.
 */
@Component
@RequiredArgsConstructor
public class ClockHealthIndicator implements HealthIndicator {

    private final CheckedClock clock;
    private final ClockSettings settings;

    @Override
    public Health health() {
        ClockStatus status = clock.status();
        Health.Builder health = status == ClockStatus.UNCHECKED ? Health.down() : Health.up();
        health.withDetail("status", status.name())
                .withDetail("maxSkew", settings.maxSkew().toString());
        ClockReading reading = clock.lastReading();
        if (reading != null) {
            health.withDetail("skew", reading.skew().toString())
                    .withDetail("reference", reading.reference())
                    .withDetail("measuredAt", reading.measuredAt().toString())
                    .withDetail("roundTrip", reading.roundTrip().toString());
        }
        return health.build();
    }
}
