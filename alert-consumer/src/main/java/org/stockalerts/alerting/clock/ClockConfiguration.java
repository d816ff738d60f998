package org.stockalerts.alerting.clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * alert-consumer's {@link Clock} bean is the {@link CheckedClock} (common's plain system clock then
 * stands back), over the {@link HostClock}. Gauges: {@value #SKEW} (seconds the host is ahead of the
 * reference at the last reading, 0 before one) and {@value #AGE} (seconds since that reading, NaN before one).
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    static final String SKEW = "stockalerts.clock.skew";
    static final String AGE = "stockalerts.clock.measurement.age";

    @Bean
    HostClock hostClock() {
        return new HostClock(Clock.systemUTC());
    }

    @Bean
    CheckedClock checkedClock(HostClock host, ClockSettings settings, MeterRegistry meters) {
        CheckedClock clock = new CheckedClock(host, settings);
        Gauge.builder(SKEW, clock, checked -> seconds(checked.skew()))
                .description("How far the host clock is ahead of the reference (PostgreSQL) at the last reading")
                .baseUnit("seconds")
                .register(meters);
        Gauge.builder(
                        AGE,
                        clock,
                        checked -> checked.lastReading() == null
                                ? Double.NaN
                                : seconds(Duration.between(
                                        checked.lastReading().measuredAt(),
                                        host.clock().instant())))
                .description("Seconds since the host clock was last measured against the reference")
                .baseUnit("seconds")
                .register(meters);
        return clock;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
