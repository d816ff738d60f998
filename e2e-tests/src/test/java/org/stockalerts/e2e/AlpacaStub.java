package org.stockalerts.e2e;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.stockalerts.common.kafka.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * Alpaca on loopback: its IEX trade stream (a WebSocket that welcomes, authenticates and acknowledges subscriptions
 * as Alpaca does, and sends the trades the test pushes) and its REST bars, answering each request for a symbol's
 * one-minute bars with one bar of the test's high and low, the first whole minute after the start asked for. Keeps
 * the bar requests.
 */
final class AlpacaStub implements AutoCloseable {

    private final MockWebServer server = new MockWebServer();
    private final List<WebSocket> sockets = new CopyOnWriteArrayList<>();
    private final Set<String> subscribed = new TreeSet<>();
    private final List<RecordedRequest> barRequests = new CopyOnWriteArrayList<>();
    private volatile BigDecimal barHigh;
    private volatile BigDecimal barLow;
    private volatile Instant lastTradeAt;

    AlpacaStub() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.startsWith("/v2/stocks/")) {
                    barRequests.add(request);
                    return new MockResponse.Builder()
                            .code(200)
                            .setHeader("Content-Type", "application/json")
                            .body(bars(request))
                            .build();
                }
                return new MockResponse.Builder().webSocketUpgrade(new Stream()).build();
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    /** {@code STOCKALERTS_MARKETDATA_ALPACA_URL}. */
    String streamUrl() {
        return "ws://127.0.0.1:" + server.getPort() + "/v2/iex";
    }

    /** {@code STOCKALERTS_MARKETDATA_ALPACA_DATA_URL}. */
    String dataUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** The symbols the provider subscribed to now. */
    Set<String> subscribed() {
        synchronized (subscribed) {
            return Set.copyOf(subscribed);
        }
    }

    /** When the last trade was sent; null before the first. */
    Instant lastTradeAt() {
        return lastTradeAt;
    }

    /** A trade of {@code symbol} at {@code price} now, on every open connection. */
    void trade(String symbol, String price) {
        lastTradeAt = Instant.now();
        String frame =
                "[{\"T\":\"t\",\"S\":\"%s\",\"i\":1,\"x\":\"V\",\"p\":%s,\"s\":10,\"c\":[\"@\"],\"z\":\"C\",\"t\":\"%s\"}]"
                        .formatted(symbol, price, Instant.now());
        sockets.forEach(socket -> socket.send(frame));
    }

    /** From now on, the bars asked for have this high and low (an up bar: opens at the low, closes at the high). */
    void barsWith(String high, String low) {
        barHigh = new BigDecimal(high);
        barLow = new BigDecimal(low);
    }

    /** The bar requests so far. */
    List<RecordedRequest> barRequests() {
        return List.copyOf(barRequests);
    }

    private String bars(RecordedRequest request) {
        String symbol = request.getUrl().pathSegments().get(2);
        List<String> bars = new ArrayList<>();
        if (barHigh != null) {
            // the first whole minute after the start asked for: only bars lying inside the gap are caught up
            Instant start = Instant.parse(request.getUrl().queryParameter("start"));
            Instant minute = start.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
            bars.add("{\"t\":\"%s\",\"o\":%s,\"h\":%s,\"l\":%s,\"c\":%s,\"v\":100,\"n\":5,\"vw\":%s}"
                    .formatted(minute, barLow, barHigh, barLow, barHigh, barLow));
        }
        return "{\"bars\":[" + String.join(",", bars) + "],\"symbol\":\"" + symbol + "\",\"next_page_token\":null}";
    }

    /** One connection of the trade stream, the server's side. */
    private final class Stream extends WebSocketListener {

        @Override
        public void onOpen(WebSocket socket, Response response) {
            sockets.add(socket);
            socket.send("[{\"T\":\"success\",\"msg\":\"connected\"}]");
        }

        @Override
        public void onMessage(WebSocket socket, String text) {
            JsonNode message = EventJson.mapper().readTree(text.getBytes(StandardCharsets.UTF_8));
            switch (message.path("action").asString("")) {
                case "auth" -> socket.send("[{\"T\":\"success\",\"msg\":\"authenticated\"}]");
                case "subscribe", "unsubscribe" -> {
                    String trades;
                    synchronized (subscribed) {
                        message.path("trades").forEach(symbol -> {
                            if (message.path("action").asString().equals("subscribe")) {
                                subscribed.add(symbol.asString());
                            } else {
                                subscribed.remove(symbol.asString());
                            }
                        });
                        trades = String.join(
                                ",",
                                subscribed.stream().map(s -> "\"" + s + "\"").toList());
                    }
                    socket.send("[{\"T\":\"subscription\",\"trades\":[" + trades + "],\"quotes\":[],\"bars\":[]}]");
                }
                default -> {}
            }
        }

        @Override
        public void onClosing(WebSocket socket, int code, String reason) {
            sockets.remove(socket);
            socket.close(1000, null);
        }

        @Override
        public void onFailure(WebSocket socket, Throwable failure, Response response) {
            sockets.remove(socket);
        }
    }

    @Override
    public void close() {
        sockets.forEach(socket -> socket.close(1001, "going away"));
        server.close();
    }
}
