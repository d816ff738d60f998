package org.stockalerts.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SymbolTest {

    @Test
    void trimsAndUpperCasesOnce() {
        assertThat(Symbol.of(" aapl ")).isEqualTo(new Symbol("AAPL"));
        assertThat(Symbol.of("brk.b").value()).isEqualTo("BRK.B");
        assertThat(Symbol.of("rds-a").toString()).isEqualTo("RDS-A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "A A", "$AAPL", ".AAPL", "ABCDEFGHIJKLMNOP"})
    void refusesWhatIsNotASymbol(String raw) {
        assertThatThrownBy(() -> Symbol.of(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid symbol");
    }

    @Test
    void theConstructorDoesNotAcceptLowerCase() {
        assertThatThrownBy(() -> new Symbol("aapl")).hasMessageContaining("invalid symbol 'aapl'");
        assertThatThrownBy(() -> Symbol.of(null)).hasMessage("missing required field 'symbol'");
    }

    @Test
    void ordersAlphabetically() {
        assertThat(Symbol.of("MSFT")).isGreaterThan(Symbol.of("AAPL"));
    }
}
