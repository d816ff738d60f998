package org.stockalerts.api.alerts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.stockalerts.api.security.CurrentUser;

@RestController
@Tag(name = "Fired alerts")
class DeliveryController {

    private final AlertDeliveries deliveries;

    DeliveryController(AlertDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping("/alerts/{id}/deliveries")
    @Operation(
            summary = "Delivery state of one of the caller's fired alerts: per channel target its attempts and"
                    + " the outcome of the last one (DELIVERED, RETRYING, FAILED, SKIPPED)")
    List<AlertDeliveries.Target> deliveries(@PathVariable UUID id, @CurrentUser UUID caller) {
        return deliveries.of(id, caller);
    }
}
