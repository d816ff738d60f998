package org.stockalerts.api.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.Symbol;

class ChangeFilterTest {

    private static final Symbol IBM = Symbol.of("IBM");
    private static final Instant CLOSE = Instant.parse("2025-10-24T20:00:00Z");

    private final ChangeFilter filter = new ChangeFilter();

    @Test
    void repeatedQuoteIsNotNewEvenWithADifferentScale() {
        // Given a quote seen once
        assertThat(filter.changed(quote("308.2400", 3104125L, CLOSE))).isTrue();

        // When the provider repeats it, the price written with fewer zeros
        boolean repeated = filter.changed(quote("308.24", 3104125L, CLOSE));

        // Then it is not new
        assertThat(repeated).isFalse();
    }

    @Test
    void aChangeOfPriceVolumeOrProviderTimeIsNew() {
        // Given a quote seen once
        filter.changed(quote("308.24", 100L, CLOSE));

        // Then another price, another volume or another provider time each count as new
        assertThat(filter.changed(quote("308.25", 100L, CLOSE))).isTrue();
        assertThat(filter.changed(quote("308.25", 101L, CLOSE))).isTrue();
        assertThat(filter.changed(quote("308.25", 101L, CLOSE.plusSeconds(86_400))))
                .isTrue();
    }

    @Test
    void forgottenQuoteCountsAsNewAgain() {
        // Given a quote whose publication failed
        Quote quote = quote("308.24", 100L, CLOSE);
        filter.changed(quote);

        // When it is forgotten
        filter.forget(quote);

        // Then the next poll publishes it again
        assertThat(filter.changed(quote)).isTrue();
    }

    private static Quote quote(String price, Long volume, Instant at) {
        return Quote.of(IBM, new BigDecimal(price), volume, at);
    }
}
