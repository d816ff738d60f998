package org.stockalerts.api.portfolio;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.stockalerts.common.event.Symbol;

/** Request bodies of the portfolio routes. */
final class PortfolioRequests {

    private PortfolioRequests() {}

    /**
     * Creates or updates the caller's portfolio. {@code holdings}, when present, replaces them all.
     *
     * @param userId required by {@code POST /portfolio}, which names the user in the body; must be the caller
     */
    @Schema(
            example = "{\"name\": \"Retirement\", \"holdings\": [{\"symbol\": \"AAPL\", \"quantity\": 10,"
                    + " \"averageCost\": 150.25, \"thresholdPrice\": 200}]}")
    record PortfolioRequest(
            UUID userId,
            @Pattern(regexp = ".*\\S.*") @Size(max = 200) String name,
            @Valid @Size(max = 500) List<HoldingRequest> holdings) {}

    /**
     * A position (quantity and average cost), or a watch entry (neither, with a threshold). Keys match
     * in any letter case, and the Go system's names are accepted: {@code StockSymbol} for
     * {@code symbol}, {@code ThresholdPrice} for {@code thresholdPrice}; {@code purchasePrice} is
     * accepted for {@code averageCost}. A {@code thresholdPrice} keeps a price-at-or-above alert rule
     * for the holding.
     */
    @Schema(example = "{\"symbol\": \"MSFT\", \"quantity\": 5, \"averageCost\": 402.10, \"thresholdPrice\": 450}")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
    record HoldingRequest(
            @JsonAlias("StockSymbol") Symbol symbol,

            @Positive @Digits(integer = 16, fraction = 8) BigDecimal quantity,

            @JsonAlias("purchasePrice") @PositiveOrZero @Digits(integer = 16, fraction = 8)
            BigDecimal averageCost,

            @Positive @Digits(integer = 16, fraction = 8) BigDecimal thresholdPrice) {

        @JsonIgnore
        @AssertTrue(
                message = "needs quantity and averageCost together, or neither and a thresholdPrice (a watch entry)")
        boolean isPositionOrWatchEntry() {
            return quantity == null ? averageCost == null && thresholdPrice != null : averageCost != null;
        }
    }
}
