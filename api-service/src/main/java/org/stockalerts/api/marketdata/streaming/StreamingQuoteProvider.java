package org.stockalerts.api.marketdata.streaming;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockalerts.api.marketdata.Quote;
import org.stockalerts.api.marketdata.QuoteProvider;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.market.MarketCalendar;
import org.stockalerts.common.market.MarketSession;

/**
 * A provider that streams trades over a WebSocket (OkHttp's client) instead of being polled. The market-data poller
 * still drives it, on its one thread, every {@code coalesceInterval}: each {@link #fetch} opens the connection when it
 * is due, brings the subscription to exactly the watched symbols (within the provider's symbol limit, without
 * reconnecting), reconnects a failed, closed or stalled connection after a jittered backoff, and answers the last
 * trade of each symbol since the previous fetch, so a busy symbol yields at most one tick per interval. The
 * WebSocket's own threads only record what arrives. Leader election stays the poller's: an instance that does not
 * lead never calls {@link #fetch}, and {@link #release} closes the connection.
 *
 * <p>Subclasses speak one provider's protocol: what to send once connected (authentication), how to subscribe and
 * unsubscribe, and what an incoming frame means ({@link Connection}'s callbacks).
 */
public abstract class StreamingQuoteProvider implements QuoteProvider {

    private static final Logger log = LoggerFactory.getLogger(StreamingQuoteProvider.class);

    /** How long a new connection may take to be ready (open, and authenticated where the provider asks it). */
    static final Duration READY_WITHIN = Duration.ofSeconds(15);

    private final OkHttpClient http;
    private final StreamingSettings settings;
    private final int maxSymbols;
    private final Clock clock;
    private final Map<Symbol, Quote> pending = new ConcurrentHashMap<>();
    private Connection connection;
    private Instant nextConnectAt = Instant.MIN;
    private int failures;
    private Set<Symbol> overLimitReported = Set.of();
    private Instant sessionOpenSince;

    protected StreamingQuoteProvider(OkHttpClient http, StreamingSettings settings, int maxSymbols, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.maxSymbols = maxSymbols;
        this.clock = clock;
    }

    /** The request that opens the connection (its URL may carry a credential: it is never logged). */
    protected abstract Request connectRequest();

    /** Sends what subscribes {@code symbols} on {@code socket}. */
    protected abstract void subscribe(WebSocket socket, Set<Symbol> symbols);

    /** Sends what unsubscribes {@code symbols} on {@code socket}. */
    protected abstract void unsubscribe(WebSocket socket, Set<Symbol> symbols);

    /** Reads one text frame of {@code connection}: trades, acknowledgements, pings, errors. */
    protected abstract void onText(Connection connection, String text);

    /** Whether a connection is ready for subscriptions as soon as it opens (no authentication step). */
    protected abstract boolean readyOnOpen();

    @Override
    public final int maxSymbolsPerRequest() {
        return Integer.MAX_VALUE;
    }

    @Override
    public final synchronized List<Quote> fetch(List<Symbol> symbols) {
        Instant now = clock.instant();
        Set<Symbol> wanted = withinLimit(symbols);
        boolean open = MarketCalendar.NYSE.isOpen(MarketSession.REGULAR, now);
        sessionOpenSince = !open ? null : sessionOpenSince == null ? now : sessionOpenSince;
        if (connection != null && !connection.ready && !connection.over() && connection.openedLongerThan(now)) {
            connection.close("not ready within " + READY_WITHIN);
        }
        if (connection != null && connection.over()) {
            failed(now, connection.reason());
        }
        if (connection != null && connection.stalled(now, sessionOpenSince)) {
            log.atWarn()
                    .addKeyValue("provider", source().wireName())
                    .addKeyValue("silentFor", Duration.between(connection.silentSince(sessionOpenSince), now))
                    .log("streaming connection stalled: no trade in session; reconnecting");
            connection.close("stalled");
            failed(now, "stalled");
        }
        if (connection == null && !now.isBefore(nextConnectAt)) {
            Connection opening = new Connection(now);
            opening.call = http.newWebSocket(connectRequest(), opening);
            connection = opening;
        }
        if (connection != null && connection.ready) {
            connection.follow(wanted);
            if (connection.receiving()) {
                failures = 0;
            }
        }
        List<Quote> quotes = new ArrayList<>();
        for (Symbol symbol : wanted) {
            Quote quote = pending.remove(symbol);
            if (quote != null) {
                quotes.add(quote);
            }
        }
        pending.keySet().retainAll(wanted);
        return quotes;
    }

    @Override
    public final synchronized void release() {
        if (connection != null) {
            connection.close("released");
            connection = null;
        }
        pending.clear();
        nextConnectAt = Instant.MIN;
    }

    /** Whether a connection is open now (for tests and health). */
    public final synchronized boolean connected() {
        return connection != null && connection.ready && !connection.over();
    }

    /** The symbols subscribed on the current connection (for tests). */
    public final synchronized Set<Symbol> subscribed() {
        return connection == null ? Set.of() : Set.copyOf(connection.subscribed);
    }

    /** The watched symbols to stream: all of them, or the first {@code maxSymbols} in alphabetical order. */
    private Set<Symbol> withinLimit(List<Symbol> symbols) {
        TreeSet<Symbol> sorted = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        sorted.addAll(symbols);
        if (sorted.size() <= maxSymbols) {
            return sorted;
        }
        Set<Symbol> streamed = new TreeSet<>(sorted.comparator());
        sorted.stream().limit(maxSymbols).forEach(streamed::add);
        Set<Symbol> left = new TreeSet<>(sorted.comparator());
        left.addAll(sorted);
        left.removeAll(streamed);
        if (!left.equals(overLimitReported)) {
            overLimitReported = left;
            log.atError()
                    .addKeyValue("provider", source().wireName())
                    .addKeyValue("limit", maxSymbols)
                    .addKeyValue("notStreamed", left)
                    .log("more watched symbols than the provider's symbol limit: these get no prices");
        }
        return streamed;
    }

    /** The connection failed or closed: a new one after the backoff, longer for each failure in a row. */
    private void failed(Instant now, String reason) {
        boolean refused = connection != null && connection.refused;
        connection = null;
        failures++;
        Duration wait = refused ? settings.reconnectMax() : backoff(failures);
        nextConnectAt = now.plus(wait);
        log.atWarn()
                .addKeyValue("provider", source().wireName())
                .addKeyValue("reason", reason)
                .addKeyValue("reconnectIn", wait)
                .log("streaming connection lost");
    }

    /** The jittered wait before reconnect number {@code failures}: between half and all of min·2^(n−1), capped. */
    private Duration backoff(int failures) {
        long min = settings.reconnectMin().toMillis();
        long max = settings.reconnectMax().toMillis();
        long nominal = Math.min(max, min << Math.min(failures - 1, 20));
        return Duration.ofMillis(nominal / 2 + ThreadLocalRandom.current().nextLong(nominal / 2 + 1));
    }

    /** Records a trade: the latest of a symbol since the last fetch is the one kept. */
    protected final void trade(Connection from, Quote quote) {
        from.traded(clock.instant());
        pending.merge(
                quote.symbol(), quote, (kept, next) -> next.observedAt().isBefore(kept.observedAt()) ? kept : next);
    }

    /**
     * One WebSocket connection: OkHttp's callbacks record what happens on it; the poller's thread reads that at the
     * next fetch. A connection that is over is never reused.
     */
    protected final class Connection extends WebSocketListener {

        private final Instant openedAt;
        private final Set<Symbol> subscribed = ConcurrentHashMap.newKeySet();
        private final Set<Symbol> refusedSymbols = ConcurrentHashMap.newKeySet();
        private final Set<Symbol> requested = ConcurrentHashMap.newKeySet();
        private volatile WebSocket call;
        private volatile WebSocket socket;
        private volatile boolean ready;
        private volatile boolean over;
        private volatile boolean refused;
        private volatile String reason = "closed";
        private volatile Instant readyAt;
        private volatile Instant lastTradeAt;

        Connection(Instant openedAt) {
            this.openedAt = openedAt;
        }

        /** The provider accepted the connection (and its credentials): subscriptions may be sent. */
        public void ready() {
            readyAt = clock.instant();
            ready = true;
        }

        /**
         * The provider refused for a reason a quick retry will not fix (credentials, too many connections): the next
         * attempt waits {@code reconnect-max}.
         */
        public void refuse(String why) {
            refused = true;
            close(why);
        }

        /**
         * The provider acknowledged {@code symbols} as the whole subscription: a symbol asked for and left out (over
         * the plan's symbol limit, say) is refused on this connection and not asked for again.
         */
        public void subscriptionIs(Set<Symbol> symbols) {
            Set<Symbol> refused = new HashSet<>(requested);
            refused.removeAll(symbols);
            if (!refused.isEmpty() && refusedSymbols.addAll(refused)) {
                log.atError()
                        .addKeyValue("provider", source().wireName())
                        .addKeyValue("refused", refused)
                        .log("the provider did not subscribe these symbols: they get no prices");
            }
            subscribed.retainAll(symbols);
            subscribed.addAll(symbols);
        }

        /** The socket, to answer the provider (authentication). */
        public WebSocket socket() {
            return socket;
        }

        void traded(Instant at) {
            lastTradeAt = at;
        }

        void close(String why) {
            reason = why;
            over = true;
            WebSocket open = socket;
            if (open != null) {
                open.close(1000, null);
            } else if (call != null) {
                // not open yet: the handshake is abandoned
                call.cancel();
            }
        }

        boolean openedLongerThan(Instant now) {
            return Duration.between(openedAt, now).compareTo(READY_WITHIN) > 0;
        }

        boolean over() {
            return over;
        }

        String reason() {
            return reason;
        }

        boolean receiving() {
            return lastTradeAt != null;
        }

        /**
         * Since when the connection has been silent in this session: its last trade, or when it became ready, but not
         * before the session opened (a connection quiet overnight is not stalled at the opening bell).
         */
        Instant silentSince(Instant sessionOpenSince) {
            Instant trade = lastTradeAt;
            Instant since = trade != null ? trade : readyAt != null ? readyAt : openedAt;
            return sessionOpenSince != null && sessionOpenSince.isAfter(since) ? sessionOpenSince : since;
        }

        /** Whether the session is open (since {@code sessionOpenSince}) and no subscribed symbol traded for too long. */
        boolean stalled(Instant now, Instant sessionOpenSince) {
            return ready
                    && !over
                    && sessionOpenSince != null
                    && !subscribed.isEmpty()
                    && Duration.between(silentSince(sessionOpenSince), now).compareTo(settings.stallAfter()) > 0;
        }

        /** Brings the subscription to {@code wanted}: subscribes what is new, unsubscribes what is no longer watched. */
        void follow(Set<Symbol> wanted) {
            WebSocket open = socket;
            if (open == null || over) {
                return;
            }
            Set<Symbol> added = new HashSet<>(wanted);
            added.removeAll(subscribed);
            added.removeAll(refusedSymbols);
            Set<Symbol> dropped = new HashSet<>(subscribed);
            dropped.removeAll(wanted);
            if (!dropped.isEmpty()) {
                unsubscribe(open, dropped);
                subscribed.removeAll(dropped);
            }
            if (!added.isEmpty()) {
                requested.addAll(added);
                subscribe(open, added);
                subscribed.addAll(added);
            }
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            socket = webSocket;
            if (over) {
                webSocket.close(1000, null);
                return;
            }
            if (readyOnOpen()) {
                ready();
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            if (!over) {
                try {
                    onText(this, text);
                } catch (RuntimeException e) {
                    log.atWarn()
                            .addKeyValue("provider", source().wireName())
                            .addKeyValue("error", e.toString())
                            .log("streaming frame not understood; skipped");
                }
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String why) {
            webSocket.close(1000, null);
            over = true;
            reason = "closed by the provider (" + code + (why == null || why.isBlank() ? "" : " " + why) + ")";
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String why) {
            over = true;
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
            // a handshake the provider refused for the credentials waits reconnect-max like a refusal in a frame
            refused = refused || response != null && (response.code() == 401 || response.code() == 403);
            over = true;
            // the exception's message may name the URL, whose query carries a token: only its type and the status
            reason = failure.getClass().getSimpleName() + (response == null ? "" : " (HTTP " + response.code() + ")");
        }
    }
}
