package org.stockalerts.analytics.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MovingAveragesTest {

    @Test
    void averagesTheLatestFiveAndTwentyClosesRoundedToFourDecimals() {
        // Given 21 closes 100.01, 100.02, … 100.21 (the first falls out of the twenty kept)
        MovingAverages averages = new MovingAverages();
        for (int i = 1; i <= 21; i++) {
            averages.record(i * 60_000L, new BigDecimal("100").add(new BigDecimal(i).movePointLeft(2)));
        }

        // Then SMA5 = (100.17 + … + 100.21) / 5 = 100.19 and SMA20 = (100.02 + … + 100.21) / 20 = 100.115
        assertThat(averages.sma5()).isEqualByComparingTo("100.1900");
        assertThat(averages.sma20()).isEqualByComparingTo("100.1150");
        assertThat(averages.closes()).hasSize(20);
    }

    @Test
    void roundsHalfEvenAtTheFourthDecimal() {
        // Given five closes summing to 50.00013
        MovingAverages averages = new MovingAverages();
        String[] closes = {"10.00001", "10.00002", "10.00003", "10.00003", "10.00004"};
        for (int i = 0; i < closes.length; i++) {
            averages.record(i, new BigDecimal(closes[i]));
        }

        // Then SMA5 = 10.000026 reads 10.0000
        assertThat(averages.sma5()).isEqualByComparingTo("10.0000");
        assertThat(averages.sma20()).isNull();
    }

    @Test
    void anAmendedCloseReplacesItsBarsClose() {
        // Given five closes of 10
        MovingAverages averages = new MovingAverages();
        for (int i = 0; i < 5; i++) {
            averages.record(i, BigDecimal.TEN);
        }

        // When the third bar's close is amended to 15
        averages.record(2, new BigDecimal("15"));

        // Then SMA5 = 55 / 5
        assertThat(averages.sma5()).isEqualByComparingTo("11");
        assertThat(averages.closes()).hasSize(5);
    }

    @Test
    void aLateBarTakesItsPlaceInWindowOrder() {
        // Given closes of bars 1, 2, 4, 5, 6
        MovingAverages averages = new MovingAverages();
        for (long start : new long[] {1, 2, 4, 5, 6}) {
            averages.record(start, BigDecimal.valueOf(start));
        }

        // When bar 3 arrives late
        averages.record(3, BigDecimal.valueOf(3));

        // Then the latest five are bars 2 to 6: (2 + 3 + 4 + 5 + 6) / 5
        assertThat(averages.closes())
                .extracting(MovingAverages.Close::windowStart)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(averages.sma5()).isEqualByComparingTo("4");
    }
}
