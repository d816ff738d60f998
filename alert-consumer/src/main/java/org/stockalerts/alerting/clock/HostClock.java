package org.stockalerts.alerting.clock;

import java.time.Clock;

/**
 * This host's own clock, as the operating system gives it: unchecked, possibly minutes off. Only
 * {@link CheckedClock} reads it (tests replace it to run the service on a shifted clock).
 */
public record HostClock(Clock clock) {}
