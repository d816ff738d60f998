package org.stockalerts.api.marketdata.streaming;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockalerts.api.marketdata.IntradayBar;
import org.stockalerts.api.marketdata.Quote;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.kafka.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * Alpaca's IEX trade stream: after its welcome ({@code [{"T":"success","msg":"connected"}]}) the connection sends
 * {@code {"action":"auth","key","secret"}} (within Alpaca's 10 s) and is ready once {@code authenticated};
 * {@code {"action":"subscribe","trades":[…]}} and {@code unsubscribe} change the subscription, each acknowledged with
 * the whole of it ({@code [{"T":"subscription","trades":[…]}]}); trades come as arrays of {@code {"T":"t","S","p",
 * "s","t"}} ({@code t} RFC 3339). Errors {@code [{"T":"error","code","msg"}]}: 402 (auth failed), 406 (connection
 * limit) and 401/404 (not authenticated in time) end the connection and the next waits {@code reconnect-max}; 405
 * (symbol limit) keeps the subscription Alpaca acknowledged; 407 (slow client) reconnects. A blind feed's catch-up asks
 * Alpaca's REST API for the gap's one-minute bars.
 */
public final class AlpacaProvider extends StreamingQuoteProvider {

    private static final Logger log = LoggerFactory.getLogger(AlpacaProvider.class);

    private final AlpacaSettings settings;
    private final AlpacaBars bars;

    public AlpacaProvider(OkHttpClient http, AlpacaSettings settings, StreamingSettings streaming, Clock clock) {
        super(http, streaming, settings.maxSymbols(), clock);
        if (settings.keyId().isBlank() || settings.secret().isBlank()) {
            throw new IllegalStateException("stockalerts.marketdata.provider=alpaca needs"
                    + " STOCKALERTS_MARKETDATA_ALPACA_KEY_ID and STOCKALERTS_MARKETDATA_ALPACA_SECRET to be set");
        }
        this.settings = settings;
        this.bars = new AlpacaBars(http, settings);
    }

    @Override
    public TickSource source() {
        return TickSource.ALPACA;
    }

    /** Alpaca's one-minute IEX bars over the gap, from its REST API ({@link AlpacaBars}). */
    @Override
    public List<IntradayBar> intradayBars(Symbol symbol, Instant from, Instant to) {
        return bars.between(symbol, from, to);
    }

    @Override
    public Duration intradayBarsTimeout() {
        return settings.dataTimeout();
    }

    @Override
    protected Request connectRequest() {
        return new Request.Builder().url(settings.url()).build();
    }

    @Override
    protected boolean readyOnOpen() {
        return false;
    }

    @Override
    protected void subscribe(WebSocket socket, Set<Symbol> symbols) {
        socket.send(action("subscribe", symbols));
    }

    @Override
    protected void unsubscribe(WebSocket socket, Set<Symbol> symbols) {
        socket.send(action("unsubscribe", symbols));
    }

    @Override
    protected void onText(Connection connection, String text) {
        JsonNode frame = EventJson.mapper().readTree(text);
        for (JsonNode message :
                frame.isArray() ? frame : EventJson.mapper().createArrayNode().add(frame)) {
            switch (message.path("T").asString("")) {
                case "t" -> trade(connection, message);
                case "success" -> {
                    String what = message.path("msg").asString("");
                    if (what.equals("connected")) {
                        Map<String, String> auth = new LinkedHashMap<>();
                        auth.put("action", "auth");
                        auth.put("key", settings.keyId());
                        auth.put("secret", settings.secret());
                        connection.socket().send(new String(EventJson.write(auth), StandardCharsets.UTF_8));
                    } else if (what.equals("authenticated")) {
                        connection.ready();
                    }
                }
                case "subscription" -> {
                    Set<Symbol> acknowledged = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
                    message.path("trades").forEach(symbol -> acknowledged.add(Symbol.of(symbol.asString())));
                    connection.subscriptionIs(acknowledged);
                }
                case "error" ->
                    error(
                            connection,
                            message.path("code").asInt(),
                            message.path("msg").asString(""));
                default -> {}
            }
        }
    }

    private void trade(Connection connection, JsonNode trade) {
        String symbol = trade.path("S").asString("");
        JsonNode price = trade.path("p");
        String time = trade.path("t").asString("");
        if (symbol.isEmpty()
                || !price.isNumber()
                || time.isEmpty()
                || price.decimalValue().signum() <= 0) {
            return;
        }
        trade(connection, Quote.of(Symbol.of(symbol), price.decimalValue(), null, Instant.parse(time)));
    }

    private void error(Connection connection, int code, String message) {
        log.atWarn()
                .addKeyValue("provider", "alpaca")
                .addKeyValue("code", code)
                .addKeyValue("error", message)
                .log("provider error");
        switch (code) {
            case 401, 402, 404, 406 -> connection.refuse(code + " " + message);
            case 407 -> connection.close(code + " " + message);
            default -> {}
        }
    }

    private static String action(String action, Set<Symbol> symbols) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        body.put("trades", symbols.stream().map(Symbol::value).sorted().toList());
        return new String(EventJson.write(body), StandardCharsets.UTF_8);
    }
}
