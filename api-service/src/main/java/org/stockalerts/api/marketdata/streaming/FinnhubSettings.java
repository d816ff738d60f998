package org.stockalerts.api.marketdata.streaming;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Finnhub's trade stream ({@code stockalerts.marketdata.finnhub.*}, e.g. {@code STOCKALERTS_MARKETDATA_FINNHUB_TOKEN}).
 *
 * @param url the WebSocket address, without the token (Finnhub's own; a local fake in tests)
 * @param token the API token, sent as the {@code token} query parameter; never logged
 * @param maxSymbols the most symbols subscribed at once (Finnhub's free plan: 50); past it, the first in alphabetical
 *     order are streamed and the rest are reported
 */
@Validated
@ConfigurationProperties("stockalerts.marketdata.finnhub")
public record FinnhubSettings(
        @DefaultValue("wss://ws.finnhub.io") @NotBlank String url,
        @DefaultValue("") String token,
        @DefaultValue("50") @Min(1) int maxSymbols) {

    @Override
    public String toString() {
        return "FinnhubSettings[url=" + url + ", maxSymbols=" + maxSymbols + "]";
    }
}
