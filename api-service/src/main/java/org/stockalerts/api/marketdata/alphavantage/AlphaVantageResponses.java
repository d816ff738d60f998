package org.stockalerts.api.marketdata.alphavantage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.stockalerts.api.marketdata.IntradayBar;
import org.stockalerts.api.marketdata.Quote;
import org.stockalerts.api.marketdata.QuoteProviderException;
import org.stockalerts.api.marketdata.RateLimitedException;
import org.stockalerts.api.marketdata.UnknownSymbolException;
import org.stockalerts.common.event.Symbol;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Alpha Vantage's answers. The provider answers HTTP 200 for almost everything, so the body
 * decides: {@code Note} or {@code Information} mean a request limit (or a plan that lacks the
 * function), {@code Error Message} an unknown symbol, an empty {@code Global Quote} nothing to report.
 * Every number arrives as a string, the change percent with a trailing {@code %}. Provider texts pass
 * through {@code redact} first, because Alpha Vantage quotes the caller's API key in some of them.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class AlphaVantageResponses {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final LocalTime CLOSE = LocalTime.of(16, 0);
    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);
    private static final DateTimeFormatter BULK_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    private final ZoneId exchangeZone;
    private final Clock clock;
    private final UnaryOperator<String> redact;

    /**
     * The quote in a {@code GLOBAL_QUOTE} answer; empty when the provider had nothing for the symbol.
     * It is dated at its trading day's close, or now if that is later than now (a quote during the
     * session), so neither the session nor a provider's clock ahead of ours dates a tick in the future.
     */
    Optional<Quote> globalQuote(Symbol requested, String body) {
        JsonNode root = read(body);
        refusal(root, requested);
        JsonNode quote = root.get("Global Quote");
        if (quote == null || !quote.isObject()) {
            throw malformed("no 'Global Quote' object");
        }
        if (quote.isEmpty()) {
            return Optional.empty();
        }
        LocalDate day = date(text(quote, "07. latest trading day"));
        return Optional.of(new Quote(
                Symbol.of(text(quote, "01. symbol")),
                number(quote, "05. price"),
                number(quote, "02. open"),
                number(quote, "03. high"),
                number(quote, "04. low"),
                volume(quote, "06. volume"),
                number(quote, "08. previous close"),
                number(quote, "09. change"),
                number(quote, "10. change percent"),
                day,
                earliest(day.atTime(CLOSE).atZone(exchangeZone).toInstant(), clock.instant())));
    }

    /** The quotes in a {@code REALTIME_BULK_QUOTES} answer; symbols the provider does not know are left out. */
    List<Quote> bulkQuotes(String body) {
        JsonNode root = read(body);
        refusal(root, null);
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw malformed("no 'data' array");
        }
        List<Quote> quotes = new ArrayList<>(data.size());
        for (JsonNode quote : data) {
            Instant at = timestamp(text(quote, "timestamp"));
            quotes.add(new Quote(
                    Symbol.of(text(quote, "symbol")),
                    number(quote, "close"),
                    number(quote, "open"),
                    number(quote, "high"),
                    number(quote, "low"),
                    volume(quote, "volume"),
                    number(quote, "previous_close"),
                    number(quote, "change"),
                    number(quote, "change_percent"),
                    at.atZone(exchangeZone).toLocalDate(),
                    at));
        }
        return quotes;
    }

    /**
     * The bars of a {@code TIME_SERIES_INTRADAY} answer at one minute, oldest first. Alpha Vantage names each bar by
     * its start, in the exchange's time (its last bar of a day is 19:59). A bar without a positive price is left out.
     */
    List<IntradayBar> intradayBars(Symbol requested, String body) {
        JsonNode root = read(body);
        refusal(root, requested);
        JsonNode series = root.get("Time Series (1min)");
        if (series == null || !series.isObject()) {
            throw malformed("no 'Time Series (1min)' object");
        }
        List<IntradayBar> bars = new ArrayList<>(series.size());
        for (String stamp : series.propertyNames()) {
            JsonNode bar = series.get(stamp);
            Instant start = timestamp(stamp);
            BigDecimal open = number(bar, "1. open");
            BigDecimal high = number(bar, "2. high");
            BigDecimal low = number(bar, "3. low");
            BigDecimal close = number(bar, "4. close");
            if (Stream.of(open, high, low, close).allMatch(price -> price.signum() > 0)) {
                bars.add(new IntradayBar(start, start.plus(ONE_MINUTE), open, high, low, close));
            }
        }
        bars.sort(Comparator.comparing(IntradayBar::start));
        return bars;
    }

    private JsonNode read(String body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw malformed("the body is not a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            throw malformed("the body is not valid JSON");
        }
    }

    private void refusal(JsonNode root, Symbol requested) {
        for (String limit : List.of("Note", "Information")) {
            if (root.has(limit)) {
                throw new RateLimitedException("Alpha Vantage refused the request (" + limit + "): "
                        + redact.apply(root.get(limit).asString()));
            }
        }
        if (root.has("Error Message")) {
            String message = redact.apply(root.get("Error Message").asString());
            if (requested != null) {
                throw new UnknownSymbolException(requested, message);
            }
            throw new QuoteProviderException("Alpha Vantage refused the request: " + message, false);
        }
    }

    private String text(JsonNode quote, String field) {
        JsonNode value = quote.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw malformed("field '" + field + "' is missing");
        }
        return value.asString().strip();
    }

    private BigDecimal number(JsonNode quote, String field) {
        String text = text(quote, field);
        String digits = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
        try {
            return new BigDecimal(digits);
        } catch (NumberFormatException e) {
            throw malformed("field '" + field + "' is not a number");
        }
    }

    private Long volume(JsonNode quote, String field) {
        try {
            return number(quote, field).longValueExact();
        } catch (ArithmeticException e) {
            throw malformed("field '" + field + "' is not a whole number");
        }
    }

    private LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw malformed("'" + text + "' is not a date");
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private Instant timestamp(String text) {
        try {
            return LocalDateTime.parse(text, BULK_TIMESTAMP)
                    .atZone(exchangeZone)
                    .toInstant();
        } catch (DateTimeException e) {
            throw malformed("'" + text + "' is not a timestamp");
        }
    }

    private static QuoteProviderException malformed(String reason) {
        return new QuoteProviderException("malformed Alpha Vantage answer: " + reason, false);
    }
}
