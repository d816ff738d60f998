package org.stockalerts.api.marketdata.streaming;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockalerts.api.marketdata.Quote;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.kafka.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * Finnhub's trade stream: {@code <url>?token=<token>}; {@code {"type":"subscribe","symbol":…}} and
 * {@code unsubscribe} per symbol; frames {@code {"type":"trade","data":[{"s","p","t","v","c"}, …]}} with several
 * trades each ({@code t} in epoch milliseconds), {@code {"type":"ping"}} from the server, and
 * {@code {"type":"error","msg":…}}. An error naming the token or the key ends the connection and the next waits
 * {@code reconnect-max}; other errors are logged. No intraday bars: Finnhub's candles need a paid plan, and its trades
 * carry no day high or low, so a blind feed's catch-up has no prices ({@code NONE}).
 */
public final class FinnhubProvider extends StreamingQuoteProvider {

    private static final Logger log = LoggerFactory.getLogger(FinnhubProvider.class);

    private final FinnhubSettings settings;

    public FinnhubProvider(OkHttpClient http, FinnhubSettings settings, StreamingSettings streaming, Clock clock) {
        super(http, streaming, settings.maxSymbols(), clock);
        if (settings.token().isBlank()) {
            throw new IllegalStateException(
                    "stockalerts.marketdata.provider=finnhub needs STOCKALERTS_MARKETDATA_FINNHUB_TOKEN to be set");
        }
        this.settings = settings;
    }

    @Override
    public TickSource source() {
        return TickSource.FINNHUB;
    }

    @Override
    protected Request connectRequest() {
        HttpUrl url = HttpUrl.get(settings.url().replaceFirst("^ws", "http"))
                .newBuilder()
                .addQueryParameter("token", settings.token())
                .build();
        return new Request.Builder().url(url).build();
    }

    @Override
    protected boolean readyOnOpen() {
        return true;
    }

    @Override
    protected void subscribe(WebSocket socket, Set<Symbol> symbols) {
        symbols.forEach(symbol -> socket.send(message("subscribe", symbol)));
    }

    @Override
    protected void unsubscribe(WebSocket socket, Set<Symbol> symbols) {
        symbols.forEach(symbol -> socket.send(message("unsubscribe", symbol)));
    }

    @Override
    protected void onText(Connection connection, String text) {
        JsonNode frame = EventJson.mapper().readTree(text);
        switch (frame.path("type").asString("")) {
            case "trade" -> {
                for (JsonNode trade : frame.path("data")) {
                    connectionTrade(connection, trade);
                }
            }
            case "ping" -> {}
            case "error" -> {
                String message = frame.path("msg").asString("");
                log.atWarn()
                        .addKeyValue("provider", "finnhub")
                        .addKeyValue("error", message)
                        .log("provider error");
                String lower = message.toLowerCase(Locale.ROOT);
                if (lower.contains("token") || lower.contains("api key") || lower.contains("unauthorized")) {
                    connection.refuse("the provider refused the token: " + message);
                }
            }
            default -> {}
        }
    }

    private void connectionTrade(Connection connection, JsonNode trade) {
        String symbol = trade.path("s").asString("");
        JsonNode price = trade.path("p");
        JsonNode time = trade.path("t");
        if (symbol.isEmpty() || !price.isNumber() || !time.isNumber()) {
            return;
        }
        BigDecimal value = price.decimalValue();
        if (value.signum() <= 0) {
            return;
        }
        trade(connection, Quote.of(Symbol.of(symbol), value, null, Instant.ofEpochMilli(time.asLong())));
    }

    private static String message(String type, Symbol symbol) {
        Map<String, String> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("symbol", symbol.value());
        return new String(EventJson.write(message), StandardCharsets.UTF_8);
    }
}
