package org.stockalerts.api.marketdata.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stockalerts.api.marketdata.Quote;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.testsupport.MutableClock;
import tools.jackson.databind.JsonNode;

/**
 * Finnhub's provider against a local fake of its WebSocket server: subscriptions that follow the watched symbols
 * without reconnecting, batched trades coalesced to the last per symbol, reconnection with resubscription after a
 * server close, a stall (pings, no trades, market open) taken for a dead stream, a refused token not retried in a
 * loop, the symbol limit, and a recorded session replayed through the fake.
 */
class FinnhubProviderTest {

    /** Monday 2026-12-07, 10:00 in New York: the regular session is open. */
    private static final Instant OPEN = Instant.parse("2026-12-07T15:00:00Z");

    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol MSFT = Symbol.of("MSFT");
    private static final Symbol NVDA = Symbol.of("NVDA");

    private final MutableClock clock = new MutableClock(OPEN);
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<Quote> quotes = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable each : opened) {
            each.close();
        }
    }

    @Test
    void subscribesToTheWatchedSymbolsCoalescesTradesAndFollowsChangesWithoutReconnecting() throws Exception {
        FakeStreamServer server = server(1);
        FinnhubProvider finnhub = provider(server, 50);

        // When the poller asks for AAPL and MSFT
        streamUntilSubscribed(finnhub, List.of(MSFT, AAPL), 2);

        // Then the connection carried the token, and the server got one subscribe per symbol
        assertThat(server.takeRequest().getUrl().queryParameter("token")).isEqualTo("secret-token");
        FakeStreamServer.Side side = server.nextConnection();
        assertThat(List.of(side.next(), side.next()))
                .containsExactlyInAnyOrder(
                        "{\"type\":\"subscribe\",\"symbol\":\"AAPL\"}", "{\"type\":\"subscribe\",\"symbol\":\"MSFT\"}");

        // When the server pings and sends three trades in one frame, two of AAPL
        side.send("{\"type\":\"ping\"}");
        side.send("{\"type\":\"trade\",\"data\":[{\"s\":\"AAPL\",\"p\":101.5,\"t\":1765119600000,\"v\":10},"
                + "{\"s\":\"AAPL\",\"p\":102.25,\"t\":1765119600100,\"v\":5},"
                + "{\"s\":\"MSFT\",\"p\":300,\"t\":1765119600050,\"v\":1,\"c\":[\"1\"]}]}");

        // Then one quote per symbol comes out, AAPL's the later trade
        awaitQuotes(finnhub, List.of(AAPL, MSFT), 2);
        assertThat(quotes)
                .extracting(Quote::symbol, quote -> quote.price().toPlainString(), Quote::observedAt)
                .containsExactlyInAnyOrder(
                        tuple(AAPL, "102.25", Instant.ofEpochMilli(1765119600100L)),
                        tuple(MSFT, "300", Instant.ofEpochMilli(1765119600050L)));
        assertThat(finnhub.fetch(List.of(AAPL, MSFT))).isEmpty();

        // When MSFT is no longer watched and NVDA is
        streamUntilSubscribed(finnhub, List.of(AAPL, NVDA), 2);

        // Then the server is told so on the same connection
        assertThat(List.of(side.next(), side.next()))
                .containsExactlyInAnyOrder(
                        "{\"type\":\"unsubscribe\",\"symbol\":\"MSFT\"}",
                        "{\"type\":\"subscribe\",\"symbol\":\"NVDA\"}");
        assertThat(finnhub.subscribed()).containsExactlyInAnyOrder(AAPL, NVDA);
        assertThat(server.connectionCount()).isEqualTo(1);
    }

    @Test
    void reconnectsAfterTheServerClosesAndSubscribesAgain() throws Exception {
        FakeStreamServer server = server(2);
        FinnhubProvider finnhub = provider(server, 50);
        streamUntilSubscribed(finnhub, List.of(AAPL), 1);
        FakeStreamServer.Side first = server.nextConnection();
        first.next();

        // When the server closes the connection
        first.close(1011, "restarting");

        // Then the provider opens another one after its backoff and subscribes again
        FakeStreamServer.Side second = awaitConnection(finnhub, server, List.of(AAPL));
        assertThat(second.next()).isEqualTo("{\"type\":\"subscribe\",\"symbol\":\"AAPL\"}");
        second.send("{\"type\":\"trade\",\"data\":[{\"s\":\"AAPL\",\"p\":99,\"t\":1765119601000,\"v\":1}]}");
        awaitQuotes(finnhub, List.of(AAPL), 1);
    }

    @Test
    void aStreamWithPingsButNoTradesInSessionIsReconnectedButNotWhenTheMarketIsClosed() throws Exception {
        FakeStreamServer server = server(2);
        FinnhubProvider finnhub = provider(server, 50);
        streamUntilSubscribed(finnhub, List.of(AAPL), 1);
        FakeStreamServer.Side first = server.nextConnection();
        first.next();

        // When only pings arrive for longer than stall-after while the session is open
        first.send("{\"type\":\"ping\"}");
        clock.advance(Duration.ofMinutes(3));

        // Then the connection is taken for stalled and replaced
        FakeStreamServer.Side second = awaitConnection(finnhub, server, List.of(AAPL));
        assertThat(second.next()).isEqualTo("{\"type\":\"subscribe\",\"symbol\":\"AAPL\"}");

        // And on a Saturday the same silence is only a quiet market
        clock.set(Instant.parse("2026-12-12T15:00:00Z"));
        streamUntilSubscribed(finnhub, List.of(AAPL), 1);
        clock.advance(Duration.ofMinutes(30));
        await().during(Duration.ofMillis(500)).atMost(FakeStreamServer.WAIT).until(() -> {
            finnhub.fetch(List.of(AAPL));
            return server.connectionCount() == 2 && finnhub.connected();
        });
    }

    @Test
    void aConnectionQuietOvernightIsNotTakenForStalledAtTheOpeningBell() throws Exception {
        // Given a connection subscribed at 09:00 in New York, before the session opens, without a trade since
        clock.set(Instant.parse("2026-12-07T14:00:00Z"));
        FakeStreamServer server = server(2);
        FinnhubProvider finnhub = provider(server, 50);
        streamUntilSubscribed(finnhub, List.of(AAPL), 1);

        // When the session opens at 09:30 and a minute passes
        clock.set(Instant.parse("2026-12-07T14:30:00Z"));
        finnhub.fetch(List.of(AAPL));
        clock.advance(Duration.ofMinutes(1));

        // Then the connection is kept: its silence counts from the opening, not from 09:00
        await().during(Duration.ofMillis(500)).atMost(FakeStreamServer.WAIT).until(() -> {
            finnhub.fetch(List.of(AAPL));
            return server.connectionCount() == 1 && finnhub.connected();
        });

        // And once it has been silent in session for longer than stall-after, it is replaced
        clock.advance(Duration.ofMinutes(2));
        awaitConnection(finnhub, server, List.of(AAPL));
    }

    @Test
    void aRefusedTokenWaitsReconnectMaxInsteadOfLooping() throws Exception {
        FakeStreamServer server = server(2);
        FinnhubProvider finnhub = provider(server, 50);
        streamUntilSubscribed(finnhub, List.of(AAPL), 1);
        FakeStreamServer.Side first = server.nextConnection();
        first.next();

        // When the server says the token is invalid
        first.send("{\"type\":\"error\",\"msg\":\"Invalid API key or token\"}");
        await().atMost(FakeStreamServer.WAIT).until(() -> {
            finnhub.fetch(List.of(AAPL));
            return !finnhub.connected();
        });

        // Then no new connection comes before reconnect-max (10 min here), one comes after it
        clock.advance(Duration.ofMinutes(5));
        await().during(Duration.ofMillis(500)).atMost(FakeStreamServer.WAIT).until(() -> {
            finnhub.fetch(List.of(AAPL));
            return server.connectionCount() == 1;
        });
        clock.advance(Duration.ofMinutes(6));
        awaitConnection(finnhub, server, List.of(AAPL));
    }

    @Test
    void streamsTheFirstSymbolsWithinItsLimit() throws Exception {
        FakeStreamServer server = server(1);
        FinnhubProvider finnhub = provider(server, 2);

        streamUntilSubscribed(finnhub, List.of(NVDA, MSFT, AAPL), 2);

        assertThat(finnhub.subscribed()).containsExactlyInAnyOrder(AAPL, MSFT);
    }

    @Test
    void aRecordedSessionYieldsTheLastTradeOfEachSymbol() throws Exception {
        List<String> frames = recorded("marketdata/finnhub-session.jsonl");
        FakeStreamServer server = server(1);
        FinnhubProvider finnhub = provider(server, 50);
        List<Symbol> watched = List.of(AAPL, MSFT, NVDA);
        streamUntilSubscribed(finnhub, watched, 3);
        FakeStreamServer.Side side = server.nextConnection();

        // When the recorded frames are replayed
        frames.forEach(side::send);

        // Then each symbol's quote is its last trade in the recording
        Map<Symbol, BigDecimal> expected = new HashMap<>();
        Map<Symbol, Long> at = new HashMap<>();
        for (String frame : frames) {
            JsonNode node = EventJson.mapper().readTree(frame);
            for (JsonNode trade : node.path("data")) {
                Symbol symbol = Symbol.of(trade.get("s").asString());
                long t = trade.get("t").asLong();
                if (at.getOrDefault(symbol, Long.MIN_VALUE) <= t) {
                    at.put(symbol, t);
                    expected.put(symbol, trade.get("p").decimalValue());
                }
            }
        }
        Map<Symbol, BigDecimal> latest = new HashMap<>();
        await().atMost(FakeStreamServer.WAIT).until(() -> {
            finnhub.fetch(watched).forEach(quote -> latest.put(quote.symbol(), quote.price()));
            return latest.equals(expected);
        });
    }

    private FakeStreamServer server(int connections) throws IOException {
        FakeStreamServer server = new FakeStreamServer(connections, side -> {});
        opened.add(server);
        return server;
    }

    private FinnhubProvider provider(FakeStreamServer server, int maxSymbols) {
        FinnhubProvider finnhub = new FinnhubProvider(
                new OkHttpClient(),
                new FinnhubSettings(server.url("/"), "secret-token", maxSymbols),
                new StreamingSettings(
                        Duration.ofMillis(250), Duration.ofMinutes(2), Duration.ofMillis(10), Duration.ofMinutes(10)),
                clock);
        opened.add(finnhub::release);
        return finnhub;
    }

    /** Asks as the poller does until {@code count} symbols are subscribed. */
    private void streamUntilSubscribed(StreamingQuoteProvider provider, List<Symbol> watched, int count) {
        await().atMost(FakeStreamServer.WAIT).until(() -> {
            quotes.addAll(provider.fetch(watched));
            return provider.subscribed().size() == count
                    && provider.subscribed()
                            .containsAll(watched.stream()
                                    .sorted((a, b) -> a.value().compareTo(b.value()))
                                    .limit(count)
                                    .toList());
        });
    }

    /** Asks as the poller does, the clock moving on, until the server has another connection. */
    private FakeStreamServer.Side awaitConnection(
            StreamingQuoteProvider provider, FakeStreamServer server, List<Symbol> watched) throws Exception {
        int before = server.connectionCount();
        await().atMost(FakeStreamServer.WAIT).until(() -> {
            clock.advance(Duration.ofMillis(100));
            quotes.addAll(provider.fetch(watched));
            return server.connectionCount() > before && !provider.subscribed().isEmpty();
        });
        return server.nextConnection();
    }

    private void awaitQuotes(StreamingQuoteProvider provider, List<Symbol> watched, int count) {
        quotes.clear();
        await().atMost(FakeStreamServer.WAIT).until(() -> {
            quotes.addAll(provider.fetch(watched));
            return quotes.stream().map(Quote::symbol).distinct().count() >= count;
        });
    }

    static List<String> recorded(String resource) throws IOException {
        try (InputStream in = FinnhubProviderTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        }
    }
}
