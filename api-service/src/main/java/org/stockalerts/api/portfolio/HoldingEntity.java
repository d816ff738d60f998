package org.stockalerts.api.portfolio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;
import org.stockalerts.common.event.Holding;
import org.stockalerts.common.event.Symbol;

/** One position of a portfolio. */
@Entity
@Table(name = "holdings")
class HoldingEntity {

    /** Decimal places stored for quantities and prices (numeric(24, 8)). */
    static final int SCALE = 8;

    @Id
    private UUID id;

    @Column(name = "portfolio_id", nullable = false)
    private UUID portfolioId;

    @Column(nullable = false)
    private String symbol;

    @Column(nullable = false)
    private BigDecimal quantity;

    @Column(name = "average_cost", nullable = false)
    private BigDecimal averageCost;

    @Column(name = "threshold_price")
    private BigDecimal thresholdPrice;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected HoldingEntity() {}

    HoldingEntity(UUID id, UUID portfolioId, Symbol symbol, Instant now) {
        this.id = id;
        this.portfolioId = portfolioId;
        this.symbol = symbol.value();
        this.createdAt = now;
    }

    void set(BigDecimal quantity, BigDecimal averageCost, BigDecimal thresholdPrice, Instant now) {
        this.quantity = quantity;
        this.averageCost = averageCost;
        this.thresholdPrice = thresholdPrice;
        this.updatedAt = now;
    }

    /** A further purchase: quantities add up, the average cost is weighted by quantity. */
    void buy(BigDecimal moreQuantity, BigDecimal price, BigDecimal newThreshold, Instant now) {
        BigDecimal total = quantity.add(moreQuantity);
        BigDecimal cost = quantity.multiply(averageCost).add(moreQuantity.multiply(price));
        set(
                total,
                cost.divide(total, SCALE, RoundingMode.HALF_EVEN),
                newThreshold == null ? thresholdPrice : newThreshold,
                now);
    }

    Holding toHolding() {
        return new Holding(Symbol.of(symbol), quantity, averageCost);
    }

    UUID id() {
        return id;
    }

    Symbol symbol() {
        return Symbol.of(symbol);
    }

    BigDecimal quantity() {
        return quantity;
    }

    BigDecimal averageCost() {
        return averageCost;
    }

    BigDecimal thresholdPrice() {
        return thresholdPrice;
    }
}
