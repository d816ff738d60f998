package org.stockalerts.api.portfolio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.stockalerts.api.database.StampedEntity;
import org.stockalerts.common.event.Holding;
import org.stockalerts.common.event.Symbol;

/**
 * One holding of a portfolio: a position (quantity and average cost), or a watch entry (a symbol
 * watched for its price thresholds, with neither).
 */
@Entity
@Table(name = "holdings")
public class HoldingEntity extends StampedEntity {

    /** Decimal places stored for quantities and prices (numeric(24, 8)). */
    static final int SCALE = 8;

    @Column(name = "portfolio_id", nullable = false)
    private UUID portfolioId;

    @Column(nullable = false)
    private String symbol;

    @Column
    private BigDecimal quantity;

    @Column(name = "average_cost")
    private BigDecimal averageCost;

    @Column(name = "threshold_price")
    private BigDecimal thresholdPrice;

    protected HoldingEntity() {}

    HoldingEntity(UUID id, UUID portfolioId, Symbol symbol, Instant now) {
        super(id, now);
        this.portfolioId = portfolioId;
        this.symbol = symbol.value();
    }

    void set(BigDecimal quantity, BigDecimal averageCost, BigDecimal thresholdPrice, Instant now) {
        this.quantity = quantity;
        this.averageCost = averageCost;
        this.thresholdPrice = thresholdPrice;
        touched(now);
    }

    /** Watches the symbol at {@code threshold} too: the latest threshold becomes the holding's. */
    void watch(BigDecimal threshold, Instant now) {
        set(quantity, averageCost, threshold, now);
    }

    /**
     * A further purchase: quantities add up, the average cost is weighted by quantity; a watch entry
     * becomes a position.
     */
    void buy(BigDecimal moreQuantity, BigDecimal price, BigDecimal newThreshold, Instant now) {
        if (watched()) {
            set(moreQuantity, price, newThreshold == null ? thresholdPrice : newThreshold, now);
            return;
        }
        BigDecimal total = quantity.add(moreQuantity);
        BigDecimal cost = quantity.multiply(averageCost).add(moreQuantity.multiply(price));
        set(
                total,
                cost.divide(total, SCALE, RoundingMode.HALF_EVEN),
                newThreshold == null ? thresholdPrice : newThreshold,
                now);
    }

    /** Whether this is a watch entry: no quantity, no cost. */
    boolean watched() {
        return quantity == null;
    }

    /** The position, or empty for a watch entry, which holds nothing. */
    Optional<Holding> toHolding() {
        return watched() ? Optional.empty() : Optional.of(new Holding(Symbol.of(symbol), quantity, averageCost));
    }

    public Symbol symbol() {
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
