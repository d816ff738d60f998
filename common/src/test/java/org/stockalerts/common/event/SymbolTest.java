package org.stockalerts.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SymbolTest {

    @Test
    void trimsAndUpperCasesWhatItIsGiven() {
        // Given a symbol typed with surrounding spaces in lower case
        String raw = " aapl ";

        // When it is parsed
        Symbol symbol = Symbol.of(raw);

        // Then it is the canonical AAPL
        assertThat(symbol).isEqualTo(new Symbol("AAPL"));
        assertThat(symbol.value()).isEqualTo("AAPL");
        assertThat(symbol).hasToString("AAPL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BRK.B", "brk.b", "RDS-A", "7203", "ABCDEFGHIJKLMNO"})
    void acceptsLettersDigitsDotsAndDashesUpToFifteenCharacters(String raw) {
        // When a share-class or numeric symbol of at most 15 characters is parsed
        Symbol symbol = Symbol.of(raw);

        // Then it is kept, upper-cased
        assertThat(symbol.value()).isEqualTo(raw.toUpperCase(Locale.ROOT)).hasSizeLessThanOrEqualTo(Symbol.MAX_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ABCDEFGHIJKLMNOP", "A A", "BRK B", ".AAPL", "-AAPL", "$AAPL", "AAPL!", "ÄPPL"})
    void rejectsWhatIsNotASymbol(String raw) {
        // When something that is not a symbol (empty, too long, spaces inside, bad characters) is parsed
        // Then it is refused, quoting the offending input
        assertThatThrownBy(() -> Symbol.of(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid symbol '" + raw.strip().toUpperCase(Locale.ROOT) + "'")
                .hasMessageContaining("expected 1-15 letters, digits, '.' or '-'");
    }

    @Test
    void theConstructorCannotBypassTheUpperCaseRule() {
        // When the canonical constructor is called with a lower-case or padded value
        // Then it is refused: only Symbol.of normalises
        assertThatThrownBy(() -> new Symbol("aapl")).hasMessageStartingWith("invalid symbol 'aapl'");
        assertThatThrownBy(() -> new Symbol(" AAPL")).hasMessageStartingWith("invalid symbol ' AAPL'");
    }

    @Test
    void rejectsAMissingSymbol() {
        // When no symbol is given at all
        // Then the message names the missing field
        assertThatThrownBy(() -> Symbol.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing required field 'symbol'");
        assertThatThrownBy(() -> new Symbol(null)).hasMessage("missing required field 'symbol'");
    }

    @Test
    void equalSymbolsReadAnyWayAreOneSharedObject() {
        // Given a symbol read as it is written and in other spellings
        Symbol plain = Symbol.of("SHRD.A");

        // Then every spelling gives the same object, and the record's constructor still makes new ones
        assertThat(Symbol.of("SHRD.A")).isSameAs(plain);
        assertThat(Symbol.of(" shrd.a ")).isSameAs(plain);
        assertThat(Symbol.of("Shrd.A")).isSameAs(plain);
        assertThat(new Symbol("SHRD.A")).isEqualTo(plain).isNotSameAs(plain);
        assertThatThrownBy(() -> Symbol.of("not a symbol")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 2000)
    void acceptsExactlyWhatTheDocumentedPatternAccepts(
            @ForAll
                    @StringLength(min = 0, max = 17)
                    @CharRange(from = 'A', to = 'Z')
                    @CharRange(from = '0', to = '9')
                    @Chars({'.', '-', 'a', ' ', '_', '/', 'Ä'})
                    String value) {
        Pattern documented = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{0,14}");
        boolean accepted;
        try {
            new Symbol(value);
            accepted = true;
        } catch (IllegalArgumentException e) {
            accepted = false;
        }

        assertThat(accepted).isEqualTo(documented.matcher(value).matches());
    }
}
