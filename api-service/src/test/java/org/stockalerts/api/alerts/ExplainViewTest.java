package org.stockalerts.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.AlertReceipt;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.market.MarketSession;
import org.stockalerts.common.preferences.DeliveryPreferences;
import org.stockalerts.common.preferences.QuietHours;
import org.stockalerts.common.rules.RuleExplanation;
import org.stockalerts.common.rules.RuleExplanation.Code;
import org.stockalerts.common.rules.RuleExplanation.Reason;

class ExplainViewTest {

    private static final Instant NOW = Instant.parse("2026-01-05T15:00:00Z");
    private static final UUID RULE = UUID.randomUUID();

    @Test
    void aRuleTheEngineDoesNotHoldYetIsPending() {
        ExplainView view = ExplainView.of(rule(1), Optional.empty(), NOW);

        assertThat(view.engineRevision()).isNull();
        assertThat(view.reasons()).extracting(Reason::code).containsExactly(Code.PENDING);
        assertThat(view.explainedAt()).isEqualTo(NOW);
    }

    @Test
    void aChangeOnItsWayIsPendingBeforeTheEnginesReasonsForTheRevisionItHolds() {
        ExplainView view = ExplainView.of(rule(3), Optional.of(engine(2)), NOW);

        assertThat(view.engineRevision()).isEqualTo(2);
        assertThat(view.reasons()).extracting(Reason::code).containsExactly(Code.PENDING, Code.CONDITION_NOT_MET);
    }

    @Test
    void theEnginesCurrentRevisionIsShownAsItExplainsIt() {
        ExplainView view = ExplainView.of(rule(2), Optional.of(engine(2)), NOW);

        assertThat(view.reasons()).extracting(Reason::code).containsExactly(Code.CONDITION_NOT_MET);
        assertThat(view.lastValue()).isEqualByComparingTo("190");
        assertThat(view.explainedAt()).isEqualTo(NOW.minusMillis(5));
    }

    @Test
    void inTheUsersQuietHoursARuleThatSendsToChannelsSaysWhenItsDigestGoesOut() {
        // quiet 22:00 to 07:00 in New York; NOW is 10:00 there, an hour before it is 23:00
        DeliveryPreferences preferences = new DeliveryPreferences(
                ZoneId.of("America/New_York"), new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)), Map.of());
        Instant night = NOW.plus(Duration.ofHours(13));

        ExplainView quiet = ExplainView.of(
                rule(2, Set.of(ChannelType.IN_APP, ChannelType.EMAIL)), Optional.of(engine(2)), preferences, night);
        ExplainView inAppOnly =
                ExplainView.of(rule(2, Set.of(ChannelType.IN_APP)), Optional.of(engine(2)), preferences, night);
        ExplainView daytime =
                ExplainView.of(rule(2, Set.of(ChannelType.WEBHOOK)), Optional.of(engine(2)), preferences, NOW);

        assertThat(quiet.reasons()).extracting(Reason::code).containsExactly(Code.CONDITION_NOT_MET, Code.QUIET_HOURS);
        assertThat(quiet.reasons().getLast().until()).isEqualTo(Instant.parse("2026-01-06T12:00:00Z"));
        assertThat(inAppOnly.reasons()).extracting(Reason::code).containsExactly(Code.CONDITION_NOT_MET);
        assertThat(daytime.reasons()).extracting(Reason::code).containsExactly(Code.CONDITION_NOT_MET);
    }

    private static RuleExplanation engine(long revision) {
        return new RuleExplanation(
                RULE,
                revision,
                new BigDecimal("190"),
                NOW.minusSeconds(10),
                new AlertReceipt.TriggerState(true, null),
                List.of(new Reason(
                        Code.CONDITION_NOT_MET, "not yet", new BigDecimal("200"), BigDecimal.TEN, null, null)),
                NOW.minusMillis(5));
    }

    private static RuleView rule(long revision) {
        return rule(revision, null);
    }

    private static RuleView rule(long revision, Set<ChannelType> channels) {
        return new RuleView(
                RULE,
                UUID.randomUUID(),
                Symbol.of("AAPL"),
                Condition.PRICE_ABOVE,
                new BigDecimal("200"),
                null,
                null,
                null,
                null,
                TriggerMode.ONCE,
                null,
                null,
                null,
                channels,
                RuleStatus.ACTIVE,
                MarketSession.ANY,
                null,
                null,
                revision,
                NOW,
                NOW,
                List.of());
    }
}
