package org.stockalerts.api.marketdata.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.stockalerts.api.marketdata.Quote;
import org.stockalerts.api.marketdata.QuoteProvider;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;

/**
 * Plays a recorded file at {@code speed} times its recorded pace, starting at the first fetch: a row
 * recorded {@code d} after the first one is due {@code d / speed} after the start and is stamped with
 * that time, so downstream windows see a live-looking stream. With {@code loop} the file starts over
 * after its last row, one recorded second later. The file's symbols are polled on their own.
 */
public final class ReplayQuoteProvider implements QuoteProvider {

    /** Recorded time between the last row of a round and the first row of the next. */
    static final Duration LOOP_PAUSE = Duration.ofSeconds(1);

    private final List<ReplayFile.Row> rows;
    private final Clock clock;
    private final double speed;
    private final boolean loop;
    private final Set<Symbol> symbols;
    private final Duration loopPause;
    private Instant startedAt;
    private int cursor;

    public ReplayQuoteProvider(List<ReplayFile.Row> rows, Clock clock, double speed, boolean loop) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the replay file has no rows");
        }
        this.rows = List.copyOf(rows);
        this.clock = clock;
        this.speed = speed;
        this.loop = loop;
        this.symbols = new TreeSet<>(rows.stream().map(ReplayFile.Row::symbol).toList());
        this.loopPause = Duration.ofNanos(Math.max(1, Math.round(LOOP_PAUSE.toNanos() / speed)));
    }

    @Override
    public TickSource source() {
        return TickSource.REPLAY;
    }

    @Override
    public Set<Symbol> ownSymbols() {
        return symbols;
    }

    @Override
    public List<Quote> fetch(List<Symbol> requested) {
        Instant now = clock.instant();
        if (startedAt == null) {
            startedAt = now;
        }
        Set<Symbol> wanted = new HashSet<>(requested);
        List<Quote> due = new ArrayList<>();
        while (true) {
            if (cursor == rows.size()) {
                if (!loop) {
                    return due;
                }
                startedAt = startedAt.plus(replayed(rows.getLast().timestamp())).plus(loopPause);
                cursor = 0;
            }
            ReplayFile.Row row = rows.get(cursor);
            Instant at = startedAt.plus(replayed(row.timestamp()));
            if (at.isAfter(now)) {
                return due;
            }
            if (wanted.contains(row.symbol())) {
                due.add(Quote.of(row.symbol(), row.price(), row.volume(), at));
            }
            cursor++;
        }
    }

    private Duration replayed(Instant recorded) {
        long nanos = Duration.between(rows.getFirst().timestamp(), recorded).toNanos();
        return Duration.ofNanos(Math.round(nanos / speed));
    }
}
