package org.stockalerts.persistence.ticks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.persistence.PersistenceIntegrationTest;
import org.stockalerts.testsupport.TestDatabase;

/** The writer's two ways: a straight COPY for new ticks, the staging merge when some are stored already. */
@PersistenceIntegrationTest
class PriceTickWriterTest {

    @Autowired
    PriceTickWriter writer;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void storesOnlyTheNewTicksOfABatchThatOverlapsOneStoredBefore() {
        // Given a batch of 100 ticks, stored
        Symbol symbol = TickDraft.uniqueSymbol("T");
        Instant start = TestDatabase.now();
        List<PriceTick> first = ticks(symbol, start, 0, 100);
        assertThat(write(first)).isEqualTo(100);
        List<Map<String, Object>> stored = rowsOf(symbol);

        // When a batch holding its last 40 ticks and 60 new ones is written
        List<PriceTick> overlapping = new ArrayList<>(first.subList(60, 100));
        overlapping.addAll(ticks(symbol, start, 100, 60));
        int inserted = write(overlapping);

        // Then only the new ticks are inserted, and the stored ones are as they were
        assertThat(inserted).isEqualTo(60);
        List<Map<String, Object>> after = rowsOf(symbol);
        assertThat(after).hasSize(160);
        assertThat(after.subList(0, 100)).isEqualTo(stored);
    }

    @Test
    void storesATickThatABatchHoldsTwiceOnce() {
        // Given a batch in which one tick appears twice
        Symbol symbol = TickDraft.uniqueSymbol("T");
        List<PriceTick> batch = new ArrayList<>(ticks(symbol, TestDatabase.now(), 0, 3));
        batch.add(batch.get(1));

        // When it is written
        int inserted = write(batch);

        // Then each tick is stored once
        assertThat(inserted).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT event_id FROM price_ticks WHERE symbol = ?", UUID.class, symbol.value()))
                .hasSize(3)
                .doesNotHaveDuplicates();
    }

    @Test
    void keepsTheTransactionUsableAfterFallingBackToTheStagingMerge() {
        // Given a tick already stored
        Symbol symbol = TickDraft.uniqueSymbol("T");
        List<PriceTick> ticks = ticks(symbol, TestDatabase.now(), 0, 2);
        write(ticks.subList(0, 1));

        // When one transaction writes a batch holding it, then reads
        Integer seen = transactions.execute(status -> {
            writer.insertNew(ticks);
            return jdbc.queryForObject(
                    "SELECT count(*) FROM price_ticks WHERE symbol = ?", Integer.class, symbol.value());
        });

        // Then the transaction saw both ticks and committed them
        assertThat(seen).isEqualTo(2);
        assertThat(rowsOf(symbol)).hasSize(2);
    }

    @Test
    void keepsEachSymbolsNewestStoredTickInLatestTicks() {
        // Given batches of two symbols, the second holding a stored tick (the staging merge) and a late one
        Symbol first = TickDraft.uniqueSymbol("L");
        Symbol second = TickDraft.uniqueSymbol("L");
        Instant start = TestDatabase.now();
        List<PriceTick> earlier = new ArrayList<>(ticks(first, start, 0, 5));
        earlier.addAll(ticks(second, start, 0, 3));
        write(earlier);
        assertThat(latestOf(first)).isEqualTo(newestStoredOf(first));
        assertThat(latestOf(second)).isEqualTo(newestStoredOf(second));

        // When a batch brings a newer tick of the first symbol, a stored one and a late one of the second
        PriceTick late = TickDraft.tick(second.value(), "1.5", start.minusSeconds(60));
        PriceTick newer = TickDraft.series(first, 10, start);
        write(List.of(earlier.get(7), late, newer));

        // Then the first symbol's latest is its new tick, the second's is still its newest: a late tick or
        // one stored before replaces nothing
        assertThat(latestOf(first)).isEqualTo(newestStoredOf(first));
        assertThat(latestOf(first).get("event_id")).isEqualTo(newer.eventId());
        assertThat(latestOf(second)).isEqualTo(newestStoredOf(second));
        assertThat(latestOf(second).get("event_id")).isEqualTo(earlier.get(7).eventId());
    }

    @Test
    void breaksATieOfObservationTimesInLatestTicksAsPriceTicksOrdersThem() {
        // Given two ticks of a symbol observed at the same instant, in one batch
        Symbol symbol = TickDraft.uniqueSymbol("L");
        Instant at = TestDatabase.now();
        PriceTick low = TickDraft.tick().on(symbol.value()).at(at).build();
        PriceTick high = TickDraft.tick().on(symbol.value()).at(at).build();

        // When they are written
        write(List.of(low, high));

        // Then the latest is the one price_ticks' order (observed_at, event_id) puts last
        assertThat(latestOf(symbol)).isEqualTo(newestStoredOf(symbol));
    }

    private int write(List<PriceTick> batch) {
        Integer inserted = transactions.execute(status -> writer.insertNew(batch));
        return inserted == null ? 0 : inserted;
    }

    private static List<PriceTick> ticks(Symbol symbol, Instant start, int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(n -> TickDraft.series(symbol, n, start))
                .toList();
    }

    private List<Map<String, Object>> rowsOf(Symbol symbol) {
        return jdbc.queryForList(
                "SELECT * FROM price_ticks WHERE symbol = ? ORDER BY observed_at, event_id", symbol.value());
    }

    private Map<String, Object> latestOf(Symbol symbol) {
        return jdbc.queryForMap("SELECT * FROM latest_ticks WHERE symbol = ?", symbol.value());
    }

    private Map<String, Object> newestStoredOf(Symbol symbol) {
        return jdbc.queryForMap(
                "SELECT * FROM price_ticks WHERE symbol = ? ORDER BY observed_at DESC, event_id DESC LIMIT 1",
                symbol.value());
    }
}
