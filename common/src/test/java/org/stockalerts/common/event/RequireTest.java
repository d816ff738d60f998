package org.stockalerts.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequireTest {

    private static final UUID ID = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void anEventNamesTheFirstMissingOfItsRequiredFields() {
        assertThatThrownBy(() -> Require.event(ID, AT, 1, "userId, channelId, alert", ID, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing required field 'channelId'");
    }

    @Test
    void anEventChecksItsHeaderBeforeItsOwnFields() {
        assertThatThrownBy(() -> Require.event(ID, null, 1, "userId", (Object) null))
                .hasMessage("missing required field 'occurredAt'");
        assertThatThrownBy(() -> Require.event(ID, AT, -1, "userId", ID))
                .hasMessage("field 'version' must not be negative, was -1");
    }

    @Test
    void anAbsentVersionIsTheFirstOne() {
        assertThat(Require.event(ID, AT, 0, "userId", ID)).isEqualTo(1);
        assertThat(Require.event(ID, AT, 3, "userId", ID)).isEqualTo(3);
    }

    @Test
    void allPositiveNamesTheFirstValueThatIsMissingOrNotPositive() {
        assertThatThrownBy(() -> Require.allPositive("open, high, low", BigDecimal.ONE, BigDecimal.ZERO, null))
                .hasMessage("field 'high' must be positive, was 0");
        assertThatThrownBy(() -> Require.allPositive("open, high", BigDecimal.ONE, null))
                .hasMessage("missing required field 'high'");
    }

    @Test
    void namesThatDoNotMatchTheValuesAreAProgrammingError() {
        assertThatThrownBy(() -> Require.allPresent("userId", ID, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 field names for 2 values");
    }
}
