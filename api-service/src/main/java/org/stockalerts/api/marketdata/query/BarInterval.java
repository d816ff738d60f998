package org.stockalerts.api.marketdata.query;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The bar widths the API offers, as written in a query string. */
public enum BarInterval {
    ONE_MINUTE("1m", Duration.ofMinutes(1)),
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    ONE_HOUR("1h", Duration.ofHours(1)),
    ONE_DAY("1d", Duration.ofDays(1));

    private final String label;
    private final Duration duration;

    BarInterval(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    /** The interval written as {@code label}, e.g. {@code 5m}. */
    public static BarInterval parse(String label) {
        return find(label)
                .orElseThrow(() -> new IllegalArgumentException("interval must be one of "
                        + Arrays.stream(values()).map(BarInterval::label).collect(Collectors.joining(", "))
                        + ", was '" + label + "'"));
    }

    /** The interval of {@code label}, if it names one. */
    public static Optional<BarInterval> find(String label) {
        return Arrays.stream(values())
                .filter(interval -> interval.label.equals(label))
                .findFirst();
    }

    public String label() {
        return label;
    }

    public Duration duration() {
        return duration;
    }

    /** How the analytics service names this interval in {@code stock_analytics.bar_interval}. */
    List<String> analyticsNames() {
        return this == ONE_DAY ? List.of(duration.toString(), "P1D") : List.of(duration.toString());
    }

    /** This interval as a PostgreSQL interval literal, for {@code date_bin}. */
    String sqlInterval() {
        return duration.toSeconds() + " seconds";
    }
}
