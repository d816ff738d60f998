package org.stockalerts.api.marketdata.streaming;

import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by the streaming providers ({@code stockalerts.marketdata.streaming.*}, e.g.
 * {@code STOCKALERTS_MARKETDATA_STREAMING_COALESCE_INTERVAL}).
 *
 * @param coalesceInterval at most one tick per symbol per this interval: the trades of a busy symbol in between are
 *     coalesced into the last one (the poller takes what arrived this often)
 * @param stallAfter a connection that has had no trade of any subscribed symbol for this long while the NYSE's
 *     regular session is open (counted from the session's opening at the earliest) is taken for stalled (its pings may
 *     still arrive) and reconnected; longer than the quietest watched symbol's usual gap between trades
 * @param reconnectMin the first wait before reconnecting after a connection failed or closed
 * @param reconnectMax the longest wait: the wait doubles (with jitter) up to it, and a provider that refuses the
 *     credentials or the connection count waits this long each time
 */
@Validated
@ConfigurationProperties("stockalerts.marketdata.streaming")
public record StreamingSettings(
        @DefaultValue("250ms") @DurationMin(millis = 10) Duration coalesceInterval,
        @DefaultValue("5m") @DurationMin(seconds = 1) Duration stallAfter,
        @DefaultValue("1s") @DurationMin(millis = 1) Duration reconnectMin,
        @DefaultValue("1m") @DurationMin(millis = 1) Duration reconnectMax) {

    @AssertTrue(message = "reconnect-max must be at least reconnect-min")
    boolean isReconnectMaxAtLeastMin() {
        return reconnectMax.compareTo(reconnectMin) >= 0;
    }
}
