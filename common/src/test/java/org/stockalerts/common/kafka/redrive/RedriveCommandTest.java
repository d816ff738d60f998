package org.stockalerts.common.kafka.redrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedriveCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T20:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsTheTopicSinceAsDurationOrInstantAndDryRun() {
        assertThat(RedriveCommand.parse(List.of("stock-prices.DLT", "--since", "2h", "--dry-run"), CLOCK))
                .isEqualTo(new RedriveRequest("stock-prices.DLT", Instant.parse("2026-12-03T18:00:00Z"), true));
        assertThat(RedriveCommand.parse(List.of("--since=2026-12-01T00:00:00Z", "user-events.DLT"), CLOCK))
                .isEqualTo(new RedriveRequest("user-events.DLT", Instant.parse("2026-12-01T00:00:00Z"), false));
        assertThat(RedriveRequest.since("PT30M", CLOCK)).isEqualTo(Instant.parse("2026-12-03T19:30:00Z"));
        assertThat(RedriveRequest.since("7d", CLOCK)).isEqualTo(Instant.parse("2026-11-26T20:00:00Z"));
        assertThat(RedriveRequest.since(" ", CLOCK)).isNull();
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> RedriveCommand.parse(List.of("--dry-run"), CLOCK))
                .hasMessageContaining("name the dead-letter topic");
        assertThatThrownBy(() -> RedriveCommand.parse(List.of("a.DLT", "b.DLT"), CLOCK))
                .hasMessageContaining("unexpected argument 'b.DLT'");
        assertThatThrownBy(() -> RedriveRequest.since("yesterday", CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'yesterday'");
    }

    @Test
    void exitsWithUsageForATopicThatIsNotADeadLetterTopicWithoutTouchingTheBroker() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RedriveCommand.run(
                new String[] {"redrive", "stock-prices"},
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1"),
                CLOCK,
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(RedriveCommand.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("'stock-prices' is not a dead-letter topic")
                .contains("Usage: redrive");
    }

    @Test
    void connectsAsTheServicesDoWithSaslOnlyWhenAUsernameIsSet() {
        assertThat(RedriveCommand.connection(Map.of("KAFKA_BROKER", "kafka:9092")))
                .containsExactly(Map.entry("bootstrap.servers", "kafka:9092"));
        assertThat(RedriveCommand.connection(Map.of("STOCKALERTS_KAFKA_SASL_USERNAME", "ops")))
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config");
    }
}
