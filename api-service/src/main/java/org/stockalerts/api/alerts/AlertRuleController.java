package org.stockalerts.api.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stockalerts.api.idempotency.Idempotent;
import org.stockalerts.api.security.CurrentUser;
import org.stockalerts.api.security.Ownership;
import org.stockalerts.api.user.Preferences;
import org.stockalerts.api.web.JsonAnswer;
import org.stockalerts.api.web.NotFoundException;
import org.stockalerts.api.web.PageResponse;
import org.stockalerts.api.web.Paging;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.Symbol;

@RestController
@RequestMapping("/alerts")
@Tag(name = "Alert rules", description = "The caller's alert rules: conditions, trigger modes, expiry, channels")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AlertRuleController {

    private final AlertRules alertRules;
    private final AlertRuleRepository rules;
    private final RuleWarnings warnings;
    private final DryRuns dryRuns;
    private final EngineExplanations engine;
    private final Paging paging;
    private final Preferences preferences;
    private final Clock clock;

    @PostMapping
    @Idempotent
    @Operation(
            summary = "Create an alert rule",
            description = "A rule whose condition already holds at the symbol's latest price is saved, with a"
                    + " warning ALREADY_SATISFIED in 'warnings': it fires on the next tick (a cross waits for the"
                    + " price to get there).")
    @JsonAnswer(status = HttpStatus.CREATED, value = AlertExamples.RULE_WITH_WARNING)
    ResponseEntity<RuleView> create(@CurrentUser UUID caller, @Valid @RequestBody RuleRequest request) {
        Ownership.requireSelfIfNamed(request.userId(), caller);
        RuleView rule = saved(alertRules.create(caller, request));
        return ResponseEntity.created(URI.create("/alerts/" + rule.id())).body(rule);
    }

    @GetMapping
    @Operation(summary = "The caller's rules, newest first, filtered by symbol and status")
    @JsonAnswer(AlertExamples.RULES)
    PageResponse<RuleView> list(
            @CurrentUser UUID caller,
            @RequestParam(required = false) UUID userId,
            @RequestParam(required = false) String symbol,
            @RequestParam(required = false) RuleStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Ownership.requireSelfIfNamed(userId, caller);
        var request = paging.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt", "id"));
        Symbol wanted = symbol == null ? null : Symbol.of(symbol);
        return PageResponse.of(
                rules.findAll(RuleFilter.of(caller, wanted, status, clock.instant()), request), this::view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of the caller's rules")
    @JsonAnswer(AlertExamples.RULE)
    RuleView get(@CurrentUser UUID caller, @PathVariable UUID id) {
        return view(rules.findByIdAndUserId(id, caller).orElseThrow(() -> new NotFoundException("alert rule", id)));
    }

    @GetMapping("/{id}/explain")
    @Operation(
            summary = "Why a rule fires or not now, from the alert engine's state",
            description = "The engine's state of a symbol rule and of its symbol: the last value it was compared"
                    + " with and when, its trigger state, and reason codes (CONDITION_MET, CONDITION_NOT_MET with the"
                    + " distance to the level, WAITING_REARM, COOLDOWN, TRIGGERED, PAUSED, EXPIRED, OUTSIDE_SESSION,"
                    + " NO_DATA, FEED_STALE, VALUE_NOT_KEPT, SNOOZED, PENDING, and QUIET_HOURS with until while the user's quiet"
                    + " hours hold what the rule sends to channels); for a portfolio rule, from the"
                    + " portfolio's value. 503 while the engine cannot answer.")
    @JsonAnswer(AlertExamples.EXPLAIN)
    ExplainView explain(@CurrentUser UUID caller, @PathVariable UUID id) {
        RuleView rule = get(caller, id);
        var explanation =
                rule.symbol() == null ? engine.explainPortfolio(id, caller) : engine.explain(id, rule.symbol());
        return ExplainView.of(rule, explanation, preferences.of(caller), clock.instant());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a rule's definition (its status is kept)")
    @JsonAnswer(AlertExamples.RULE)
    RuleView replace(@CurrentUser UUID caller, @PathVariable UUID id, @Valid @RequestBody RuleRequest request) {
        Ownership.requireSelfIfNamed(request.userId(), caller);
        return view(alertRules.replace(caller, id, request));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields of a rule")
    @JsonAnswer(AlertExamples.RULE)
    RuleView patch(@CurrentUser UUID caller, @PathVariable UUID id, @Valid @RequestBody RuleRequest request) {
        Ownership.requireSelfIfNamed(request.userId(), caller);
        return view(alertRules.patch(caller, id, request));
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Pause a rule: it stops firing until resumed")
    @JsonAnswer(AlertExamples.RULE)
    RuleView pause(@CurrentUser UUID caller, @PathVariable UUID id) {
        return view(alertRules.setStatus(caller, id, RuleStatus.PAUSED));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume a paused (or re-arm a triggered) rule")
    @JsonAnswer(AlertExamples.RULE)
    RuleView resume(@CurrentUser UUID caller, @PathVariable UUID id) {
        return saved(alertRules.setStatus(caller, id, RuleStatus.ACTIVE));
    }

    @PostMapping("/{id}/snooze")
    @Operation(
            summary = "Snooze a rule until a given time",
            description = "Until 'until' the rule is silent: a tick observed before it neither fires nor re-arms"
                    + " it, and GET /alerts/{id}/explain says SNOOZED. The first tick at or after it is evaluated as"
                    + " usual. At most 366 days ahead; snoozing again replaces the time.")
    @JsonAnswer(AlertExamples.RULE)
    RuleView snooze(@CurrentUser UUID caller, @PathVariable UUID id, @Valid @RequestBody SnoozeRequest request) {
        return view(alertRules.snooze(caller, id, request.until()));
    }

    @DeleteMapping("/{id}/snooze")
    @Operation(summary = "End a rule's snooze now")
    @JsonAnswer(AlertExamples.RULE)
    RuleView unsnooze(@CurrentUser UUID caller, @PathVariable UUID id) {
        return view(alertRules.snooze(caller, id, null));
    }

    @PostMapping("/dry-run")
    @Operation(
            summary = "Replay a rule over recorded prices: when it would have fired, with receipts",
            description = "Replays a price rule (level, cross or move) over the stored ticks of its symbol in"
                    + " [from, to) with the engine's own rule semantics, starting armed. The rule is given in full"
                    + " ('rule', as for POST /alerts) or as one of the caller's rules ('alertId', whose alertIds are"
                    + " then those the live engine gives). Nothing is saved. A range longer than the configured"
                    + " maximum, or holding more ticks than it, is refused with a 422.")
    @JsonAnswer(AlertExamples.DRY_RUN)
    DryRunView dryRun(@CurrentUser UUID caller, @Valid @RequestBody DryRunRequest request) {
        return dryRuns.run(caller, request);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a rule")
    ResponseEntity<Void> delete(@CurrentUser UUID caller, @PathVariable UUID id) {
        alertRules.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    private RuleView view(AlertRuleEntity entity) {
        return RuleView.of(entity, clock.instant());
    }

    /**
     * A rule just created or resumed, with the warnings it deserves: both start its trigger state afresh, so a
     * condition that holds fires on the next tick (an edit may keep the state the engine has, e.g. a re-arming rule
     * still waiting to re-arm, so it gets none).
     */
    private RuleView saved(AlertRuleEntity entity) {
        return RuleView.of(entity, clock.instant(), warnings.of(entity.toRule()));
    }
}
