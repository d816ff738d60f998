package org.stockalerts.api.portfolio;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.stockalerts.api.alerts.HoldingRules;
import org.stockalerts.api.web.NotFoundException;

/** Reads portfolios and holdings of their owner, valued at the latest stored prices. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PortfolioReader {

    private final PortfolioRepository portfolios;
    private final HoldingRepository holdings;
    private final LatestPrices prices;
    private final HoldingRules rules;

    PortfolioView ofUser(UUID userId) {
        return view(
                portfolios.findByUserId(userId).orElseThrow(() -> new NotFoundException("portfolio of user", userId)));
    }

    PortfolioView byId(UUID owner, UUID portfolioId) {
        return view(owned(owner, portfolioId));
    }

    List<Valuation.HoldingValue> holdings(UUID owner, UUID portfolioId) {
        return valued(owned(owner, portfolioId));
    }

    Valuation.HoldingValue holding(HoldingEntity holding) {
        return valued(List.of(holding)).getFirst();
    }

    PortfolioView view(PortfolioEntity portfolio) {
        List<Valuation.HoldingValue> values = valued(portfolio);
        return new PortfolioView(
                portfolio.id(),
                portfolio.userId(),
                portfolio.name(),
                portfolio.createdAt(),
                portfolio.updatedAt(),
                values,
                Valuation.totals(values));
    }

    private List<Valuation.HoldingValue> valued(PortfolioEntity portfolio) {
        return valued(holdings.findByPortfolioIdOrderBySymbol(portfolio.id()));
    }

    private List<Valuation.HoldingValue> valued(List<HoldingEntity> held) {
        LatestPrices.Prices latest =
                prices.latest(held.stream().map(HoldingEntity::symbol).toList());
        Map<UUID, List<BigDecimal>> thresholds =
                rules.thresholds(held.stream().map(HoldingEntity::id).toList());
        return held.stream()
                .map(holding -> value(
                        holding,
                        thresholds.getOrDefault(holding.id(), List.of()),
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
