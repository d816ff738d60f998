package org.stockalerts.common.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which of the Kafka client's "recoverable issue" warnings the filter drops: only those about Streams' own topics. */
class StreamsStartupWarningsTest {

    /** As Kafka's client logs it: formatted by the client, with its prefix. */
    private static final String FORMAT =
            "[Consumer clientId=engine-1, groupId=engine] The metadata response from the cluster reported a "
                    + "recoverable issue with correlation id 7 : %s";

    private final StreamsStartupWarnings.Filter filter = new StreamsStartupWarnings.Filter();

    @Test
    void dropsTheWarningWhenOnlyRepartitionOrChangelogTopicsAreMissing() {
        Map<String, String> missing = Map.of(
                "alert-engine-engine-ticks-by-symbol-repartition", "UNKNOWN_TOPIC_OR_PARTITION",
                "alert-engine-symbols-changelog", "UNKNOWN_TOPIC_OR_PARTITION");

        assertThat(filter.decide(event(StreamsStartupWarnings.LOGGER, Level.WARN, FORMAT, missing)))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void keepsTheWarningWhenOneOfOurTopicsIsMissing() {
        Map<String, String> missing = Map.of(
                "alert-engine-engine-ticks-by-symbol-repartition", "UNKNOWN_TOPIC_OR_PARTITION",
                "stock-prices", "UNKNOWN_TOPIC_OR_PARTITION");

        assertThat(filter.decide(event(StreamsStartupWarnings.LOGGER, Level.WARN, FORMAT, missing)))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void keepsAnyOtherErrorOfAnInternalTopic() {
        Map<String, String> denied = Map.of("alert-engine-symbols-changelog", "TOPIC_AUTHORIZATION_FAILED");

        assertThat(filter.decide(event(StreamsStartupWarnings.LOGGER, Level.WARN, FORMAT, denied)))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void leavesEveryOtherLineAlone() {
        Map<String, String> missing = Map.of("x-repartition", "UNKNOWN_TOPIC_OR_PARTITION");

        assertThat(filter.decide(event("org.apache.kafka.clients.Metadata", Level.WARN, FORMAT, missing)))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(event(StreamsStartupWarnings.LOGGER, Level.ERROR, FORMAT, missing)))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(
                        event(StreamsStartupWarnings.LOGGER, Level.WARN, "Connection to node 1 failed %s", missing)))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    private static LoggingEvent event(String logger, Level level, String format, Map<String, String> errors) {
        Logger source = new LoggerContext().getLogger(logger);
        return new LoggingEvent(
                Logger.class.getName(), source, level, format.formatted(new TreeMap<>(errors)), null, null);
    }
}
