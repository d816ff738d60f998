package org.stockalerts.api.marketdata.streaming;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Alpaca's IEX trade stream ({@code stockalerts.marketdata.alpaca.*}, e.g. {@code STOCKALERTS_MARKETDATA_ALPACA_KEY_ID}).
 *
 * @param url the WebSocket address (Alpaca's IEX feed; a local fake in tests)
 * @param keyId the API key id, sent in the {@code auth} message
 * @param secret the API secret, sent in the {@code auth} message; never logged
 * @param maxSymbols the most symbols subscribed at once (Alpaca's free plan: 30); past it, the first in alphabetical
 *     order are streamed and the rest are reported
 * @param dataUrl the market-data REST API, asked for the one-minute bars of a blind feed's gap (a local fake in tests)
 * @param dataTimeout the longest a request for those bars may take, the poller waiting; past it the catch-up goes
 *     without bars
 */
@Validated
@ConfigurationProperties("stockalerts.marketdata.alpaca")
public record AlpacaSettings(
        @DefaultValue("wss://stream.data.alpaca.markets/v2/iex") @NotBlank
        String url,

        @DefaultValue("") String keyId,
        @DefaultValue("") String secret,
        @DefaultValue("30") @Min(1) int maxSymbols,

        @DefaultValue("https://data.alpaca.markets") @NotBlank
        String dataUrl,

        @DefaultValue("5s") @DurationMin(millis = 1) Duration dataTimeout) {

    @Override
    public String toString() {
        return "AlpacaSettings[url=" + url + ", keyId=" + keyId + ", maxSymbols=" + maxSymbols + ", dataUrl=" + dataUrl
                + "]";
    }
}
