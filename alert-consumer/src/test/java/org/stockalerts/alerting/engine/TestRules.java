package org.stockalerts.alerting.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.MoveReference;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TriggerMode;

/** Builds alert rules for tests: ONCE, ACTIVE, on AAPL, for one fixed user unless told otherwise. */
final class TestRules {

    static final UUID USER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

    private UUID ruleId = UUID.randomUUID();
    private UUID userId = USER;
    private Symbol symbol = Symbol.of("AAPL");
    private final Condition condition;
    private BigDecimal threshold;
    private BigDecimal percent;
    private MoveReference reference;
    private Integer windowMinutes;
    private Signal signal;
    private TriggerMode mode = TriggerMode.ONCE;
    private Duration cooldown;
    private BigDecimal margin;
    private Instant expiresAt;
    private Set<ChannelType> channels = Set.of(ChannelType.IN_APP);
    private RuleStatus status = RuleStatus.ACTIVE;
    private long revision = 1;

    private TestRules(Condition condition) {
        this.condition = condition;
    }

    static TestRules level(Condition condition, String threshold) {
        TestRules rules = new TestRules(condition);
        rules.threshold = new BigDecimal(threshold);
        if (!condition.needsSymbol()) {
            rules.symbol = null;
        }
        return rules;
    }

    /**
     * A level or cross rule on {@code symbol} at a random threshold from 90 to 110, ONCE, with a
     * cooldown or re-arming, of a user of its own.
     */
    static AlertRule randomLevel(Random random, String symbol) {
        Condition[] conditions = {
            Condition.PRICE_ABOVE, Condition.PRICE_BELOW, Condition.CROSSES_UP, Condition.CROSSES_DOWN
        };
        TestRules rule = level(conditions[random.nextInt(conditions.length)], String.valueOf(90 + random.nextInt(21)))
                .on(symbol)
                .user(UUID.randomUUID());
        switch (random.nextInt(3)) {
            case 0 -> rule.cooldown(Duration.ofSeconds(30 + random.nextInt(300)));
            case 1 -> rule.rearm(String.valueOf(random.nextInt(4)));
            default -> {}
        }
        return rule.build();
    }

    static TestRules move(Condition condition, String percent, MoveReference reference, Integer windowMinutes) {
        TestRules rules = new TestRules(condition);
        rules.percent = new BigDecimal(percent);
        rules.reference = reference;
        rules.windowMinutes = windowMinutes;
        return rules;
    }

    static TestRules signal(Signal signal) {
        TestRules rules = new TestRules(Condition.SIGNAL_TURNS);
        rules.signal = signal;
        return rules;
    }

    TestRules id(UUID id) {
        this.ruleId = id;
        return this;
    }

    TestRules user(UUID user) {
        this.userId = user;
        return this;
    }

    TestRules on(String symbol) {
        this.symbol = Symbol.of(symbol);
        return this;
    }

    TestRules threshold(String threshold) {
        this.threshold = new BigDecimal(threshold);
        return this;
    }

    TestRules cooldown(Duration cooldown) {
        this.mode = TriggerMode.COOLDOWN;
        this.cooldown = cooldown;
        return this;
    }

    TestRules rearm(String margin) {
        this.mode = TriggerMode.REARM;
        this.margin = new BigDecimal(margin);
        return this;
    }

    TestRules expiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    TestRules channels(Set<ChannelType> channels) {
        this.channels = channels;
        return this;
    }

    TestRules status(RuleStatus status) {
        this.status = status;
        return this;
    }

    TestRules revision(long revision) {
        this.revision = revision;
        return this;
    }

    AlertRule build() {
        return new AlertRule(
                ruleId,
                userId,
                symbol,
                condition,
                threshold,
                percent,
                reference,
                windowMinutes,
                signal,
                mode,
                cooldown,
                margin,
                expiresAt,
                channels,
                status,
                revision);
    }
}
