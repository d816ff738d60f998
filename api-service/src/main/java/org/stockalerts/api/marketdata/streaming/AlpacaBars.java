package org.stockalerts.api.marketdata.streaming;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockalerts.api.marketdata.IntradayBar;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.kafka.EventJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Alpaca's one-minute IEX bars over a blind feed's gap: {@code GET {data-url}/v2/stocks/{symbol}/bars?timeframe=1Min
 * &start&end&feed=iex&limit}, the key in the {@code APCA-API-KEY-ID} and {@code APCA-API-SECRET-KEY} headers (never
 * logged), each bar {@code {"t","o","h","l","c","v"}} named by its start. One page (up to 10,000 minutes, a week of
 * trading) is enough: a longer gap is merged down to 250 groups anyway. A bar without a time or a positive price is
 * left out; any other failure answers no bars.
 */
final class AlpacaBars {

    private static final Logger log = LoggerFactory.getLogger(AlpacaBars.class);

    /** Alpaca's largest page. */
    static final int MAX_LIMIT = 10_000;

    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

    private final OkHttpClient http;
    private final HttpUrl bars;
    private final AlpacaSettings settings;

    /** {@code http} is the stream's client; the bars' calls share its pool, bounded by {@code data-timeout}. */
    AlpacaBars(OkHttpClient http, AlpacaSettings settings) {
        this.http = http.newBuilder()
                .pingInterval(Duration.ZERO)
                .callTimeout(settings.dataTimeout())
                .build();
        this.bars = HttpUrl.get(settings.dataUrl());
        this.settings = settings;
    }

    /** The bars of {@code symbol} from the minute {@code from} falls in up to {@code to}; none when the call fails. */
    List<IntradayBar> between(Symbol symbol, Instant from, Instant to) {
        Instant start = from.truncatedTo(ChronoUnit.MINUTES);
        long minutes = Duration.between(start, to).toMinutes() + 1;
        HttpUrl url = bars.newBuilder()
                .addPathSegments("v2/stocks")
                .addPathSegment(symbol.value())
                .addPathSegment("bars")
                .addQueryParameter("timeframe", "1Min")
                .addQueryParameter("start", start.toString())
                .addQueryParameter("end", to.toString())
                .addQueryParameter("feed", "iex")
                .addQueryParameter("limit", Long.toString(Math.min(minutes, MAX_LIMIT)))
                .build();
        Request request = new Request.Builder()
                .url(url)
                .header("APCA-API-KEY-ID", settings.keyId())
                .header("APCA-API-SECRET-KEY", settings.secret())
                .get()
                .build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                return none(symbol, "HTTP " + response.code());
            }
            return read(symbol, response.body().string());
        } catch (IOException e) {
            // only the type: a message may quote the request
            return none(symbol, e.getClass().getSimpleName());
        } catch (JacksonException e) {
            return none(symbol, "malformed answer: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            // whatever else the answer provokes: the catch-up goes without bars rather than stop the poll
            return none(symbol, "unreadable answer: " + e.getClass().getSimpleName());
        }
    }

    private static List<IntradayBar> read(Symbol symbol, String body) {
        JsonNode list = EventJson.mapper().readTree(body).path("bars");
        List<IntradayBar> read = new ArrayList<>();
        int skipped = 0;
        for (JsonNode bar : list) {
            try {
                Instant start = Instant.parse(bar.path("t").asString());
                read.add(new IntradayBar(
                        start,
                        start.plus(ONE_MINUTE),
                        price(bar, "o"),
                        price(bar, "h"),
                        price(bar, "l"),
                        price(bar, "c")));
            } catch (DateTimeException | IllegalArgumentException e) {
                skipped++;
            }
        }
        if (skipped > 0) {
            log.atWarn()
                    .addKeyValue("provider", "alpaca")
                    .addKeyValue("symbol", symbol)
                    .addKeyValue("skipped", skipped)
                    .log("intraday bars without a time or a positive price left out of the catch-up");
        }
        read.sort((a, b) -> a.start().compareTo(b.start()));
        return read;
    }

    private static BigDecimal price(JsonNode bar, String field) {
        JsonNode value = bar.path(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("bar field '" + field + "' is not a number");
        }
        return value.decimalValue();
    }

    private static List<IntradayBar> none(Symbol symbol, String reason) {
        log.atWarn()
                .addKeyValue("provider", "alpaca")
                .addKeyValue("symbol", symbol)
                .addKeyValue("reason", reason)
                .log("intraday bars not available; the catch-up goes without them");
        return List.of();
    }
}
