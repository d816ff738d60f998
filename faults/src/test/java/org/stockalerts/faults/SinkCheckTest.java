package org.stockalerts.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SinkCheckTest {

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();
    private final UUID c = UUID.randomUUID();
    private final UUID warmUp = UUID.randomUUID();

    @Test
    void aSinkThatSawEveryExpectedIdOnceIsExact() {
        SinkCheck check = SinkCheck.of("topic", Set.of(a, b), Map.of(a, 1, b, 1), Set.of());

        assertThat(check).isEqualTo(new SinkCheck("topic", 2, 0, 0, 0));
        assertThat(check.exact()).isTrue();
    }

    @Test
    void anExpectedIdNeverSeenIsLost() {
        SinkCheck check = SinkCheck.of("topic", Set.of(a, b, c), Map.of(a, 1), Set.of());

        assertThat(check.lost()).isEqualTo(2);
        assertThat(check.exact()).isFalse();
    }

    @Test
    void everyExtraCopyOfAnIdCountsAsOneDuplicate() {
        SinkCheck check = SinkCheck.of("webhooks", Set.of(a, b), Map.of(a, 3, b, 2), Set.of());

        assertThat(check.duplicates()).isEqualTo(3);
        assertThat(check.lost()).isZero();
        assertThat(check.duplicatePercent()).isEqualTo(150.0);
    }

    @Test
    void anIdNobodyExpectedIsUnexpected() {
        SinkCheck check = SinkCheck.of("stored alerts", Set.of(a), Map.of(a, 1, c, 2), Set.of());

        assertThat(check.unexpected()).isEqualTo(1);
        assertThat(check.duplicates()).isZero();
        assertThat(check.exact()).isFalse();
    }

    @Test
    void idsTheWarmUpFiredAreLeftOutOfEveryCount() {
        SinkCheck check = SinkCheck.of("topic", Set.of(a), Map.of(a, 1, warmUp, 2), Set.of(warmUp));

        assertThat(check).isEqualTo(new SinkCheck("topic", 1, 0, 0, 0));
    }

    @Test
    void noExpectedIdsMeansNoDuplicatePercentage() {
        assertThat(SinkCheck.of("topic", Set.of(), Map.of(), Set.of()).duplicatePercent())
                .isZero();
    }

    @Test
    void clientsOfOneSinkAddUpUnderItsName() {
        SinkCheck first = SinkCheck.of("SSE clients from api-service 1", Set.of(a), Map.of(a, 2), Set.of());
        SinkCheck second = SinkCheck.of("other client", Set.of(b, c), Map.of(b, 1, warmUp, 1), Set.of());

        assertThat(first.plus(second)).isEqualTo(new SinkCheck("SSE clients from api-service 1", 3, 1, 1, 1));
    }
}
