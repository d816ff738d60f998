package org.stockalerts.api.portfolio;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.stockalerts.api.web.NotFoundException;

/** Reads portfolios and holdings of their owner, valued at the latest stored prices. */
@Component
class PortfolioReader {

    private final PortfolioRepository portfolios;
    private final HoldingRepository holdings;
    private final LatestPrices prices;

    PortfolioReader(PortfolioRepository portfolios, HoldingRepository holdings, LatestPrices prices) {
        this.portfolios = portfolios;
        this.holdings = holdings;
        this.prices = prices;
    }

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
        LatestPrices.Prices latest = prices.latest(List.of(holding.symbol()));
        return Valuation.of(
                holding.toHolding(),
                holding.thresholdPrice(),
                latest.quotes().get(holding.symbol()),
                latest.unavailableReason());
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
        List<HoldingEntity> held = holdings.findByPortfolioIdOrderBySymbol(portfolio.id());
        LatestPrices.Prices latest =
                prices.latest(held.stream().map(HoldingEntity::symbol).toList());
        return held.stream()
                .map(holding -> Valuation.of(
                        holding.toHolding(),
                        holding.thresholdPrice(),
                        latest.quotes().get(holding.symbol()),
                        latest.unavailableReason()))
                .toList();
    }

    private PortfolioEntity owned(UUID owner, UUID portfolioId) {
        return portfolios
                .findById(portfolioId)
                .filter(portfolio -> portfolio.userId().equals(owner))
                .orElseThrow(() -> new NotFoundException("portfolio", portfolioId));
    }
}
