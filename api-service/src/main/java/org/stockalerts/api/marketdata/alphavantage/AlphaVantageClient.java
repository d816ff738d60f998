package org.stockalerts.api.marketdata.alphavantage;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.stockalerts.api.marketdata.IntradayBar;
import org.stockalerts.api.marketdata.Quote;
import org.stockalerts.api.marketdata.QuoteProviderException;
import org.stockalerts.common.event.Symbol;

/**
 * Alpha Vantage over HTTP: {@code GLOBAL_QUOTE} for one symbol, {@code REALTIME_BULK_QUOTES} for up
 * to 100, {@code TIME_SERIES_INTRADAY} for a catch-up's bars. The request URL carries the API key, so neither the URL nor OkHttp's own texts about the
 * call reach a log line or an exception message unredacted.
 */
public final class AlphaVantageClient {

    private static final String REDACTED = "***";

    private final OkHttpClient http;
    private final HttpUrl query;
    private final String apiKey;
    private final AlphaVantageResponses responses;

    /** {@code clock} caps the time of a {@code GLOBAL_QUOTE}, which Alpha Vantage dates only by its day. */
    public AlphaVantageClient(OkHttpClient http, AlphaVantageSettings settings, ZoneId exchangeZone, Clock clock) {
        this.http = http;
        this.query = HttpUrl.get(settings.baseUrl())
                .newBuilder()
                .addPathSegment("query")
                .build();
        this.apiKey = settings.apiKey();
        this.responses = new AlphaVantageResponses(exchangeZone, clock, this::redact);
    }

    /** The quote of {@code symbol}; empty when Alpha Vantage answered with an empty quote. */
    public Optional<Quote> globalQuote(Symbol symbol) {
        HttpUrl url = query.newBuilder()
                .addQueryParameter("function", "GLOBAL_QUOTE")
                .addQueryParameter("symbol", symbol.value())
                .addQueryParameter("apikey", apiKey)
                .build();
        return responses.globalQuote(symbol, get(url));
    }

    /** The quotes of up to 100 symbols (premium plans only). */
    public List<Quote> bulkQuotes(List<Symbol> symbols) {
        if (symbols.size() > AlphaVantageSettings.BULK_LIMIT) {
            throw new IllegalArgumentException("at most " + AlphaVantageSettings.BULK_LIMIT + " symbols a request");
        }
        HttpUrl url = query.newBuilder()
                .addQueryParameter("function", "REALTIME_BULK_QUOTES")
                .addQueryParameter("symbol", symbols.stream().map(Symbol::value).collect(Collectors.joining(",")))
                .addQueryParameter("apikey", apiKey)
                .build();
        return responses.bulkQuotes(get(url));
    }

    /** The last 100 one-minute bars of {@code symbol} ({@code TIME_SERIES_INTRADAY}, compact), oldest first. */
    public List<IntradayBar> intradayBars(Symbol symbol) {
        HttpUrl url = query.newBuilder()
                .addQueryParameter("function", "TIME_SERIES_INTRADAY")
                .addQueryParameter("symbol", symbol.value())
                .addQueryParameter("interval", "1min")
                .addQueryParameter("outputsize", "compact")
                .addQueryParameter("apikey", apiKey)
                .build();
        return responses.intradayBars(symbol, get(url));
    }

    private String get(HttpUrl url) {
        Request request = new Request.Builder().url(url).get().build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() >= 500) {
                throw new QuoteProviderException("Alpha Vantage answered HTTP " + response.code(), true);
            }
            if (!response.isSuccessful()) {
                throw new QuoteProviderException("Alpha Vantage answered HTTP " + response.code(), false);
            }
            return response.body().string();
        } catch (IOException e) {
            throw new QuoteProviderException(
                    "Alpha Vantage unreachable: " + e.getClass().getSimpleName() + ": " + redact(e.getMessage()), true);
        }
    }

    private String redact(String text) {
        if (text == null || apiKey.isBlank()) {
            return text;
        }
        return text.replace(apiKey, REDACTED);
    }
}
