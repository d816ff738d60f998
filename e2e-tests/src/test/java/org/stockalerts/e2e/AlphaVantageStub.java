package org.stockalerts.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Alpha Vantage on loopback: answers every {@code GLOBAL_QUOTE} with a valid quote of the symbol asked
 * for, at {@code price}, of the day before (a quote of today would carry today's close, in the future
 * for most of the day), and keeps the {@code apikey} of each request.
 */
final class AlphaVantageStub implements AutoCloseable {

    private static final ZoneId EXCHANGE = ZoneId.of("America/New_York");

    private final MockWebServer server = new MockWebServer();
    private final List<String> apiKeysSeen = new CopyOnWriteArrayList<>();

    AlphaVantageStub(String price) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                apiKeysSeen.add(String.valueOf(request.getUrl().queryParameter("apikey")));
                return new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "application/json")
                        .body(quote(request.getUrl().queryParameter("symbol"), price))
                        .build();
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    /** The base URL to set as {@code STOCKALERTS_MARKETDATA_ALPHA_VANTAGE_BASE_URL}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** The {@code apikey} query parameter of every request so far, in order. */
    List<String> apiKeysSeen() {
        return List.copyOf(apiKeysSeen);
    }

    private static String quote(String symbol, String price) {
        return """
                {"Global Quote": {"01. symbol": "%s", "02. open": "%s", "03. high": "%s", "04. low": "%s",
                 "05. price": "%s", "06. volume": "1000", "07. latest trading day": "%s",
                 "08. previous close": "%s", "09. change": "0.0000", "10. change percent": "0.0000%%"}}""".formatted(
                symbol, price, price, price, price, LocalDate.now(EXCHANGE).minusDays(1), price);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
