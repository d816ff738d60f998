package org.stockalerts.api.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockalerts.api.web.NotFoundException;
import org.stockalerts.api.web.UnprocessableException;
import org.stockalerts.common.event.AlertReceipt;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.id.EventIds;
import org.stockalerts.common.rules.RuleReplay;

/**
 * Dry runs: a rule replayed over the stored ticks of its symbol ({@code persistence.price_ticks}) by {@link
 * RuleReplay}, the engine's own rule semantics. Ticks are replayed in stored order, {@code (observed_at, event_id)};
 * the ticks before {@code from} that the rule's history needs (the previous price of a cross, the window of a window
 * move) warm up the symbol first without being evaluated.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DryRuns {

    private final AlertRuleRepository rules;
    private final RecordedTicks ticks;
    private final EventIds ids;
    private final Clock clock;
    private final DryRunSettings settings;

    /** Replays the request's rule over its range, for {@code caller}. */
    @Transactional(readOnly = true)
    DryRunView run(UUID caller, DryRunRequest request) {
        AlertRule rule = rule(caller, request);
        if (!RuleReplay.replayable(rule.condition())) {
            throw new UnprocessableException("a dry run replays price ticks: " + rule.condition()
                    + " rules (signals, portfolio values) cannot be dry-run");
        }
        Instant from = request.from();
        Instant to = request.to();
        checkRange(from, to);
        Symbol symbol = rule.symbol();
        long stored = ticks.countUpTo(symbol, from, to, settings.maxTicks() + 1L);
        if (stored > settings.maxTicks()) {
            throw new UnprocessableException("the range holds more than %d stored ticks of %s, the most one dry run"
                            .formatted(settings.maxTicks(), symbol.value())
                    + " replays: choose a shorter range");
        }
        RuleReplay replay = new RuleReplay(rule);
        ticks.warmUp(replay, symbol, from);
        List<AlertTriggered> fired = new ArrayList<>();
        Instant[] span = new Instant[2];
        ticks.each(symbol, from, to, tick -> {
            long before = replay.ticksExamined();
            AlertTriggered alert = replay.evaluate(tick);
            if (replay.ticksExamined() > before) {
                span[0] = span[0] == null ? tick.observedAt() : span[0];
                span[1] = tick.observedAt();
            }
            if (alert != null) {
                fired.add(alert);
            }
        });
        var state = replay.rule().state();
        return new DryRunView(
                rule.ruleId(),
                symbol,
                rule.condition(),
                from,
                to,
                replay.ticksExamined(),
                span[0],
                span[1],
                fired.stream().map(DryRunView.DryRunAlert::of).toList(),
                new AlertReceipt.TriggerState(state.armed(), state.lastFiredAt()));
    }

    private AlertRule rule(UUID caller, DryRunRequest request) {
        if ((request.rule() == null) == (request.alertId() == null)) {
            throw new UnprocessableException(
                    "give exactly one of 'rule' (a rule body) and 'alertId' (one of your rules)");
        }
        if (request.alertId() != null) {
            AlertRule stored = rules.findByIdAndUserId(request.alertId(), caller)
                    .orElseThrow(() -> new NotFoundException("alert rule", request.alertId()))
                    .toRule();
            // replayed as it is defined, whatever its status now: a paused or triggered rule is tried as if active, and
            // without its snooze (a snooze has no start: kept, it would silence the whole past before it)
            return new AlertRule(
                    stored.ruleId(),
                    stored.userId(),
                    stored.symbol(),
                    stored.condition(),
                    stored.threshold(),
                    stored.percent(),
                    stored.reference(),
                    stored.windowMinutes(),
                    stored.signal(),
                    stored.triggerMode(),
                    stored.cooldown(),
                    stored.rearmMargin(),
                    stored.expiresAt(),
                    stored.channels(),
                    RuleStatus.ACTIVE,
                    stored.revision(),
                    stored.session());
        }
        if (request.rule().userId() != null && !request.rule().userId().equals(caller)) {
            throw new UnprocessableException("'rule.userId' must be the caller's id when given");
        }
        return request.rule().toRule(ids.next(), caller, RuleStatus.ACTIVE, 1);
    }

    private void checkRange(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new UnprocessableException("'from' must be before 'to'");
        }
        if (to.isAfter(clock.instant())) {
            throw new UnprocessableException("'to' must not be in the future: a dry run replays recorded ticks");
        }
        if (Duration.between(from, to).compareTo(settings.maxRange()) > 0) {
            throw new UnprocessableException("a dry run replays at most %s; this range is %s"
                    .formatted(settings.maxRange(), Duration.between(from, to)));
        }
    }
}
