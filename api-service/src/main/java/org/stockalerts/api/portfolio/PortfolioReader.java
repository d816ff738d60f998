package org.stockalerts.api.portfolio;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockalerts.api.alerts.HoldingRules;
import org.stockalerts.api.web.NotFoundException;

/**
 * Reads portfolios and holdings of their owner, valued at the latest stored prices: the rows in one
 * read-only transaction, then the prices (which may be unreadable) outside it.
 */
@Component
class PortfolioReader {

    private final PortfolioRepository portfolios;
    private final HoldingRepository holdings;
    private final LatestPrices prices;
    private final HoldingRules rules;
    private final TransactionTemplate readOnly;

    PortfolioReader(
            PortfolioRepository portfolios,
            HoldingRepository holdings,
            LatestPrices prices,
            HoldingRules rules,
            PlatformTransactionManager transactions) {
        this.portfolios = portfolios;
        this.holdings = holdings;
        this.prices = prices;
        this.rules = rules;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** A portfolio's rows: its holdings in symbol order and the thresholds of their rules. */
    private record Rows(PortfolioEntity portfolio, List<HoldingEntity> held, Map<UUID, List<BigDecimal>> thresholds) {}

    PortfolioView ofUser(UUID userId) {
        return valuedView(readOnly.execute(status -> rows(portfolios
                .findByUserId(userId)
                .orElseThrow(() -> new NotFoundException("portfolio of user", userId)))));
    }

    PortfolioView byId(UUID owner, UUID portfolioId) {
        return valuedView(readOnly.execute(status -> rows(owned(owner, portfolioId))));
    }

    List<Valuation.HoldingValue> holdings(UUID owner, UUID portfolioId) {
        return valued(readOnly.execute(status -> rows(owned(owner, portfolioId))));
    }

    Valuation.HoldingValue holding(HoldingEntity holding) {
        List<HoldingEntity> held = List.of(holding);
        return valued(new Rows(null, held, rules.thresholds(List.of(holding.id()))))
                .getFirst();
    }

    PortfolioView view(PortfolioEntity portfolio) {
        return valuedView(readOnly.execute(status -> rows(portfolio)));
    }

    private Rows rows(PortfolioEntity portfolio) {
        List<HoldingEntity> held = holdings.findByPortfolioIdOrderBySymbol(portfolio.id());
        return new Rows(
                portfolio,
                held,
                rules.thresholds(held.stream().map(HoldingEntity::id).toList()));
    }

    private PortfolioView valuedView(Rows rows) {
        PortfolioEntity portfolio = rows.portfolio();
        List<Valuation.HoldingValue> values = valued(rows);
        return new PortfolioView(
                portfolio.id(),
                portfolio.userId(),
                portfolio.name(),
                portfolio.createdAt(),
                portfolio.updatedAt(),
                values,
                Valuation.totals(values));
    }

    private List<Valuation.HoldingValue> valued(Rows rows) {
        LatestPrices.Prices latest =
                prices.latest(rows.held().stream().map(HoldingEntity::symbol).toList());
        return rows.held().stream()
                .map(holding -> value(
                        holding,
                        rows.thresholds().getOrDefault(holding.id(), List.of()),
                        latest.quotes().get(holding.symbol()),
                        latest.unavailableReason()))
                .toList();
    }

    private static Valuation.HoldingValue value(
            HoldingEntity holding, List<BigDecimal> thresholds, LatestPrice quote, String unavailableReason) {
        return holding.toHolding()
                .map(position -> Valuation.of(position, holding.thresholdPrice(), thresholds, quote, unavailableReason))
                .orElseGet(() -> Valuation.watched(
                        holding.symbol(), holding.thresholdPrice(), thresholds, quote, unavailableReason));
    }

    private PortfolioEntity owned(UUID owner, UUID portfolioId) {
        return portfolios
                .findById(portfolioId)
                .filter(portfolio -> portfolio.userId().equals(owner))
                .orElseThrow(() -> new NotFoundException("portfolio", portfolioId));
    }
}
