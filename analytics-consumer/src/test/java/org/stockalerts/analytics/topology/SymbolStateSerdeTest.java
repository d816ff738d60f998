package org.stockalerts.analytics.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockalerts.analytics.bars.BarWindow;
import org.stockalerts.analytics.bars.OpenBar;
import org.stockalerts.analytics.signals.SignalRule;
import org.stockalerts.common.event.Signal;

class SymbolStateSerdeTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void roundTripsBarsVolumeMarksAndSignal() {
        // Given a state with an open minute bar, a published day bar and a bullish signal
        SymbolState state = SymbolState.empty(2);
        LocalDate date = LocalDate.of(2026, 3, 2);
        OpenBar minute = state.intervals().get(0).barFor(new BarWindow(60_000, 120_000, date, false));
        minute.add(new BigDecimal("101.25"), 61_000, 2_000L);
        minute.add(new BigDecimal("123456789012345678901234.5678"), 62_000, 2_500L);
        state.intervals().get(0).observeVolume(date, 2_500L);
        OpenBar day = state.intervals().get(1).barFor(new BarWindow(0, 86_400_000, date, true));
        day.add(new BigDecimal("99.5"), 61_000, null);
        day.markPublished();
        for (int i = 0; i < 20; i++) {
            state.signals().onBar(i, BigDecimal.valueOf(i), i, new SignalRule(BigDecimal.ZERO));
        }
        SymbolStateSerde serde = new SymbolStateSerde(List.of(MINUTE, DAY));

        // When it is written and read back
        SymbolState read =
                serde.deserializer().deserialize("t", serde.serializer().serialize("t", state));

        // Then everything that matters survived
        assertThat(read.intervals().get(0).bars()).singleElement().satisfies(bar -> {
            assertThat(bar.toBar()).isEqualTo(minute.toBar());
            assertThat(bar.published()).isFalse();
        });
        assertThat(read.intervals().get(0).volumeMark()).isEqualTo(2_500);
        assertThat(read.intervals().get(0).volumeDate()).isEqualTo(date);
        assertThat(read.intervals().get(1).bars())
                .singleElement()
                .satisfies(bar -> assertThat(bar.published()).isTrue());
        assertThat(read.signals().signal()).isEqualTo(Signal.BULLISH);
        assertThat(read.signals().since()).isEqualTo(state.signals().since());
        assertThat(read.signals().averages().closes())
                .isEqualTo(state.signals().averages().closes());
    }

    @Test
    void keepsTheIntervalsStillConfiguredAfterARestartWithOthers() {
        // Given a state written with minute and day bars
        SymbolState state = SymbolState.empty(2);
        state.intervals()
                .get(1)
                .barFor(new BarWindow(0, 86_400_000, LocalDate.of(2026, 3, 2), true))
                .add(BigDecimal.TEN, 1, null);
        byte[] bytes = new SymbolStateSerde(List.of(MINUTE, DAY)).serializer().serialize("t", state);

        // When it is read by a topology configured with day and 5-minute bars
        SymbolState read = new SymbolStateSerde(List.of(DAY, Duration.ofMinutes(5)))
                .deserializer()
                .deserialize("t", bytes);

        // Then the day bar is kept in its new place and the new interval starts empty
        assertThat(read.intervals().get(0).bars()).hasSize(1);
        assertThat(read.intervals().get(1).bars()).isEmpty();
    }
}
