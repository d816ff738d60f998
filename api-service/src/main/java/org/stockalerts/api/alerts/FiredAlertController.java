package org.stockalerts.api.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stockalerts.api.security.CurrentUser;
import org.stockalerts.api.security.Ownership;
import org.stockalerts.api.web.JsonAnswer;
import org.stockalerts.api.web.PageResponse;
import org.stockalerts.api.web.Paging;
import org.stockalerts.common.event.Symbol;

@RestController
@Tag(name = "Fired alerts", description = "The alerts that fired for the caller")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FiredAlertController {

    private final FiredAlerts firedAlerts;
    private final AlertPositions positions;
    private final Paging paging;

    @GetMapping("/users/{id}/alerts")
    @Operation(
            summary = "Alerts that fired for the user, newest first; from (inclusive) and to (exclusive) are"
                    + " ISO-8601 instants. With after (a cursor, or an alertId of an alert stored before cursors"
                    + " existed) the alerts after it instead, oldest first, in the order the live stream sends"
                    + " them: poll with the cursor of the last item to see every alert once")
    @JsonAnswer(AlertExamples.FIRED)
    PageResponse<FiredAlerts.FiredAlert> list(
            @PathVariable UUID id,
            @CurrentUser UUID caller,
            @RequestParam(required = false) String symbol,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Ownership.requireSelf(id, caller);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("parameter 'from' must be before 'to'");
        }
        FiredAlerts.Filter filter = new FiredAlerts.Filter(id, symbol == null ? null : Symbol.of(symbol), from, to);
        Pageable pageable = paging.of(page, size, Sort.unsorted());
        if (after == null) {
            return firedAlerts.page(filter, pageable);
        }
        if (page != null) {
            throw new IllegalArgumentException("parameter 'page' cannot be combined with 'after'");
        }
        ResumePoint point = positions
                .resolve(id, after)
                .orElseThrow(() -> new IllegalArgumentException("'after' names no alert of this user"));
        return firedAlerts.after(filter, point, pageable.getPageSize());
    }
}
