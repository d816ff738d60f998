package org.stockalerts.api.marketdata.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Alpaca's provider against a local fake of its IEX stream: the welcome, authentication and acknowledged
 * subscriptions, batched trades, a refused authentication not retried in a loop, a slow-client close reconnected, the
 * symbol-limit error keeping what Alpaca acknowledged, and a recorded session replayed through the fake.
 */
class AlpacaProviderTest {

    private static final Instant OPEN = Instant.parse("2026-12-07T15:00:00Z");
    private static final String WELCOME = "[{\"T\":\"success\",\"msg\":\"connected\"}]";
    private static final String AUTHENTICATED = "[{\"T\":\"success\",\"msg\":\"authenticated\"}]";
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol MSFT = Symbol.of("MSFT");

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
    void authenticatesSubscribesAndReadsBatchedTrades() throws Exception {
        FakeStreamServer server = server(1);
        AlpacaProvider alpaca = provider(server, 30);

        // When the poller asks for AAPL and MSFT
        FakeStreamServer.Side side = connectAndAuthenticate(alpaca, server, List.of(AAPL, MSFT));

        // Then one subscribe names both, and Alpaca's acknowledgement is the subscription
        assertThat(side.next()).isEqualTo("{\"action\":\"subscribe\",\"trades\":[\"AAPL\",\"MSFT\"]}");
        side.send("[{\"T\":\"subscription\",\"trades\":[\"AAPL\",\"MSFT\"],\"quotes\":[],\"bars\":[]}]");

        // When trades arrive in one array, two of AAPL
        side.send("[{\"T\":\"t\",\"S\":\"AAPL\",\"i\":52983525029461,\"x\":\"V\",\"p\":195.3,\"s\":100,"
                + "\"t\":\"2026-12-07T15:00:00.100000Z\",\"c\":[\"@\"],\"z\":\"C\"},"
                + "{\"T\":\"t\",\"S\":\"AAPL\",\"i\":52983525029462,\"x\":\"V\",\"p\":195.4,\"s\":10,"
                + "\"t\":\"2026-12-07T15:00:00.200000Z\",\"c\":[\"@\"],\"z\":\"C\"},"
                + "{\"T\":\"t\",\"S\":\"MSFT\",\"i\":1,\"x\":\"V\",\"p\":421,\"s\":5,"
                + "\"t\":\"2026-12-07T15:00:00.150000Z\",\"c\":[\"@\"],\"z\":\"C\"}]");

        // Then one quote per symbol, AAPL's the later
        awaitQuotes(alpaca, List.of(AAPL, MSFT), 2);
        Map<Symbol, BigDecimal> latest = new HashMap<>();
        quotes.forEach(quote -> latest.put(quote.symbol(), quote.price()));
        assertThat(latest).containsEntry(AAPL, new BigDecimal("195.4")).containsEntry(MSFT, new BigDecimal("421"));

        // When MSFT is no longer watched: unsubscribed on the same connection
        await().atMost(FakeStreamServer.WAIT).until(() -> {
            alpaca.fetch(List.of(AAPL));
            return alpaca.subscribed().equals(Set.of(AAPL));
        });
        assertThat(side.next()).isEqualTo("{\"action\":\"unsubscribe\",\"trades\":[\"MSFT\"]}");
        assertThat(server.connectionCount()).isEqualTo(1);
    }

    @Test
    void failedAuthenticationWaitsReconnectMaxAndASlowClientCloseReconnectsSoon() throws Exception {
        FakeStreamServer server = server(3);
        AlpacaProvider alpaca = provider(server, 30);

        // When Alpaca refuses the credentials
        FakeStreamServer.Side first = server(alpaca, server, List.of(AAPL));
        assertThat(first.next()).isEqualTo("{\"action\":\"auth\",\"key\":\"key-id\",\"secret\":\"key-secret\"}");
        first.send("[{\"T\":\"error\",\"code\":402,\"msg\":\"auth failed\"}]");

        // Then no new connection comes before reconnect-max, one after it
        await().atMost(FakeStreamServer.WAIT).until(() -> {
            alpaca.fetch(List.of(AAPL));
            return !alpaca.connected() && server.connectionCount() == 1;
        });
        clock.advance(Duration.ofMinutes(5));
        await().during(Duration.ofMillis(500)).atMost(FakeStreamServer.WAIT).until(() -> {
            alpaca.fetch(List.of(AAPL));
            return server.connectionCount() == 1;
        });
        clock.advance(Duration.ofMinutes(6));
        FakeStreamServer.Side second = server(alpaca, server, List.of(AAPL));
        second.next();
        second.send(AUTHENTICATED);
        streamUntilSubscribed(alpaca, List.of(AAPL));

        // When Alpaca drops it as a slow client, the next connection comes after the short backoff
        second.send("[{\"T\":\"error\",\"code\":407,\"msg\":\"slow client\"}]");
        FakeStreamServer.Side third = server(alpaca, server, List.of(AAPL));
        third.next();
        third.send(AUTHENTICATED);
        streamUntilSubscribed(alpaca, List.of(AAPL));
        assertThat(server.connectionCount()).isEqualTo(3);
    }

    @Test
    void aSymbolLimitErrorKeepsWhatAlpacaAcknowledged() throws Exception {
        FakeStreamServer server = server(1);
        AlpacaProvider alpaca = provider(server, 30);
        FakeStreamServer.Side side = connectAndAuthenticate(alpaca, server, List.of(AAPL, MSFT));
        side.next();

        side.send("[{\"T\":\"error\",\"code\":405,\"msg\":\"symbol limit exceeded\"}]");
        side.send("[{\"T\":\"subscription\",\"trades\":[\"AAPL\"],\"quotes\":[],\"bars\":[]}]");

        await().atMost(FakeStreamServer.WAIT).until(() -> alpaca.subscribed().equals(Set.of(AAPL)));

        // Then MSFT is not asked for again on this connection, however often the poller asks
        await().during(Duration.ofMillis(500)).atMost(FakeStreamServer.WAIT).until(() -> {
            alpaca.fetch(List.of(AAPL, MSFT));
            return side.received.isEmpty() && alpaca.connected();
        });
    }

    @Test
    void aConnectionNeverAuthenticatedIsGivenUpAndReplaced() throws Exception {
        FakeStreamServer server = server(2);
        AlpacaProvider alpaca = provider(server, 30);

        // When the server welcomes but never confirms the authentication
        FakeStreamServer.Side first = server(alpaca, server, List.of(AAPL));
        first.next();
        clock.advance(Duration.ofSeconds(16));

        // Then the provider opens another connection after its backoff
        FakeStreamServer.Side second = server(alpaca, server, List.of(AAPL));
        assertThat(second.next()).startsWith("{\"action\":\"auth\"");
    }

    @Test
    void aRecordedSessionYieldsTheLastTradeOfEachSymbol() throws Exception {
        List<String> frames = FinnhubProviderTest.recorded("marketdata/alpaca-session.jsonl");
        FakeStreamServer server = server(1);
        AlpacaProvider alpaca = provider(server, 30);
        List<Symbol> watched = List.of(AAPL, MSFT);
        FakeStreamServer.Side side = connectAndAuthenticate(alpaca, server, watched);
        side.next();

        frames.forEach(side::send);

        Map<Symbol, BigDecimal> expected = new HashMap<>();
        Map<Symbol, Instant> at = new HashMap<>();
        for (String frame : frames) {
            for (JsonNode message : EventJson.mapper().readTree(frame)) {
                if (message.path("T").asString("").equals("t")) {
                    Symbol symbol = Symbol.of(message.get("S").asString());
                    Instant t = Instant.parse(message.get("t").asString());
                    if (!at.containsKey(symbol) || !t.isBefore(at.get(symbol))) {
                        at.put(symbol, t);
                        expected.put(symbol, message.get("p").decimalValue());
                    }
                }
            }
        }
        Map<Symbol, BigDecimal> latest = new HashMap<>();
        await().atMost(FakeStreamServer.WAIT).until(() -> {
            alpaca.fetch(watched).forEach(quote -> latest.put(quote.symbol(), quote.price()));
            return latest.equals(expected);
        });
    }

    private FakeStreamServer server(int connections) throws IOException {
        FakeStreamServer server = new FakeStreamServer(connections, side -> side.send(WELCOME));
        opened.add(server);
        return server;
    }

    private AlpacaProvider provider(FakeStreamServer server, int maxSymbols) {
        AlpacaProvider alpaca = new AlpacaProvider(
                new OkHttpClient(),
                new AlpacaSettings(
                        server.url("/v2/iex"),
                        "key-id",
                        "key-secret",
                        maxSymbols,
                        "http://127.0.0.1:9",
                        Duration.ofSeconds(1)),
                new StreamingSettings(
                        Duration.ofMillis(250), Duration.ofMinutes(2), Duration.ofMillis(10), Duration.ofMinutes(10)),
                clock);
        opened.add(alpaca::release);
        return alpaca;
    }

    /** Asks as the poller does, the clock moving on, until the server has another connection. */
    private FakeStreamServer.Side server(AlpacaProvider alpaca, FakeStreamServer server, List<Symbol> watched)
            throws Exception {
        int before = server.connectionCount();
        await().atMost(FakeStreamServer.WAIT).until(() -> {
            clock.advance(Duration.ofMillis(100));
            alpaca.fetch(watched);
            return server.connectionCount() > before;
        });
        return server.nextConnection();
    }

    private FakeStreamServer.Side connectAndAuthenticate(
            AlpacaProvider alpaca, FakeStreamServer server, List<Symbol> watched) throws Exception {
        FakeStreamServer.Side side = server(alpaca, server, watched);
        assertThat(side.next()).isEqualTo("{\"action\":\"auth\",\"key\":\"key-id\",\"secret\":\"key-secret\"}");
        side.send(AUTHENTICATED);
        streamUntilSubscribed(alpaca, watched);
        return side;
    }

    private void streamUntilSubscribed(AlpacaProvider alpaca, List<Symbol> watched) {
        await().atMost(FakeStreamServer.WAIT).until(() -> {
            quotes.addAll(alpaca.fetch(watched));
            return alpaca.subscribed().containsAll(watched);
        });
    }

    private void awaitQuotes(AlpacaProvider alpaca, List<Symbol> watched, int count) {
        quotes.clear();
        await().atMost(FakeStreamServer.WAIT).until(() -> {
            quotes.addAll(alpaca.fetch(watched));
            return quotes.stream().map(Quote::symbol).distinct().count() >= count;
        });
    }
}
