package org.stockalerts.api.alerts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * The body of {@code POST /alerts/dry-run}: a rule, given in full ({@code rule}, as for {@code POST /alerts}) or as
 * one of the caller's rules ({@code alertId}), and the range of stored ticks to replay it over.
 *
 * @param rule the rule to try, as the body of {@code POST /alerts}; exactly one of {@code rule} and {@code alertId}
 * @param alertId one of the caller's rules: its definition is replayed, and the alertIds answered are those the live
 *     engine gives that rule's alerts
 * @param from the first instant replayed (inclusive)
 * @param to the end of the replay (exclusive), at most now
 */
@Schema(
        description = "A rule (in full, or one of yours by alertId) and the range of recorded ticks to replay it over",
        example = AlertExamples.DRY_RUN_REQUEST)
record DryRunRequest(
        @Valid RuleRequest rule,
        UUID alertId,
        @NotNull Instant from,
        @NotNull Instant to) {}
