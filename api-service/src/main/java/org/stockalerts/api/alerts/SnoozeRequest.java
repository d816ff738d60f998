package org.stockalerts.api.alerts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * The body of {@code POST /alerts/{id}/snooze}.
 *
 * @param until until when the rule stays silent: in the future, at most 366 days ahead
 */
@Schema(description = "Until when the rule stays silent", example = "{\"until\": \"2026-01-02T21:00:00Z\"}")
record SnoozeRequest(@NotNull Instant until) {}
