package org.stockalerts.api.alerts;

import static org.stockalerts.api.security.Ownership.requireSelfOrAdmin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stockalerts.api.idempotency.Idempotent;
import org.stockalerts.api.security.Caller;
import org.stockalerts.api.security.CurrentUser;
import org.stockalerts.api.web.JsonAnswer;

@RestController
@Tag(name = "Fired alerts")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class DeliveryController {

    private final AlertDeliveries deliveries;
    private final DeliveryReplays replays;

    @GetMapping("/alerts/{id}/deliveries")
    @Operation(
            summary = "Delivery state of one of the caller's fired alerts: per channel target its attempts and"
                    + " the outcome of the last one (DELIVERED, RETRYING, FAILED, SKIPPED)")
    @JsonAnswer(AlertExamples.DELIVERIES)
    List<AlertDeliveries.Target> deliveries(@PathVariable UUID id, @CurrentUser UUID caller) {
        return deliveries.of(id, caller);
    }

    @PostMapping("/users/{userId}/alerts/{alertId}/deliveries/{channelId}/replay")
    @Idempotent
    @Operation(
            summary = "Send one delivery of a fired alert again: the alert to one webhook or e-mail channel",
            description = "One new attempt of the same message (a webhook gets the same webhook-id), made by the"
                    + " delivery service moments later and shown in GET /alerts/{id}/deliveries; it is not"
                    + " retried. 409 when the alert already reached the channel. A webhook the delivery service"
                    + " disabled is skipped until re-enabled. The user's own, or the admin key's.")
    @ApiResponse(responseCode = "202", description = "Accepted")
    ResponseEntity<Void> replay(
            @PathVariable UUID userId,
            @PathVariable UUID alertId,
            @PathVariable UUID channelId,
            @CurrentUser Caller caller) {
        replays.replay(requireSelfOrAdmin(userId, caller), alertId, channelId);
        return ResponseEntity.accepted().build();
    }
}
