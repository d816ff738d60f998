package org.stockalerts.common.kafka.redrive;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One redrive: which dead-letter topic, only the dead letters written at or after {@code since}
 * (null: all of them), and whether to only count them.
 *
 * @param since the earliest record timestamp (when the record was dead-lettered) to republish, or null
 * @param dryRun count and report, republish and commit nothing
 */
public record RedriveRequest(String deadLetterTopic, Instant since, boolean dryRun) {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)([smhd])");

    public RedriveRequest {
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
    }

    /**
     * The instant {@code text} names: an ISO-8601 instant ({@code 2026-12-03T10:00:00Z}), or a
     * duration back from now, ISO ({@code PT2H}) or short ({@code 90s}, {@code 15m}, {@code 2h},
     * {@code 7d}). Null or blank is no limit (null).
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Instant since(String text, Clock clock) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        Matcher matcher = SHORT_DURATION.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            Duration back = switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return clock.instant().minus(back);
        }
        try {
            return value.startsWith("P") || value.startsWith("p")
                    ? clock.instant().minus(Duration.parse(value))
                    : Instant.parse(value);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "since must be an ISO instant (2026-12-03T10:00:00Z) or a duration (2h, 30m, PT2H), not '" + value
                            + "'");
        }
    }
}
